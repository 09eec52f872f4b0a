import { settingsOf, type ChannelEnv, type WebhookDoor } from '../../channel-adapter.js';
import { isXCrcToken, verifyXSignature, xCrcResponse } from './x-signature.js';
import { X_SETTINGS } from './x-settings.js';
import {
  toStorableText,
  type InboundMedia,
  type InboundMessageEvent,
  type MediaType,
  type ParsedWebhook,
} from '@voca/contracts';
import { fileMedia } from '../../inbound/media.js';
import { WebhookPayloadError } from '../../inbound/errors.js';
import { truncateText } from '../../inbound/limits.js';
import {
  EventBudget,
  child,
  isObject,
  item,
  prop,
  quote,
  requireArray,
  requireEpoch,
  requireObject,
  requireString,
  requireText,
  readItem,
  type JsonObject,
  type Skip,
} from '../../inbound/read.js';

/**
 * One X Account Activity delivery (verified with verifyXSignature). Direct messages arrive as
 *
 *   {for_user_id, direct_message_events: [{type: "message_create", id, created_timestamp, message_create:
 *   {target: {recipient_id}, sender_id, source_app_id?, message_data: {text, entities, attachment?}}}],
 *   users: {<id>: {id, name, screen_name, ...}}, apps?: {...}}
 *
 * for_user_id is the subscribed (business) account and routes the message. DMs the account itself sent come back
 * too (sender_id == for_user_id): skipped as `own_message`, or the agent would answer itself. Deliveries without
 * direct_message_events (favorite_events, tweet_create_events, follow_events, typing and read indicators...) give no
 * event.
 */
export function parseXWebhook(body: unknown): ParsedWebhook {
  if (!isObject(body)) throw new WebhookPayloadError('payload must be a JSON object');
  const forUserId = requireString(prop(body, 'for_user_id'), 'for_user_id');
  const result: ParsedWebhook = { events: [], skipped: [] };

  const dms = prop(body, 'direct_message_events');
  if (dms === undefined || dms === null) {
    const kind = Object.keys(body).find((key) => key.endsWith('_events') || key === 'user_event');
    result.skipped.push({ reason: 'unsupported_type', detail: `x ${kind === undefined ? 'payload' : quote(kind)}` });
    return result;
  }
  const events = requireArray(dms, 'direct_message_events');
  if (events.length === 0) result.skipped.push({ reason: 'empty', detail: 'x direct_message_events is empty' });
  // Only names come from `users`: a map that is not one is ignored, the messages are still read.
  const usersValue = prop(body, 'users');
  const users = isObject(usersValue) ? usersValue : undefined;
  const budget = new EventBudget();

  events.forEach((raw, i) => {
    const path = item('direct_message_events', i);
    budget.take(path);
    const parsed = readItem(raw, 'x direct message event', () => parseDirectMessage(raw, path, forUserId, users));
    if ('kind' in parsed) result.events.push(parsed);
    else result.skipped.push(parsed);
  });
  return result;
}

function parseDirectMessage(
  raw: unknown,
  path: string,
  forUserId: string,
  users: JsonObject | undefined,
): InboundMessageEvent | Skip {
  const event = requireObject(raw, path);
  const type = requireString(prop(event, 'type'), child(path, 'type'));
  if (type !== 'message_create') return { reason: 'unsupported_type', detail: `x direct message event ${quote(type)}` };
  const id = requireString(prop(event, 'id'), child(path, 'id'));
  const createPath = child(path, 'message_create');
  const create = requireObject(prop(event, 'message_create'), createPath);
  const senderId = requireString(prop(create, 'sender_id'), child(createPath, 'sender_id'));
  if (senderId === forUserId) return { reason: 'own_message', detail: `x direct message ${quote(id)}` };

  const targetPath = child(createPath, 'target');
  requireString(
    prop(requireObject(prop(create, 'target'), targetPath), 'recipient_id'),
    child(targetPath, 'recipient_id'),
  );
  const dataPath = child(createPath, 'message_data');
  const data = requireObject(prop(create, 'message_data'), dataPath);
  const media = attachmentOf(prop(data, 'attachment'), child(dataPath, 'attachment'));
  // X appends the attachment's t.co link to the text; it is not the customer's words.
  const link = media?.link;
  const written = unescapeXText(requireText(prop(data, 'text'), child(dataPath, 'text')));
  const text = link ? written.replace(link, '').trim() : written;
  const sentAt = requireEpoch(prop(event, 'created_timestamp'), child(path, 'created_timestamp'), 'ms');
  if (text.trim() === '' && !media) return { reason: 'empty', detail: `x direct message ${quote(id)} has no text` };

  const sender: InboundMessageEvent['sender'] = { id: senderId };
  const user = users === undefined ? undefined : prop(users, senderId);
  const name = isObject(user) ? prop(user, 'name') : undefined;
  if (typeof name === 'string' && name !== '') sender.name = toStorableText(name);
  const message: InboundMessageEvent = {
    kind: 'message',
    channel: 'twitter',
    businessAccountId: forUserId,
    platformMessageId: id,
    sender,
    text: truncateText(text),
    sentAt,
  };
  if (media) message.media = [media.reference];
  return message;
}

