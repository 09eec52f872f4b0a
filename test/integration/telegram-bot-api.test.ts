import { CHANNEL_ADAPTERS, engineSecrets, NO_SECRETS } from '@voca/channels';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TelegramEmulator, type Bot } from '../emulators/telegram/index.js';
import { freePort } from '../support/app-processes.js';

/**
 * The Telegram adapter over HTTP against the Bot API emulator: sending (and Telegram's refusals), the bot's webhook,
 * and the proof that a token is the bot's.
 */

const SECRET = 'engine-webhook-secret-for-tests-0123456789';
const OPTIONS = {
  timeoutMs: 2_000,
  webhookUrlOf: (botId: string) => `https://engine.example.com/api/v1/webhooks/telegram/${botId}`,
  secrets: engineSecrets(SECRET),
};
const adapter = CHANNEL_ADAPTERS.telegram;
let telegram: TelegramEmulator;
let env: Record<string, unknown>;

beforeAll(async () => {
  telegram = await TelegramEmulator.start();
  env = { TELEGRAM_API_BASE_URL: telegram.url };
});

afterAll(async () => {
  await telegram.stop();
});

const chatWith = (bot: Bot, chatId: number) => telegram.openChat(bot, chatId);

describe('sending on Telegram', () => {
  it("sends to the customer's chat and answers with the message id, unique to the bot", async () => {
    const bot = telegram.addBot();
    chatWith(bot, 5512345001);
    const outcome = await adapter.sender(env, OPTIONS).send({
      channel: 'telegram',
      businessAccountId: String(bot.id),
      recipientId: '5512345001',
      text: 'We open at 9 AM.',
      accessToken: bot.token,
    });
    expect(outcome).toEqual({ kind: 'sent', platformMessageId: `${bot.id}:5512345001:1` });
    expect(telegram.sentTo(5512345001)).toEqual([
      { botId: bot.id, chatId: 5512345001, messageId: 1, text: 'We open at 9 AM.' },
    ]);
  });

  it('sends a reply past 4096 characters as several messages, in order', async () => {
    const bot = telegram.addBot();
    chatWith(bot, 5512345002);
    const text = 'Our duvets come in four sizes. '.repeat(200).trim();
    const outcome = await adapter.sender(env, OPTIONS).send({
      channel: 'telegram',
      businessAccountId: String(bot.id),
      recipientId: '5512345002',
      text,
      accessToken: bot.token,
    });
    expect(outcome.kind).toBe('sent');
    const sent = telegram.sentTo(5512345002);
    expect(sent.length).toBe(2);
    expect(sent.map((message) => message.text).join(' ')).toBe(text);
  });

  it("reads Telegram's refusals: flood wait as retry after its seconds, a block and a revoked token for good", async () => {
    const bot = telegram.addBot();
    chatWith(bot, 5512345003);
    const send = () =>
      adapter.sender(env, OPTIONS).send({
        channel: 'telegram',
        businessAccountId: String(bot.id),
        recipientId: '5512345003',
        text: 'Hello',
        accessToken: bot.token,
      });
    telegram.failNext('sendMessage', { status: 429, description: 'Too Many Requests: retry after 7', retryAfter: 7 });
    expect(await send()).toEqual({
      kind: 'retry',
      reason: 'Too Many Requests: retry after 7 (code 429)',
      retryAfterMs: 7_000,
    });
    telegram.failNext('sendMessage', { status: 502, description: 'Bad Gateway' });
    expect(await send()).toMatchObject({ kind: 'retry' });
    telegram.block(5512345003);
    expect(await send()).toEqual({ kind: 'rejected', reason: 'Forbidden: bot was blocked by the user (code 403)' });
    telegram.revoke(bot);
    expect(await send()).toEqual({ kind: 'rejected', reason: 'Unauthorized (code 401)', credentialsInvalid: true });
  });

  it('takes an unreachable Bot API as retry when nothing was sent', async () => {
    const outcome = await adapter
      .sender({ ...env, TELEGRAM_API_BASE_URL: `http://127.0.0.1:${await freePort()}` }, OPTIONS)
      .send({ channel: 'telegram', businessAccountId: '1', recipientId: '2', text: 'Hi', accessToken: '1:x' });
    expect(outcome).toMatchObject({ kind: 'retry' });
  });
});

describe("a bot's webhook", () => {
  it('points the bot at its route with its secret token, for messages only, and removes it', async () => {
    const bot = telegram.addBot();
    const subscriptions = adapter.subscriptions(env, OPTIONS);
    const target = { channel: 'telegram' as const, accountId: String(bot.id), accessToken: bot.token };
    expect(await subscriptions.subscribe(target)).toEqual({ kind: 'done' });
    expect(bot.webhook).toEqual({
      url: `https://engine.example.com/api/v1/webhooks/telegram/${bot.id}`,
      secretToken: expect.stringMatching(/^[0-9a-f]{64}$/),
      allowedUpdates: ['message'],
    });
    // The door lets the token Telegram was given through, for this bot's route only.
    const door = adapter.webhook(env, OPTIONS.secrets);
    const request = (account: string) => ({
      rawBody: Buffer.from('{}'),
      header: () => bot.webhook!.secretToken,
      params: { account },
    });
    expect(door.authenticate(request(String(bot.id)))).toBeUndefined();
    expect(door.authenticate(request(String(bot.id + 1)))).toMatchObject({ kind: 'unauthorized' });

    expect(await subscriptions.unsubscribe(target)).toEqual({ kind: 'done' });
    expect(bot.webhook).toBeUndefined();
  });

  it('skips without WEBHOOK_SECRET, refuses a revoked token, retries a Bot API in trouble', async () => {
    const bot = telegram.addBot();
    const target = { channel: 'telegram' as const, accountId: String(bot.id), accessToken: bot.token };
    expect(await adapter.subscriptions(env, { ...OPTIONS, secrets: NO_SECRETS }).subscribe(target)).toEqual({
      kind: 'skipped',
      reason: 'WEBHOOK_SECRET is not set',
    });
    telegram.failNext('setWebhook', { status: 500, description: 'Internal Server Error' });
    expect(await adapter.subscriptions(env, OPTIONS).subscribe(target)).toMatchObject({ kind: 'retry' });
    telegram.revoke(bot);
    expect(await adapter.subscriptions(env, OPTIONS).subscribe(target)).toEqual({
      kind: 'rejected',
      reason: 'Unauthorized (code 401)',
    });
  });
});

describe("proving a token is the bot's", () => {
  it("owns the bot its token names, and not another's or a revoked one; a Bot API in trouble leaves it unknown", async () => {
    const bot = telegram.addBot();
    const other = telegram.addBot();
    const prover = adapter.ownership(env, OPTIONS);
    expect(await prover.prove({ bot_token: bot.token })).toEqual({ kind: 'owned' });
    // A token whose id part was changed to another bot's: getMe answers the real bot.
    const forged = `${other.id}:${bot.token.split(':')[1]}`;
    expect(await prover.prove({ bot_token: forged })).toEqual({ kind: 'not_owned', reason: 'Unauthorized (code 401)' });
    telegram.failNext('getMe', { status: 500, description: 'Internal Server Error' });
    expect(await prover.prove({ bot_token: bot.token })).toMatchObject({ kind: 'unknown' });
    telegram.revoke(bot);
    expect(await prover.prove({ bot_token: bot.token })).toEqual({
      kind: 'not_owned',
      reason: 'Unauthorized (code 401)',
    });
  });
});
