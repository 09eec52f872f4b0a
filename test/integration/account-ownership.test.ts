import type { INestApplication } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SocialEmulator } from '../emulators/social/index.js';
import { freePort } from '../support/app-processes.js';
import { countRows, testDatabase } from '../support/database.js';
import type { Api } from '../support/http.js';
import { closeAll, startGateway } from '../support/in-process.js';
import { messengerTextMessage, signMeta } from '../support/platform-webhooks.js';
import { cozyComfortRequest } from '../support/seed.js';
import { testEnv, uniqueVendor } from '../support/test-env.js';
import { bearer, serviceToken } from '../support/tokens.js';

/**
 * PLATFORM_OWNERSHIP_CHECK=live: a social account is claimed only when its platform (the social emulator speaking
 * the Graph API and the X API) confirms the token given with it belongs to it; until an agent's channel is active,
 * the account's messages reach no agent.
 */

const VERSION = 'v21.0';
const META_SECRET = 'ownership-meta-app-secret';
const db = testDatabase();
const apps: INestApplication[] = [];
let social: SocialEmulator;
let api: Api;

const unique = () => `${Date.now()}${Math.floor(Math.random() * 1e6)}`;

async function gatewayOn(graphUrl: string): Promise<Api> {
  const gateway = await startGateway(
    testEnv({
      PLATFORM_OWNERSHIP_CHECK: 'live',
      META_GRAPH_BASE_URL: graphUrl,
      META_GRAPH_VERSION: VERSION,
      X_API_BASE_URL: graphUrl,
      META_APP_SECRET: META_SECRET,
      OWNERSHIP_CHECK_TIMEOUT_MS: '1000',
    }),
  );
  apps.push(gateway.app);
  return gateway.api;
}

beforeAll(async () => {
  social = await SocialEmulator.start({ graphVersion: VERSION });
  api = await gatewayOn(social.url);
});

afterAll(async () => {
  await closeAll(apps);
  await social?.stop();
  await db.end();
});

function provision(vendor: string, channel: string, credentials: Record<string, string>) {
  return api.post(
    '/api/v1/agents/provision',
    cozyComfortRequest(vendor, {
      channels: [channel] as never,
      channel_credentials: { [channel]: credentials } as never,
    }),
    bearer(serviceToken()),
  );
}

const agentsOf = (vendor: string) => countRows(db, 'agents', 'vendor_id = $1', [vendor]);

