import type { INestApplication } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SocialEmulator } from '../emulators/social/index.js';
import { countRows, testDatabase } from '../support/database.js';
import type { Api } from '../support/http.js';
import { closeAll, startGateway, startWorkers } from '../support/in-process.js';
import { cozyComfortRequest } from '../support/seed.js';
import { testEnv, uniqueVendor } from '../support/test-env.js';
import { bearer, serviceToken } from '../support/tokens.js';
import { operationEnd } from '../support/operations.js';

/**
 * PLATFORM_SUBSCRIPTIONS=live through the running apps: provisioning subscribes the app's webhooks to each social
 * account (on the social emulator's Graph subscribed_apps and X Account Activity endpoints), an update moves them
 * with the channels and accounts, a refusal fails only its channel, and deletion leaves none behind.
 */

const VERSION = 'v21.0';
const X_WEBHOOK = '1146654567674912769';
const X_APP_TOKEN = 'x-app-bearer-token-for-tests';
const db = testDatabase();
let social: SocialEmulator;
let gateway: INestApplication;
let workers: INestApplication[];
let api: Api;

beforeAll(async () => {
  social = await SocialEmulator.start({ graphVersion: VERSION });
  social.registerXWebhook(X_WEBHOOK, X_APP_TOKEN);
  const env = testEnv({
    PLATFORM_SUBSCRIPTIONS: 'live',
    META_GRAPH_BASE_URL: social.url,
    META_GRAPH_VERSION: VERSION,
    X_API_BASE_URL: social.url,
    X_WEBHOOK_ID: X_WEBHOOK,
    X_APP_BEARER_TOKEN: X_APP_TOKEN,
  });
  ({ app: gateway, api } = await startGateway(env));
  workers = await startWorkers(env);
}, 60_000);

afterAll(async () => {
  await closeAll(workers ?? []);
  await gateway?.close();
  await social?.stop();
  await db.end();
});

const service = () => bearer(serviceToken());

const ended = (statusUrl: string) => operationEnd(api, statusUrl);

/** Platform accounts no other run uses, each with its token allowed on the emulator. */
function accounts(tag: number) {
  const id = `${tag}${Date.now()}${Math.floor(Math.random() * 1000)}`;
  const made = {
    whatsapp: { phone_number_id: `1${id}`, business_account_id: `2${id}`, access_token: `EAAG-waba-${id}` },
    facebook: { page_id: `3${id}`, access_token: `EAAG-page-${id}` },
    instagram: { account_id: `4${id}`, access_token: `EAAG-ig-${id}` },
    twitter: { user_id: `9${Date.now()}${Math.floor(Math.random() * 1000)}`, access_token: `x-user-${id}` },
  };
  social.registerWhatsAppBusinessAccount(made.whatsapp.business_account_id);
  social.allowToken(made.whatsapp.business_account_id, made.whatsapp.access_token);
  social.allowToken(made.facebook.page_id, made.facebook.access_token);
  social.allowToken(made.instagram.account_id, made.instagram.access_token);
  social.allowXUser(made.twitter.user_id, made.twitter.access_token);
  return made;
}

const subscribed = (...ids: string[]) => social.subscriptions().filter((s) => ids.includes(s.account));

