import type { InboundMedia, InboundMessageEvent, MediaType, ParsedWebhook } from '@voca/contracts';
import { fileMedia, locationMedia, sharedMedia } from '../../inbound/media.js';
import { WebhookPayloadError } from '../../inbound/errors.js';
import { truncateText } from '../../inbound/limits.js';
import {
  EventBudget,
  child,
  isObject,
  item,
  optionalArray,
  prop,
  quote,
  requireArray,
  requireEpoch,
  requireObject,
  requireString,
  requireText,
  readItem,
  readPart,
  type JsonObject,
  type Skip,
} from '../../inbound/read.js';

/**
 * Messenger (object `page`) and Instagram messaging (object `instagram`) webhooks share one shape:
 *
 *   entry[] {id, time, messaging: [{sender: {id}, recipient: {id}, timestamp, message?: {mid, text?, is_echo?,
 *   attachments?, ...}, postback?: {mid, title, payload}, delivery?, read?, reaction?, ...}]}
 *
 * sender.id is the customer's PSID (Messenger) or IGSID (Instagram); recipient.id is the Page id or the Instagram
 * professional account id (equal to entry.id), which routes the message. The business's own sends come back as
 * messages with `is_echo: true` (the sender is then the business): they are skipped, or the agent would answer
 * itself. Delivery and read receipts are per watermark, not per message, so they produce no status events.
 */

export type MessengerChannel = 'facebook' | 'instagram';

/** The events a messaging item may carry, besides `message` and `postback`, for the skip detail. */
const OTHER_EVENTS = [
  'delivery',
  'read',
  'reaction',
  'referral',
  'optin',
  'account_linking',
  'message_edit',
  'pass_thread_control',
  'take_thread_control',
  'request_thread_control',
  'app_roles',
  'policy_enforcement',
  'response_feedback',
];

export function parseMessengerWebhook(body: JsonObject, channel: MessengerChannel): ParsedWebhook {
  const result: ParsedWebhook = { events: [], skipped: [] };
  const budget = new EventBudget();
  const entries = requireArray(prop(body, 'entry'), 'entry');
  if (entries.length === 0) result.skipped.push({ reason: 'empty', detail: `${channel} payload without entries` });
  entries.forEach((rawEntry, i) => {
    const entryPath = item('entry', i);
    readPart(rawEntry, `${channel} ${entryPath}`, result, () =>
      parseEntry(rawEntry, entryPath, channel, budget, result),
    );
  });
  return result;
}

function parseEntry(
  rawEntry: unknown,
  entryPath: string,
  channel: MessengerChannel,
  budget: EventBudget,
  result: ParsedWebhook,
): void {
  const entry = requireObject(rawEntry, entryPath);
  const messaging = prop(entry, 'messaging');
  if (messaging === undefined || messaging === null) {
    // `standby` (another app owns the thread under the handover protocol) or `changes` (feed, comments...).
    const other = ['standby', 'changes'].find((key) => prop(entry, key) !== undefined);
    if (other === undefined) {
      const field = child(entryPath, 'messaging');
      throw new WebhookPayloadError(`${field} is missing`, field);
    }
    budget.take(child(entryPath, other));
    result.skipped.push({ reason: 'unsupported_type', detail: `${channel} ${entryPath}.${other}` });
    return;
  }
  const items = requireArray(messaging, child(entryPath, 'messaging'));
  if (items.length === 0) result.skipped.push({ reason: 'empty', detail: `${entryPath}.messaging is empty` });
  items.forEach((raw, k) => {
    const path = item(child(entryPath, 'messaging'), k);
    budget.take(path);
    const parsed = readItem(raw, `${channel} messaging item`, () => parseMessaging(raw, path, channel));
    if ('kind' in parsed) result.events.push(parsed);
    else result.skipped.push(parsed);
  });
}

