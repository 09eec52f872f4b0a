import { describe, expect, it } from 'vitest';
import * as tg from '../../../../../test/fixtures/platform-samples/telegram.js';
import { WebhookPayloadError } from '../../inbound/errors.js';
import { MAX_TEXT_LENGTH } from '../../inbound/limits.js';
import { parseTelegramUpdate, telegramWebhookDoor } from './telegram-webhook.js';
import { engineSecrets, NO_SECRETS } from '../../registry.js';

const BOT = '7012345678';
const parse = (update: unknown) => parseTelegramUpdate(update, BOT);

describe('Telegram updates as Telegram publishes them', () => {
  it("reads the webhooks guide's first sample, which predates chat.type, as a private chat's message", () => {
    expect(parse(tg.docsTextMessage)).toEqual({
      events: [
        {
          kind: 'message',
          channel: 'telegram',
          businessAccountId: BOT,
          platformMessageId: '7012345678:1111111:1365',
          sender: { id: '1111111', name: 'Test Test Lastname' },
          text: '/start',
          sentAt: '2015-09-07T17:05:32.000Z',
        },
      ],
      skipped: [],
    });
  });

  it('reads forwarded messages, replies and entities as their words', () => {
    for (const update of [tg.docsForwardedMessage, tg.docsReply]) {
      expect(parse(update).events).toMatchObject([{ text: '/start', sender: { id: '1111111' } }]);
    }
    expect(parse(tg.docsEntities).events).toMatchObject([{ text: 'Bold and italics' }]);
  });

  it('keeps a voice note, an audio file and a document as references, with no words', () => {
    expect(parse(tg.docsVoice).events).toMatchObject([
      {
        text: '',
        media: [{ type: 'audio', id: 'AwADBAADbXXXXXXXXXXXGBdhD2l6_XX', mime_type: 'audio/ogg', voice: true }],
      },
    ]);
    const audio = parse(tg.docsAudio).events[0] as any;
    expect(audio.media).toEqual([{ type: 'audio', id: 'AwADBAADbXXXXXXXXXXXGBdhD2l6_XX', mime_type: 'audio/mpeg' }]);
    expect((parse(tg.docsDocument).events[0] as any).media).toEqual([
      {
        type: 'document',
        id: 'AwADBAADbXXXXXXXXXXXGBdhD2l6_XX',
        mime_type: 'application/pdf',
        filename: 'Testfile.pdf',
      },
    ]);
  });

  it("answers a photo's caption and keeps the largest size of the photo", () => {
    expect(parse(tg.apiPhotoWithCaption).events).toEqual([
      expect.objectContaining({
        platformMessageId: '7012345678:5512345678:254',
        sender: { id: '5512345678', name: 'Amara Okafor' },
        text: 'Is this lamp still in stock?',
        media: [{ type: 'image', id: 'AgACAgQAAxkBAAIBXGa-y800' }],
      }),
    ]);
  });

  it('keeps a venue with its name and address, and a shared contact', () => {
    expect((parse(tg.apiVenue).events[0] as any).media).toEqual([
      {
        type: 'location',
        latitude: 6.524379,
        longitude: 3.379206,
        name: 'Cozy Comfort Lekki',
        address: '12 Admiralty Way, Lekki',
      },
    ]);
    expect((parse(tg.apiContact).events[0] as any).media).toEqual([
      { type: 'contacts', contacts: [{ name: 'Amara Okafor', phones: ['+2348031234567'] }] },
    ]);
  });

  it('skips what the agent does not answer, naming it: edits, queries, groups, channel posts', () => {
    for (const update of [tg.docsEditedMessage, tg.docsInlineQuery, tg.docsChosenInlineResult, tg.docsCallbackQuery]) {
      const { events, skipped } = parse(update);
      expect(events).toEqual([]);
      expect(skipped).toEqual([
        { reason: 'unsupported_type', detail: expect.stringContaining('telegram update 10000') },
      ]);
    }
    expect(parse(tg.apiGroupMessage).skipped).toEqual([
      { reason: 'unsupported_type', detail: 'telegram message "-1001234567890:4242" in a supergroup chat' },
    ]);
    expect(parse(tg.apiChannelPost).skipped[0]).toMatchObject({ reason: 'unsupported_type' });
  });
});

describe('Telegram updates that are not as documented', () => {
  it('refuses a body that is not an update, naming the field', () => {
    expect(() => parse([])).toThrow(WebhookPayloadError);
    expect(() => parse({ message: {} })).toThrow('update_id is missing');
    expect(() => parse({ update_id: '12' })).toThrow('update_id must be an integer');
  });

  it('skips a malformed message as malformed, naming its field, and an empty one as empty', () => {
    const noChat = { update_id: 1, message: { message_id: 2, date: 1441645532, text: 'hi', from: { id: 3 } } };
    expect(parse(noChat).skipped).toEqual([
      { reason: 'malformed', detail: 'telegram update 1: message.chat is missing' },
    ]);
    const { message } = tg.docsTextMessage;
    const empty = { update_id: 5, message: { ...message, text: '   ' } };
    expect(parse(empty).skipped).toEqual([{ reason: 'empty', detail: 'telegram message "1111111:1365" has no text' }]);
    const fromBot = { update_id: 6, message: { ...message, from: { ...message.from, is_bot: true } } };
    expect(parse(fromBot).skipped[0]).toMatchObject({ reason: 'own_message' });
  });

  it('cuts a text past the limit and keeps a NUL from reaching the database', () => {
    const { message } = tg.docsTextMessage;
    const long = parse({ update_id: 7, message: { ...message, text: `a\u0000b${'x'.repeat(MAX_TEXT_LENGTH)}` } });
    const text = (long.events[0] as any).text as string;
    expect([...text]).toHaveLength(MAX_TEXT_LENGTH);
    expect(text.startsWith('ab')).toBe(true);
  });
});

describe("the Telegram door's secret token", () => {
  const SECRET = 'engine-webhook-secret-0123456789abcdef';
  const secrets = engineSecrets(SECRET);
  const door = telegramWebhookDoor({}, secrets);
  const request = (account: string, token: string | undefined) => ({
    rawBody: Buffer.from('{}'),
    header: (name: string) => (name === 'x-telegram-bot-api-secret-token' ? token : undefined),
    params: { account },
  });

  it("lets in the bot's own token, within Telegram's alphabet, and nothing else", () => {
    const token = secrets.accountWebhookToken('telegram', BOT)!;
    expect(token).toMatch(/^[A-Za-z0-9_-]{1,256}$/);
    expect(door.authenticate(request(BOT, token))).toBeUndefined();
    expect(door.authenticate(request(BOT, undefined))).toMatchObject({ kind: 'unauthorized' });
    expect(door.authenticate(request(BOT, `${token}x`))).toMatchObject({ kind: 'unauthorized' });
    // Another bot's token does not open this bot's route.
    expect(door.authenticate(request('7099999999', token))).toMatchObject({ kind: 'unauthorized' });
    expect(door.authenticate(request('../7012345678', token))).toMatchObject({ kind: 'unauthorized' });
  });

  it('is not configured without WEBHOOK_SECRET', () => {
    const bare = telegramWebhookDoor({}, NO_SECRETS);
    expect(bare.authenticate(request(BOT, 'x'))).toMatchObject({ kind: 'not_configured' });
  });
});