/**
 * X sends DM texts HTML-escaped: `&`, `<` and `>` only, as `&amp;`, `&lt;` and `&gt;` (a customer who types `&lt;`
 * arrives as `&amp;lt;`). One pass over those three gives back what the customer wrote.
 */
const X_ESCAPES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>' };

export function unescapeXText(text: string): string {
  return text.replace(/&(?:amp|lt|gt);/g, (entity) => X_ESCAPES[entity]!);
}

const X_MEDIA_TYPES: Record<string, MediaType> = { photo: 'image', video: 'video', animated_gif: 'video' };

/**
 * `attachment: {type: "media", media: {id_str, media_url_https, type, url}}`: the photo or video, and its t.co link.
 */
function attachmentOf(value: unknown, path: string): { reference: InboundMedia; link?: string } | undefined {
  if (!isObject(value) || prop(value, 'type') !== 'media' || !isObject(prop(value, 'media'))) return undefined;
  const media = prop(value, 'media') as JsonObject;
  const mediaPath = child(path, 'media');
  const kind = prop(media, 'type');
  const reference = fileMedia(
    X_MEDIA_TYPES[typeof kind === 'string' ? kind : ''] ?? 'image',
    {
      id: prop(media, 'id_str'),
      url: prop(media, 'media_url_https'),
    },
    mediaPath,
  );
  const link = prop(media, 'url');
  return { reference, link: typeof link === 'string' && link !== '' ? link : undefined };
}

/** A direct message as X's Account Activity documentation shows it. */
const EXAMPLE = {
  for_user_id: '3001969357',
  direct_message_events: [
    {
      type: 'message_create',
      id: '1791234567890123456',
      created_timestamp: '1764064800000',
      message_create: {
        target: { recipient_id: '3001969357' },
        sender_id: '2244994945',
        message_data: { text: 'Is my order on its way?', entities: {} },
      },
    },
  ],
  users: { '2244994945': { id: '2244994945', name: 'Dana', screen_name: 'dana_sleeps' } },
};

/** X checks at registration and about hourly; a limit keeps the check from being an HMAC oracle for anyone else. */
const CRC_CHECKS_PER_MINUTE = 20;

/** X's Account Activity webhook: signed with the consumer secret, checked by the CRC challenge. */
export function xWebhookDoor(env: ChannelEnv): WebhookDoor {
  const settings = settingsOf(X_SETTINGS, env);
  return {
    name: 'x',
    path: 'twitter',
    authenticate(request) {
      const secret = settings.X_CONSUMER_SECRET;
      if (!secret) return { kind: 'not_configured', message: 'this webhook is not configured: set X_CONSUMER_SECRET' };
      return verifyXSignature(request.rawBody, request.header('x-twitter-webhooks-signature'), secret)
        ? undefined
        : { kind: 'unauthorized', message: 'x-twitter-webhooks-signature does not match the body' };
    },
    parse: (body) => parseXWebhook(body),
    handshake: {
      limitPerMinute: CRC_CHECKS_PER_MINUTE,
      answer(query) {
        const secret = settings.X_CONSUMER_SECRET;
        if (!secret)
          return { kind: 'not_configured', message: 'this webhook is not configured: set X_CONSUMER_SECRET' };
        const token = Object.hasOwn(query, 'crc_token') ? query.crc_token : undefined;
        if (!isXCrcToken(token)) {
          return {
            kind: 'malformed',
            field: 'crc_token',
            message: 'must be the token X sends: 8 to 128 letters, digits, +, /, =, - or _',
          };
        }
        return { kind: 'answer', contentType: 'application/json', body: xCrcResponse(token, secret) };
      },
    },
    docs: {
      summary: 'Direct message events; signed with x-twitter-webhooks-signature (X_CONSUMER_SECRET)',
      body: { example: EXAMPLE, description: 'An Account Activity delivery; only direct messages are answered' },
      malformed: 'The body is not valid JSON, or a payload that is not an X delivery, naming the field',
      signature: {
        header: 'x-twitter-webhooks-signature',
        example: 'sha256=Xo6zG...',
        description: 'base64 HMAC-SHA256 of the raw body with X_CONSUMER_SECRET',
      },
      setting: 'X_CONSUMER_SECRET',
      handshake: {
        summary: 'The CRC check: answers {response_token} for crc_token (X repeats it hourly)',
        query: [{ name: 'crc_token', example: 'NDg4NDM2OTQ5NjE2NjIzNDI4NTU' }],
        answer: {
          contentType: 'application/json',
          example: { response_token: 'sha256=x8ICkV4kN1o9b0r3Tn8bL3m1dPz5Jc6yQe7uWv2sA0k=' },
        },
        errors: [
          { status: 400, description: 'crc_token is missing or not a token X would send' },
          { status: 429, description: `More than ${CRC_CHECKS_PER_MINUTE} checks a minute from one address` },
          { status: 503, description: 'This webhook is not configured (X_CONSUMER_SECRET)' },
        ],
      },
    },
  };
}