describe('platform webhook subscriptions', () => {
  it('subscribes each account when provisioning, follows the channels and accounts on update, and removes all on deletion', async () => {
    const first = accounts(1);
    const channels = ['whatsapp', 'facebook', 'instagram', 'twitter'];
    const accepted = await api.post(
      '/api/v1/agents/provision',
      cozyComfortRequest(uniqueVendor(), { channels, channel_credentials: first } as never),
      service(),
    );
    expect(accepted.status).toBe(202);
    expect((await ended(accepted.body.status_url)).status).toBe('completed');
    const agentId = accepted.body.agent_id as string;
    const all = [
      first.whatsapp.business_account_id,
      first.facebook.page_id,
      first.instagram.account_id,
      first.twitter.user_id,
    ];
    expect(subscribed(...all)).toEqual(
      expect.arrayContaining([
        { platform: 'graph', account: first.whatsapp.business_account_id, fields: [] },
        { platform: 'graph', account: first.facebook.page_id, fields: ['messages', 'messaging_postbacks'] },
        { platform: 'graph', account: first.instagram.account_id, fields: ['messages'] },
        { platform: 'x', account: first.twitter.user_id, fields: [] },
      ]),
    );
    expect(subscribed(...all)).toHaveLength(4);

    // Drop Instagram and move WhatsApp to another number of another Business Account.
    const moved = accounts(2);
    const { body: agent } = await api.get(`/api/v1/agents/${agentId}`, service());
    const update = await api.put(
      `/api/v1/agents/${agentId}`,
      {
        version: agent.version,
        channels: ['whatsapp', 'facebook', 'twitter'],
        channel_credentials: { whatsapp: moved.whatsapp },
      },
      service(),
    );
    expect(update.status).toBe(202);
    expect((await ended(update.body.status_url)).status).toBe('completed');
    expect(
      subscribed(...all, moved.whatsapp.business_account_id)
        .map((s) => s.account)
        .sort(),
    ).toEqual([moved.whatsapp.business_account_id, first.facebook.page_id, first.twitter.user_id].sort());

    // A new token for the same account changes nothing on the platform, and needs no operation.
    const { body: again } = await api.get(`/api/v1/agents/${agentId}`, service());
    const rotated = await api.put(
      `/api/v1/agents/${agentId}`,
      {
        version: again.version,
        channel_credentials: {
          facebook: { page_id: first.facebook.page_id, access_token: first.facebook.access_token },
        },
      },
      service(),
    );
    expect(rotated.status).toBe(200);
    expect(rotated.body.provisioning_id).toBeUndefined();

    const deletion = await api.delete(`/api/v1/agents/${agentId}`, service());
    expect(deletion.status).toBe(202);
    expect((await ended(deletion.body.status_url)).status).toBe('completed');
    expect(subscribed(...all, moved.whatsapp.business_account_id)).toEqual([]);
    expect(await countRows(db, 'platform_subscriptions', 'agent_id = $1', [agentId])).toBe(0);
  });

  it('fails only the channel whose subscription the platform refuses, and notes a WhatsApp number without its Business Account', async () => {
    const own = accounts(3);
    const accepted = await api.post(
      '/api/v1/agents/provision',
      cozyComfortRequest(uniqueVendor(), {
        channels: ['whatsapp', 'facebook', 'twitter'],
        channel_credentials: {
          whatsapp: { phone_number_id: own.whatsapp.phone_number_id, access_token: own.whatsapp.access_token },
          facebook: { page_id: own.facebook.page_id, access_token: 'EAAG-a-revoked-page-token' },
          twitter: own.twitter,
        },
      } as never),
      service(),
    );
    const done = await ended(accepted.body.status_url);
    expect(done.status).toBe('partially_completed');
    const byType = Object.fromEntries(
      done.agent_config.channels.map((c: { channel_type: string }) => [c.channel_type, c]),
    );
    expect(byType.whatsapp.status).toBe('active');
    expect(byType.twitter.status).toBe('active');
    expect(byType.facebook.status).toBe('failed');
    const { rows } = await db.query(`SELECT error FROM agent_channels WHERE agent_id = $1 AND channel = 'facebook'`, [
      accepted.body.agent_id,
    ]);
    expect(rows[0].error).toBe('the platform refused the webhook subscription: Invalid OAuth access token. (code 190)');
    const elizaos = done.steps.find((step: { name: string }) => step.name === 'elizaos');
    expect(elizaos.detail).toContain(
      'whatsapp: no business_account_id: subscribe the WhatsApp Business Account in the dashboard',
    );
    expect(subscribed(own.facebook.page_id, own.whatsapp.business_account_id)).toEqual([]);
    expect(subscribed(own.twitter.user_id)).toHaveLength(1);
  });

  it('keeps a Business Account subscribed while another agent still answers one of its numbers', async () => {
    const shared = accounts(4);
    const waba = shared.whatsapp.business_account_id;
    const agentOn = async (phoneNumberId: string) => {
      const accepted = await api.post(
        '/api/v1/agents/provision',
        cozyComfortRequest(uniqueVendor(), {
          channels: ['whatsapp'],
          channel_credentials: { whatsapp: { ...shared.whatsapp, phone_number_id: phoneNumberId } },
        } as never),
        service(),
      );
      expect((await ended(accepted.body.status_url)).status).toBe('completed');
      return accepted.body.agent_id as string;
    };
    const first = await agentOn(shared.whatsapp.phone_number_id);
    const second = await agentOn(`5${Date.now()}`);
    expect(subscribed(waba)).toHaveLength(1);
    expect(await countRows(db, 'platform_subscriptions', 'account_id = $1', [waba])).toBe(2);

    const deleteAgent = async (agentId: string) => {
      const deletion = await api.delete(`/api/v1/agents/${agentId}`, service());
      expect((await ended(deletion.body.status_url)).status).toBe('completed');
    };
    await deleteAgent(first);
    expect(subscribed(waba)).toHaveLength(1);
    await deleteAgent(second);
    expect(subscribed(waba)).toEqual([]);
    expect(await countRows(db, 'platform_subscriptions', 'account_id = $1', [waba])).toBe(0);
  });
});
