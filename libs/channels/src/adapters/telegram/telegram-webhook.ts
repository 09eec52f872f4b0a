import { timingSafeEqual } from 'node:crypto';
import { toStorableText, type InboundMedia, type InboundMessageEvent, type ParsedWebhook } from '@voca/contracts';
import type { ChannelEnv, EngineSecrets, WebhookDoor } from '../../channel-adapter.js';
import { WebhookPayloadError } from '../../inbound/errors.js';
import { truncateText } from '../../inbound/limits.js';
import { captionOf, fileMedia, locationMedia } from '../../inbound/media.js';
import {
  child,
  isObject,
  optionalString,
  prop,
  quote,
  readItem,
  requireEpoch,
  requireObject,
  type JsonObject,
  type Skip,
} from '../../inbound/read.js';

/** The update kinds the engine answers; the rest (edits, channel posts, callback queries...) are skipped. */
const ANSWERED = 'message';

/** What Telegram sends for an id: a JSON number (an integer that may pass 2^31), kept as its digits. */
function requireId(value: unknown, path: string): string {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  if (value === undefined || value === null) throw new WebhookPayloadError(`${path} is missing`, path);
  throw new WebhookPayloadError(`${path} must be an integer`, path);
}

/**
 * One Telegram update, delivered to the bot's own route (`botId` from the path: an update does not say which bot it
 * is for). A private chat's message becomes an InboundEvent; what the agent does not answer (a group's message, an
 * edit, a channel post, another kind of update, a bot's message) is skipped with the reason.
 */
export function parseTelegramUpdate(body: unknown, botId: string): ParsedWebhook {
  if (!isObject(body)) throw new WebhookPayloadError('payload must be a JSON object');
  const updateId = requireId(prop(body, 'update_id'), 'update_id');
  const kinds = Object.keys(body).filter((key) => key !== 'update_id');
  const result: ParsedWebhook = { events: [], skipped: [] };
  if (!kinds.includes(ANSWERED)) {
    result.skipped.push({
      reason: 'unsupported_type',
      detail: `telegram update ${updateId}: ${quote(kinds.join(', ') || 'empty')}`,
    });
    return result;
  }
  const raw = prop(body, ANSWERED);
  const parsed = readItem(raw, `telegram update ${updateId}`, () => parseMessage(raw, ANSWERED, botId));
  if ('kind' in parsed) result.events.push(parsed);
  else result.skipped.push(parsed);
  return result;
}

function parseMessage(raw: unknown, path: string, botId: string): InboundMessageEvent | Skip {
  const message = requireObject(raw, path);
  const messageId = requireId(prop(message, 'message_id'), child(path, 'message_id'));
  const chatPath = child(path, 'chat');
  const chat = requireObject(prop(message, 'chat'), chatPath);
  const chatId = requireId(prop(chat, 'id'), child(chatPath, 'id'));
  // Telegram's own first sample predates `chat.type`; a user's chat id (a private chat's) is positive, a group's not.
  const type =
    optionalString(prop(chat, 'type'), child(chatPath, 'type')) ?? (Number(chatId) > 0 ? 'private' : 'group');
  const described = `telegram message ${quote(`${chatId}:${messageId}`)}`;
  if (type !== 'private') return { reason: 'unsupported_type', detail: `${described} in a ${type} chat` };
  const fromPath = child(path, 'from');
  const from = requireObject(prop(message, 'from'), fromPath);
  requireId(prop(from, 'id'), child(fromPath, 'id'));
  if (prop(from, 'is_bot') === true) return { reason: 'own_message', detail: `${described} from a bot` };
  const sentAt = requireEpoch(prop(message, 'date'), child(path, 'date'), 's');

  const media = mediaOf(message, path);
  const text =
    typeof prop(message, 'text') === 'string' ? toStorableText(prop(message, 'text') as string) : captionOf(message);
  if (text.trim() === '' && media.length === 0) return { reason: 'empty', detail: `${described} has no text` };

  const sender: InboundMessageEvent['sender'] = { id: chatId };
  const name = [prop(from, 'first_name'), prop(from, 'last_name')].filter(
    (part): part is string => typeof part === 'string' && part.trim() !== '',
  );
  if (name.length > 0) sender.name = toStorableText(name.join(' '));
  const event: InboundMessageEvent = {
    kind: 'message',
    channel: 'telegram',
    businessAccountId: botId,
    // Message ids count per chat of one bot, and a customer's chat id is the same with every bot: the bot and the
    // chat make the id unique across the engine (and a redelivered update the same).
    platformMessageId: `${botId}:${chatId}:${messageId}`,
    sender,
    text: truncateText(text),
    sentAt,
  };
  if (media.length > 0) event.media = media;
  return event;
}