describe('claiming a platform account', () => {
  it("refuses a Page claimed with another Page's token, or with a user's, and writes nothing", async () => {
    const [victim, attacker] = [unique(), unique()];
    social.allowToken(victim, 'EAAG-victim-page-token');
    social.allowToken(attacker, 'EAAG-attacker-page-token');
    const vendor = uniqueVendor();
    const refused = await provision(vendor, 'facebook', { page_id: victim, access_token: 'EAAG-attacker-page-token' });
    expect(refused.status).toBe(403);
    expect(refused.body.fields[0].field).toBe('agent_config.channel_credentials.facebook.access_token');
    expect(refused.body.message).toContain(`not ${victim}`);
    expect(await agentsOf(vendor)).toBe(0);
    expect((await provision(vendor, 'facebook', { page_id: victim, access_token: 'EAAG-made-up' })).status).toBe(403);

    // The owner claims it with its own token, and is not locked out by the attempts.
    expect(
      (await provision(uniqueVendor(), 'facebook', { page_id: victim, access_token: 'EAAG-victim-page-token' })).status,
    ).toBe(202);
  });

  it('needs the token to claim an account at all', async () => {
    const refused = await provision(uniqueVendor(), 'instagram', { account_id: unique() });
    expect(refused.status).toBe(400);
    expect(refused.body.fields[0].field).toBe('agent_config.channel_credentials.instagram.access_token');
  });

  it('proves WhatsApp numbers (and their Business Account), Instagram accounts and X users with their own APIs', async () => {
    const [number, waba, instagram, xUser] = [unique(), unique(), unique(), unique()];
    social.allowToken(number, 'EAAG-system-user');
    social.allowToken(waba, 'EAAG-system-user');
    social.allowToken(instagram, 'IGQV-own-token');
    social.allowXUser(xUser, 'x-own-user-token');
    social.allowXUser(unique(), 'x-someone-else');
    expect(
      (
        await provision(uniqueVendor(), 'whatsapp', {
          phone_number_id: number,
          business_account_id: waba,
          access_token: 'EAAG-system-user',
        })
      ).status,
    ).toBe(202);
    expect(
      (await provision(uniqueVendor(), 'whatsapp', { phone_number_id: unique(), access_token: 'EAAG-system-user' }))
        .status,
    ).toBe(403);
    expect(
      (
        await provision(uniqueVendor(), 'whatsapp', {
          phone_number_id: unique(),
          business_account_id: unique(),
          access_token: 'EAAG-system-user',
        })
      ).status,
    ).toBe(403);
    expect(
      (await provision(uniqueVendor(), 'instagram', { account_id: instagram, access_token: 'IGQV-own-token' })).status,
    ).toBe(202);
    expect(
      (await provision(uniqueVendor(), 'twitter', { user_id: xUser, access_token: 'x-someone-else' })).status,
    ).toBe(403);
    expect(
      (await provision(uniqueVendor(), 'twitter', { user_id: xUser, access_token: 'x-own-user-token' })).status,
    ).toBe(202);
  });

  it('proves new credentials given by a PUT the same way', async () => {
    const [page, other] = [unique(), unique()];
    social.allowToken(page, 'EAAG-page-a');
    social.allowToken(other, 'EAAG-page-b');
    const accepted = await provision(uniqueVendor(), 'facebook', { page_id: page, access_token: 'EAAG-page-a' });
    const agentId = accepted.body.agent_id as string;
    const moved = await api.put(
      `/api/v1/agents/${agentId}`,
      { channel_credentials: { facebook: { page_id: other, access_token: 'EAAG-page-a' } } },
      bearer(serviceToken()),
    );
    expect(moved.status).toBe(403);
    expect(moved.body.fields[0].field).toBe('channel_credentials.facebook.access_token');
  });

  it('answers 503 with Retry-After when the platform cannot be asked, and claims nothing', async () => {
    const unreachable = await gatewayOn(`http://127.0.0.1:${await freePort()}`);
    const vendor = uniqueVendor();
    const answer = await unreachable.post(
      '/api/v1/agents/provision',
      cozyComfortRequest(vendor, {
        channels: ['facebook'],
        channel_credentials: { facebook: { page_id: unique(), access_token: 'EAAG-any-token' } } as never,
      }),
      bearer(serviceToken()),
    );
    expect(answer.status).toBe(503);
    expect(Number(answer.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await agentsOf(vendor)).toBe(0);
  });
});

describe('routing', () => {
  it("gives an account's messages only to an agent whose channel is active", async () => {
    const page = unique();
    social.allowToken(page, 'EAAG-routing-page');
    const accepted = await provision(uniqueVendor(), 'facebook', { page_id: page, access_token: 'EAAG-routing-page' });
    const agentId = accepted.body.agent_id as string;
    const deliver = async () => {
      const body = messengerTextMessage({ pageId: page, psid: `psid${unique()}`, text: 'Hello?' });
      const answer = await fetch(`${api.baseUrl}/api/v1/webhooks/meta`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...signMeta(body, META_SECRET) },
        body,
      });
      expect(answer.status).toBe(200);
    };
    // No worker runs here: the channel is still being provisioned.
    await deliver();
    expect(await countRows(db, 'conversation_messages', 'agent_id = $1', [agentId])).toBe(0);
    await db.query(`UPDATE agent_channels SET status = 'active' WHERE agent_id = $1 AND channel = 'facebook'`, [
      agentId,
    ]);
    await deliver();
    expect(await countRows(db, 'conversation_messages', 'agent_id = $1', [agentId])).toBe(1);
  });
});
