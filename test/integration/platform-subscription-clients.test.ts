import { CHANNEL_ADAPTERS, NO_SECRETS, type ChannelEnv } from '@voca/channels';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SocialEmulator } from '../emulators/social/index.js';

/**
 * The channel adapters' webhook-subscription clients, over HTTP against the social emulator's subscribed_apps and X
 * endpoints.
 */

const VERSION = 'v21.0';
const X_WEBHOOK = '1146654567674912769';
const X_APP_TOKEN = 'x-app-bearer-token';
let social: SocialEmulator;
let env: Record<string, unknown>;
const OPTIONS = {
  timeoutMs: 2_000,
  webhookUrlOf: (accountId: string) => `https://engine.example.com/${accountId}`,
  secrets: NO_SECRETS,
};
const subscriptionsOf = (channel: keyof typeof CHANNEL_ADAPTERS, settings: ChannelEnv = env) =>
  CHANNEL_ADAPTERS[channel].subscriptions(settings, OPTIONS);

beforeAll(async () => {
  social = await SocialEmulator.start({ graphVersion: VERSION });
  social.registerXWebhook(X_WEBHOOK, X_APP_TOKEN);
  env = {
    META_GRAPH_BASE_URL: social.url,
    META_GRAPH_VERSION: VERSION,
    X_API_BASE_URL: social.url,
    X_WEBHOOK_ID: X_WEBHOOK,
    X_APP_BEARER_TOKEN: X_APP_TOKEN,
  };
});

afterAll(async () => {
  await social.stop();
});

describe("Meta's subscriptions (Graph subscribed_apps)", () => {
  it('subscribes a Page to messages and postbacks, an Instagram account to messages, a WABA with no fields, and undoes each', async () => {
    social.allowToken('page-sub-1', 'page-token-1');
    social.allowToken('ig-sub-1', 'ig-token-1');
    social.allowToken('waba-sub-1', 'waba-token-1');
    social.registerWhatsAppBusinessAccount('waba-sub-1');

    expect(
      await subscriptionsOf('facebook').subscribe({
        channel: 'facebook',
        accountId: 'page-sub-1',
        accessToken: 'page-token-1',
      }),
    ).toEqual({ kind: 'done' });
    expect(
      await subscriptionsOf('instagram').subscribe({
        channel: 'instagram',
        accountId: 'ig-sub-1',
        accessToken: 'ig-token-1',
      }),
    ).toEqual({
      kind: 'done',
    });
    expect(
      await subscriptionsOf('whatsapp').subscribe({
        channel: 'whatsapp',
        accountId: 'waba-sub-1',
        accessToken: 'waba-token-1',
      }),
    ).toEqual({ kind: 'done' });
    expect(social.subscriptions()).toEqual(
      expect.arrayContaining([
        { platform: 'graph', account: 'page-sub-1', fields: ['messages', 'messaging_postbacks'] },
        { platform: 'graph', account: 'ig-sub-1', fields: ['messages'] },
        { platform: 'graph', account: 'waba-sub-1', fields: [] },
      ]),
    );

    for (const [channel, accountId, accessToken] of [
      ['facebook', 'page-sub-1', 'page-token-1'],
      ['instagram', 'ig-sub-1', 'ig-token-1'],
      ['whatsapp', 'waba-sub-1', 'waba-token-1'],
    ] as const) {
      expect(await subscriptionsOf(channel).unsubscribe({ channel, accountId, accessToken })).toEqual({ kind: 'done' });
    }
    expect(social.subscriptions().filter((s) => s.account.endsWith('-sub-1'))).toEqual([]);
  });

  it("reads Graph's refusal of a bad token as rejected, naming the error, and an unreachable Graph as retry", async () => {
    const refused = await subscriptionsOf('facebook').subscribe({
      channel: 'facebook',
      accountId: 'page-sub-2',
      accessToken: 'not-its-token',
    });
    expect(refused).toEqual({ kind: 'rejected', reason: 'Invalid OAuth access token. (code 190)' });
    const unreachable = subscriptionsOf('facebook', { ...env, META_GRAPH_BASE_URL: 'http://127.0.0.1:9' });
    expect(await unreachable.subscribe({ channel: 'facebook', accountId: 'p', accessToken: 't' })).toMatchObject({
      kind: 'retry',
    });
  });
});

describe("X's subscriptions (Account Activity)", () => {
  it("subscribes with the user's token and unsubscribes with the app's", async () => {
    social.allowXUser('2244994945', 'x-user-token');
    const x = subscriptionsOf('twitter');
    expect(await x.subscribe({ channel: 'twitter', accountId: '2244994945', accessToken: 'x-user-token' })).toEqual({
      kind: 'done',
    });
    expect(social.subscriptions()).toContainEqual({ platform: 'x', account: '2244994945', fields: [] });
    expect(await x.unsubscribe({ channel: 'twitter', accountId: '2244994945', accessToken: 'x-user-token' })).toEqual({
      kind: 'done',
    });
    expect(social.subscriptions().filter((s) => s.platform === 'x')).toEqual([]);
  });

  it('refuses an unknown user token, and skips when the webhook or the app token is not configured', async () => {
    const x = subscriptionsOf('twitter');
    expect(await x.subscribe({ channel: 'twitter', accountId: '1', accessToken: 'unknown' })).toEqual({
      kind: 'rejected',
      reason: 'Unauthorized',
    });
    const unconfigured = subscriptionsOf('twitter', { ...env, X_WEBHOOK_ID: undefined, X_APP_BEARER_TOKEN: undefined });
    expect(await unconfigured.subscribe({ channel: 'twitter', accountId: '1', accessToken: 'x' })).toEqual({
      kind: 'skipped',
      reason: 'X_WEBHOOK_ID is not set',
    });
    expect((await unconfigured.unsubscribe({ channel: 'twitter', accountId: '1', accessToken: 'x' })).kind).toBe(
      'skipped',
    );
  });
});