/** The file kinds a message may carry, as the engine's media types. */
const FILES = [
  ['voice', 'audio'],
  ['audio', 'audio'],
  ['video', 'video'],
  ['video_note', 'video'],
  ['animation', 'video'],
  ['document', 'document'],
  ['sticker', 'sticker'],
] as const;

/**
 * What a message carries besides words, as references (the business fetches a file with getFile and its own token):
 * the largest size of a photo, voice notes, files, a location or venue, a shared contact.
 */
function mediaOf(message: JsonObject, path: string): InboundMedia[] {
  const media: InboundMedia[] = [];
  const photo = prop(message, 'photo');
  if (Array.isArray(photo) && photo.length > 0) {
    // Telegram lists the sizes of one photo, smallest first.
    const largest = photo[photo.length - 1];
    if (isObject(largest)) media.push(fileMedia('image', { id: prop(largest, 'file_id') }, child(path, 'photo')));
  }
  for (const [key, type] of FILES) {
    const file = prop(message, key);
    if (!isObject(file)) continue;
    const filePath = child(path, key);
    media.push(
      fileMedia(
        type,
        {
          id: prop(file, 'file_id'),
          mime_type: prop(file, 'mime_type'),
          filename: prop(file, 'file_name'),
          voice: key === 'voice' ? true : undefined,
        },
        filePath,
      ),
    );
  }
  const venue = prop(message, 'venue');
  const location = isObject(venue) ? prop(venue, 'location') : prop(message, 'location');
  if (isObject(location)) {
    media.push(
      locationMedia({
        latitude: prop(location, 'latitude'),
        longitude: prop(location, 'longitude'),
        ...(isObject(venue) ? { name: prop(venue, 'title'), address: prop(venue, 'address') } : {}),
      }),
    );
  }
  const contact = prop(message, 'contact');
  if (isObject(contact)) {
    const phone = optionalString(prop(contact, 'phone_number'), child(child(path, 'contact'), 'phone_number'));
    const name = [prop(contact, 'first_name'), prop(contact, 'last_name')].filter(
      (part): part is string => typeof part === 'string' && part !== '',
    );
    media.push({ type: 'contacts', contacts: [{ name: name.join(' ') || 'contact 1', phones: phone ? [phone] : [] }] });
  }
  return media;
}

/** A bot id as it appears in a route: digits. */
const BOT_ID = /^[1-9]\d{0,19}$/;

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** A text message as the Bot API documents an Update. */
const EXAMPLE = {
  update_id: 912345678,
  message: {
    message_id: 1365,
    from: { id: 5512345678, is_bot: false, first_name: 'Amara', last_name: 'Okafor', language_code: 'en' },
    chat: { id: 5512345678, first_name: 'Amara', last_name: 'Okafor', type: 'private' },
    date: 1764064800,
    text: 'Do you deliver on Saturdays?',
  },
};

/**
 * Telegram's webhook, one route per bot (`telegram/{bot id}`): every update carries the bot's secret token in
 * X-Telegram-Bot-Api-Secret-Token, as setWebhook was given it (the engine's token for the bot, from WEBHOOK_SECRET).
 */
export function telegramWebhookDoor(_env: ChannelEnv, secrets: EngineSecrets): WebhookDoor {
  return {
    name: 'telegram',
    path: 'telegram/:account',
    authenticate(request) {
      const botId = request.params.account ?? '';
      const expected = secrets.accountWebhookToken('telegram', BOT_ID.test(botId) ? botId : '0');
      if (!expected) return { kind: 'not_configured', message: 'this webhook is not configured: set WEBHOOK_SECRET' };
      const given = request.header('x-telegram-bot-api-secret-token');
      const authentic = BOT_ID.test(botId) && typeof given === 'string' && sameToken(given, expected);
      return authentic
        ? undefined
        : { kind: 'unauthorized', message: 'X-Telegram-Bot-Api-Secret-Token is not the secret token of this bot' };
    },
    parse: (body, request) => parseTelegramUpdate(body, request.params.account ?? ''),
    docs: {
      summary: "A bot's updates; each carries its secret token in X-Telegram-Bot-Api-Secret-Token",
      body: { example: EXAMPLE, description: 'A Telegram Update; messages in private chats are answered' },
      malformed: 'The body is not valid JSON, or not a Telegram Update, naming the field',
      signature: {
        header: 'X-Telegram-Bot-Api-Secret-Token',
        example: 'k3V9dQ2m...',
        description: "The bot's secret token, derived from WEBHOOK_SECRET and given to setWebhook",
      },
      setting: 'WEBHOOK_SECRET',
      pathParameters: [{ name: 'account', example: '7012345678', description: "The bot's id" }],
    },
  };
}