function parseMessaging(raw: unknown, path: string, channel: MessengerChannel): InboundMessageEvent | Skip {
  const messaging = requireObject(raw, path);
  const message = prop(messaging, 'message');
  const postback = prop(messaging, 'postback');

  if (message !== undefined && message !== null) {
    const messagePath = child(path, 'message');
    const msg = requireObject(message, messagePath);
    const mid = prop(msg, 'mid');
    const which = typeof mid === 'string' ? ` ${quote(mid)}` : '';
    if (prop(msg, 'is_echo') === true) return { reason: 'echo', detail: `${channel} echo${which}` };
    if (prop(msg, 'is_deleted') === true)
      return { reason: 'unsupported_type', detail: `${channel} unsent message${which}` };
    const id = requireString(mid, child(messagePath, 'mid'));
    const text = prop(msg, 'text');
    const media = attachmentsOf(prop(msg, 'attachments'), child(messagePath, 'attachments'));
    if ((text === undefined || text === null) && media.length === 0) {
      // templates, `is_unsupported` media...
      return { reason: 'unsupported_type', detail: `${channel} message ${quote(id)} without text or media` };
    }
    const words = text === undefined || text === null ? '' : requireText(text, child(messagePath, 'text'));
    return messageEvent(messaging, path, channel, id, words, media);
  }

  if (postback !== undefined && postback !== null) {
    // A tap on a postback button, Get Started or a persistent menu item: the customer "said" its title.
    const postbackPath = child(path, 'postback');
    const pb = requireObject(postback, postbackPath);
    const title = prop(pb, 'title');
    if (title === undefined || title === null)
      return { reason: 'unsupported_type', detail: `${channel} postback without title` };
    const text = requireText(title, child(postbackPath, 'title'));
    const mid = prop(pb, 'mid');
    // Older postbacks carry no mid: one is made from the sender and the time, the same on every redelivery.
    const id = mid === undefined || mid === null ? undefined : requireString(mid, child(postbackPath, 'mid'));
    return messageEvent(messaging, path, channel, id, text);
  }

  const kind = OTHER_EVENTS.find((key) => prop(messaging, key) !== undefined);
  return { reason: 'unsupported_type', detail: `${channel} ${kind ?? 'event'}` };
}

function messageEvent(
  messaging: JsonObject,
  path: string,
  channel: MessengerChannel,
  mid: string | undefined,
  text: string,
  media: InboundMedia[] = [],
): InboundMessageEvent | Skip {
  const senderPath = child(path, 'sender');
  const sender = requireObject(prop(messaging, 'sender'), senderPath);
  if (prop(sender, 'id') === undefined && prop(sender, 'user_ref') !== undefined) {
    // A chat-plugin guest known only by a user_ref: no PSID to answer or to remember them by.
    return { reason: 'unsupported_type', detail: `${channel} sender without id (user_ref)` };
  }
  const senderId = requireString(prop(sender, 'id'), child(senderPath, 'id'));
  const recipientPath = child(path, 'recipient');
  const recipient = requireObject(prop(messaging, 'recipient'), recipientPath);
  const recipientId = requireString(prop(recipient, 'id'), child(recipientPath, 'id'));
  // Milliseconds on real deliveries; Meta's reference examples show seconds, which are read as such.
  const sentAt = requireEpoch(prop(messaging, 'timestamp'), child(path, 'timestamp'), 'seconds-or-ms');
  if (text.trim() === '' && media.length === 0) return { reason: 'empty', detail: `${channel} message without text` };
  const event: InboundMessageEvent = {
    kind: 'message',
    channel,
    businessAccountId: recipientId,
    platformMessageId: mid ?? `postback:${senderId}:${Date.parse(sentAt)}`,
    sender: { id: senderId },
    text: truncateText(text),
    sentAt,
  };
  if (media.length > 0) event.media = media;
  return event;
}

/** Attachments kept of one message (Messenger allows a few photos at once). */
const MAX_ATTACHMENTS = 10;
const FILE_ATTACHMENTS: Record<string, MediaType> = {
  image: 'image',
  video: 'video',
  audio: 'audio',
  file: 'document',
  // Since August 30, 2026 Meta sends stickers as their own type (before, as an image carrying a sticker_id).
  sticker: 'sticker',
};
/** Instagram shares of posts, reels and stories, and Messenger link previews: kept as a link. */
const SHARED = new Set(['share', 'ig_reel', 'reel', 'story_mention', 'fallback', 'ig_post']);

/**
 * `attachments[] {type, payload: {url?, sticker_id?, title?, coordinates?: {lat, long}}}` as media references:
 * photos (a sticker when it has a sticker_id), videos, audio, files, locations, and shared posts or links.
 * Templates and anything newer are left out.
 */
function attachmentsOf(value: unknown, path: string): InboundMedia[] {
  const attachments = optionalArray(value, path) ?? [];
  return attachments.slice(0, MAX_ATTACHMENTS).flatMap((raw, i): InboundMedia[] => {
    if (!isObject(raw)) return [];
    const type = prop(raw, 'type');
    const payloadPath = child(item(path, i), 'payload');
    const payload = isObject(prop(raw, 'payload')) ? (prop(raw, 'payload') as JsonObject) : {};
    if (typeof type !== 'string') return [];
    if (type === 'location') {
      const coordinates = prop(payload, 'coordinates');
      const at = isObject(coordinates)
        ? { latitude: prop(coordinates, 'lat'), longitude: prop(coordinates, 'long') }
        : {};
      return [locationMedia({ ...at, name: prop(payload, 'title'), url: prop(payload, 'url') })];
    }
    const fileType = FILE_ATTACHMENTS[type];
    if (fileType) {
      const sticker = prop(payload, 'sticker_id') !== undefined;
      return [fileMedia(sticker ? 'sticker' : fileType, { url: prop(payload, 'url') }, payloadPath)];
    }
    if (SHARED.has(type)) return [sharedMedia(payload)];
    return [];
  });
}
