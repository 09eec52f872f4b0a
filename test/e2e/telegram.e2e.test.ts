import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TelegramEmulator, type Bot } from '../emulators/telegram/index.js';
import { Engine } from '../support/app-processes.js';
import { countRows, testDatabase } from '../support/database.js';
import { Api } from '../support/http.js';
import { checkedFetch } from '../support/openapi-contract.js';
import { operationEnd } from '../support/operations.js';
import { cozyComfortRequest } from '../support/seed.js';
import { testEnv, uniqueVendor } from '../support/test-env.js';
import { bearer, serviceToken } from '../support/tokens.js';
import { waitFor } from '../support/wait-for.js';

/**
 * Telegram, the channel that came in through its adapter alone, end to end: the engine proves the bot token is the
 * bot's, points the bot's webhook at its own route with a secret token, and answers what customers write in their
 * private chats, through the running apps and the Bot API emulator (which delivers updates as Telegram does).
 */

const PUBLIC_URL = 'https://engine.example.com';
const WEBHOOK_SECRET = 'engine-webhook-secret-for-tests-0123456789';

const db = testDatabase();
let telegram: TelegramEmulator;
let engine: Engine;
let api: Api;
let bot: Bot;
let agentId: string;
let provisioned: { status: string; agent_config: { channels: { channel_type: string }[] } };
let nextChat = 5_500_000_000 + Math.floor(Math.random() * 1e8);

const repliesTo = (chatId: number, count: number) =>
  waitFor(
    async () => (telegram.sentTo(chatId).length >= count ? telegram.sentTo(chatId) : undefined),
    `${count} replies to chat ${chatId}`,
    30_000,
  );

const contextOf = async (chatId: number) => {
  const { rows } = await db.query<{ customer_id: string }>(
    `SELECT customer_id FROM conversation_messages WHERE channel = 'telegram' AND counterpart_id = $1 LIMIT 1`,
    [String(chatId)],
  );
  return (await api.get(`/api/v1/agents/${agentId}/customers/${rows[0]!.customer_id}/context`)).body;
};

const provision = (botToken: string) =>
  api.post(
    '/api/v1/agents/provision',
    cozyComfortRequest(uniqueVendor(), {
      channels: ['telegram'],
      channel_credentials: { telegram: { bot_token: botToken } },
    } as never),
  );

beforeAll(async () => {
  telegram = await TelegramEmulator.start();
  bot = telegram.addBot();
  engine = await Engine.start(
    testEnv({
      PUBLIC_BASE_URL: PUBLIC_URL,
      PLATFORM_OWNERSHIP_CHECK: 'live',
      PLATFORM_SUBSCRIPTIONS: 'live',
      TELEGRAM_API_BASE_URL: telegram.url,
      WEBHOOK_SECRET,
    }),
  );
  telegram.forward(PUBLIC_URL, engine.gatewayUrl);
  api = new Api(engine.gatewayUrl, bearer(serviceToken()));
  const accepted = await provision(bot.token);
  expect(accepted.status).toBe(202);
  provisioned = await operationEnd(api, accepted.body.status_url);
  expect(provisioned).toMatchObject({ status: 'completed' });
  agentId = accepted.body.agent_id;
}, 120_000);

afterAll(async () => {
  await engine?.stop();
  await telegram?.stop();
  await db.end();
});

describe('a Telegram bot provisioned for an agent', () => {
  it("proves the token is the bot's and points the bot's webhook at its route, with a secret token", async () => {
    expect(telegram.calls.filter((call) => call.botId === bot.id).map((call) => call.method)).toEqual(
      expect.arrayContaining(['getme', 'setwebhook']),
    );
    expect(bot.webhook).toEqual({
      url: `${PUBLIC_URL}/api/v1/webhooks/telegram/${bot.id}`,
      secretToken: expect.stringMatching(/^[0-9a-f]{64}$/),
      allowedUpdates: ['message'],
    });
    const channel = provisioned.agent_config.channels.find((c) => c.channel_type === 'telegram');
    expect(channel).toMatchObject({ status: 'active', webhook_url: bot.webhook!.url });
  });

  it('refuses a token that is not a bot the platform knows, naming the field', async () => {
    const refused = await provision(`${bot.id}:AAHnotTheRealSecretOfThisBot000000000`);
    expect(refused.status).toBe(403);
    expect(refused.body.fields).toEqual([
      expect.objectContaining({ field: 'agent_config.channel_credentials.telegram.bot_token' }),
    ]);
  });
});

