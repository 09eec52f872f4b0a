import type { INestApplication } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TelegramEmulator } from '../emulators/telegram/index.js';
import { testDatabase } from '../support/database.js';
import type { Api } from '../support/http.js';
import { closeAll, startGateway, startWorkers } from '../support/in-process.js';
import { operationEnd } from '../support/operations.js';
import { cozyComfortRequest } from '../support/seed.js';
import { testEnv, uniqueVendor } from '../support/test-env.js';
import { bearer, serviceToken } from '../support/tokens.js';

/**
 * A Telegram bot's webhook can only be set by the engine (its secret token is the engine's): with
 * PLATFORM_SUBSCRIPTIONS off, the channel waits for configuration and says why, instead of claiming to be active
 * while no update can reach it.
 */

const db = testDatabase();
let telegram: TelegramEmulator;
let gateway: INestApplication;
let workers: INestApplication[];
let api: Api;

beforeAll(async () => {
  telegram = await TelegramEmulator.start();
  const env = testEnv({ TELEGRAM_API_BASE_URL: telegram.url, PLATFORM_SUBSCRIPTIONS: 'off' });
  ({ app: gateway, api } = await startGateway(env));
  workers = await startWorkers(env);
}, 60_000);

afterAll(async () => {
  await closeAll(workers ?? []);
  await gateway?.close();
  await telegram?.stop();
  await db.end();
});

describe('a Telegram bot without platform subscriptions', () => {
  it('waits for configuration, naming the setting, and its webhook is left alone', async () => {
    const bot = telegram.addBot();
    const accepted = await api.post(
      '/api/v1/agents/provision',
      cozyComfortRequest(uniqueVendor(), {
        channels: ['voice', 'telegram'],
        channel_credentials: { telegram: { bot_token: bot.token } },
      } as never),
      bearer(serviceToken()),
    );
    expect(accepted.status).toBe(202);
    const ended = await operationEnd(api, accepted.body.status_url);
    const channel = ended.agent_config.channels.find((c: { channel_type: string }) => c.channel_type === 'telegram');
    expect(channel).toMatchObject({
      status: 'pending_configuration',
      error: expect.stringContaining('PLATFORM_SUBSCRIPTIONS=live'),
    });
    expect(bot.webhook).toBeUndefined();
    expect(telegram.calls.filter((call) => call.botId === bot.id)).toEqual([]);
  });
});