describe('customers writing to the bot', () => {
  it('answers a text on Telegram, with the business facts, and records both turns', async () => {
    const chatId = nextChat++;
    const { status } = await telegram.customerWrites(bot, {
      chatId,
      firstName: 'Amara',
      lastName: 'Okafor',
      text: 'What are your store hours?',
    });
    expect(status).toBe(200);
    const [reply] = await repliesTo(chatId, 1);
    expect(reply!.text).toContain('9 AM - 6 PM EST');
    const context = await contextOf(chatId);
    expect(context.identities).toEqual([expect.objectContaining({ channel: 'telegram', external_id: String(chatId) })]);
    expect(context.turns.map((turn: { role: string }) => turn.role)).toEqual(['customer', 'agent']);
    expect(context.turns[1]).toMatchObject({ status: 'sent', text: reply!.text });
  });

  it('answers an update Telegram delivers twice once', async () => {
    const chatId = nextChat++;
    const { update } = await telegram.customerWrites(bot, { chatId, text: 'Do you take returns?' });
    expect(await telegram.deliver(bot, update)).toBe(200);
    await repliesTo(chatId, 1);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(telegram.sentTo(chatId)).toHaveLength(1);
    expect(telegram.sentTo(chatId)[0]!.text).toContain('30 days');
  });

  it("refuses an update without the bot's secret token with 401, and one that is not an update with 400", async () => {
    const chatId = nextChat++;
    telegram.openChat(bot, chatId);
    const update = {
      update_id: 1,
      message: {
        message_id: 1,
        date: 1764064800,
        chat: { id: chatId, type: 'private' },
        from: { id: chatId, is_bot: false, first_name: 'Eve' },
        text: 'hi',
      },
    };
    expect(await telegram.deliver(bot, update, null)).toBe(401);
    expect(await telegram.deliver(bot, update, 'not-the-secret-token')).toBe(401);
    const url = `${engine.gatewayUrl}/api/v1/webhooks/telegram/${bot.id}`;
    const malformed = await checkedFetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': bot.webhook!.secretToken! },
      body: JSON.stringify({ message: {} }),
    });
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { message: string }).message).toContain('update_id is missing');
    const recorded = await countRows(db, 'conversation_messages', "channel = 'telegram' AND counterpart_id = $1", [
      String(chatId),
    ]);
    expect(recorded).toBe(0);
    expect(telegram.sentTo(chatId)).toEqual([]);
  });

  it("answers a photo's caption and keeps the photo and a voice note as references", async () => {
    const chatId = nextChat++;
    await telegram.customerWrites(bot, {
      chatId,
      caption: 'What are your store hours?',
      photo: ['AgACAgQ-small', 'AgACAgQ-large'],
    });
    const [reply] = await repliesTo(chatId, 1);
    expect(reply!.text).toContain('9 AM - 6 PM EST');
    await telegram.customerWrites(bot, { chatId, voice: { fileId: 'AwACAgQ-voice', duration: 4 } });
    await repliesTo(chatId, 2);
    const context = await contextOf(chatId);
    const customerTurns = context.turns.filter((turn: { role: string }) => turn.role === 'customer');
    expect(customerTurns[0]).toMatchObject({ media: [{ type: 'image', id: 'AgACAgQ-large' }] });
    expect(customerTurns[1]).toMatchObject({ text: '', media: [{ type: 'audio', id: 'AwACAgQ-voice', voice: true }] });
  });

  it("answers a customer who writes to two businesses' bots on each, though both chats number alike", async () => {
    const other = telegram.addBot();
    const accepted = await provision(other.token);
    await operationEnd(api, accepted.body.status_url);
    const chatId = nextChat++;
    // The customer's chat id is the same with both bots, and each chat's first message is number 1.
    await telegram.customerWrites(bot, { chatId, text: 'What are your store hours?' });
    await telegram.customerWrites(other, { chatId, text: 'What are your store hours?' });
    await repliesTo(chatId, 2);
    expect(
      telegram
        .sentTo(chatId)
        .map((message) => message.botId)
        .sort(),
    ).toEqual([bot.id, other.id].sort());
  });

  it("waits out Telegram's flood limit and sends the reply once", async () => {
    const chatId = nextChat++;
    telegram.failNext('sendMessage', { status: 429, description: 'Too Many Requests: retry after 1', retryAfter: 1 });
    await telegram.customerWrites(bot, { chatId, text: 'Do you deliver?' });
    const [reply] = await repliesTo(chatId, 1);
    expect(reply!.text.length).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(telegram.sentTo(chatId)).toHaveLength(1);
  });
});

describe('deleting the agent', () => {
  it("removes the bot's webhook", async () => {
    const other = telegram.addBot();
    const accepted = await provision(other.token);
    await operationEnd(api, accepted.body.status_url);
    expect(other.webhook).toBeDefined();
    const deleted = await api.delete(`/api/v1/agents/${accepted.body.agent_id}`);
    expect(deleted.status).toBe(202);
    await waitFor(async () => (other.webhook === undefined ? true : undefined), 'the webhook to be deleted', 30_000);
    expect(telegram.calls.filter((call) => call.botId === other.id).map((call) => call.method)).toContain(
      'deletewebhook',
    );
  });
});
