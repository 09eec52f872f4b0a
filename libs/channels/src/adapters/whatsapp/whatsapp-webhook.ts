import {
  isStorableText,
  toStorableText,
  type DeliveryStatusEvent,
  type InboundMedia,
  type InboundMessageEvent,
  type MediaType,
  type ParsedWebhook,
} from '@voca/contracts';
import { captionOf, contactsMedia, fileMedia, locationMedia } from '../../inbound/media.js';
import { WebhookPayloadError } from '../../inbound/errors.js';
import { truncateText } from '../../inbound/limits.js';
import {
  EventBudget,
  child,
  isObject,
  item,
  optionalArray,
  optionalString,
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
 * WhatsApp Cloud API `messages` webhooks (object `whatsapp_business_account`):
 *
 *   entry[].changes[] {field: "messages", value: {messaging_product, metadata: {display_phone_number,
 *   phone_number_id}, contacts?: [{profile: {name, username?}, wa_id?, user_id?}], messages?: [...],
 *   statuses?: [...], errors?: [...]}}
 *
 * Routing is by `value.metadata.phone_number_id`, the business's number. Since 2026 a user who adopts a username may
 * reach us without a phone number: the message then has no `from` (and the contact no `wa_id`), and the user is known
 * only by a business-scoped user id (BSUID, e.g. `US.13491208655302741918`), carried by the message as
 * `from_user_id` and by the contact as `user_id`.
 */

const STATUSES = new Set<DeliveryStatusEvent['status']>(['sent', 'delivered', 'read', 'failed']);
/** A wa_id that is a phone number: 7 to 15 digits, no leading zero (E.164 without the `+`). */
const PHONE_DIGITS = /^[1-9]\d{6,14}$/;

export function parseWhatsAppWebhook(body: JsonObject): ParsedWebhook {
  const result: ParsedWebhook = { events: [], skipped: [] };
  const budget = new EventBudget();
  const entries = requireArray(prop(body, 'entry'), 'entry');
  if (entries.length === 0) result.skipped.push({ reason: 'empty', detail: 'whatsapp payload without entries' });
  entries.forEach((rawEntry, i) => {
    const entryPath = item('entry', i);
    readPart(rawEntry, `whatsapp ${entryPath}`, result, () => {
      const entry = requireObject(rawEntry, entryPath);
      const changes = requireArray(prop(entry, 'changes'), child(entryPath, 'changes'));
      if (changes.length === 0) result.skipped.push({ reason: 'empty', detail: `${entryPath} has no changes` });
      changes.forEach((rawChange, j) => {
        const changePath = item(child(entryPath, 'changes'), j);
        readPart(rawChange, `whatsapp ${changePath}`, result, () => parseChange(rawChange, changePath, budget, result));
      });
    });
  });
  return result;
}

/** One change: its messages and statuses, each read on its own. A change that is not the documented shape throws. */
function parseChange(rawChange: unknown, path: string, budget: EventBudget, result: ParsedWebhook): void {
  const change = requireObject(rawChange, path);
  const field = requireString(prop(change, 'field'), child(path, 'field'));
  if (field !== 'messages') {
    budget.take(path);
    result.skipped.push({ reason: 'unsupported_type', detail: `whatsapp field ${quote(field)}` });
    return;
  }
  const valuePath = child(path, 'value');
  const value = requireObject(prop(change, 'value'), valuePath);
  const metadataPath = child(valuePath, 'metadata');
  const metadata = requireObject(prop(value, 'metadata'), metadataPath);
  const phoneNumberId = requireString(prop(metadata, 'phone_number_id'), child(metadataPath, 'phone_number_id'));

  const contactsValue = prop(value, 'contacts');
  const contacts = (Array.isArray(contactsValue) ? contactsValue : []).filter(isObject);
  const messages = optionalArray(prop(value, 'messages'), child(valuePath, 'messages'));
  const statuses = optionalArray(prop(value, 'statuses'), child(valuePath, 'statuses'));

  if (messages === undefined && statuses === undefined) {
    // e.g. the `errors` variant: an app- or account-level problem reported with no message attached.
    budget.take(valuePath);
    const errorsOnly = prop(value, 'errors') !== undefined;
    result.skipped.push(
      errorsOnly
        ? { reason: 'unsupported_type', detail: `${valuePath} reports errors only` }
        : { reason: 'empty', detail: `${valuePath} has no messages or statuses` },
    );
    return;
  }
  messages?.forEach((raw, k) => {
    const messagePath = item(child(valuePath, 'messages'), k);
    budget.take(messagePath);
    const parsed = readItem(raw, 'whatsapp message', () => parseMessage(raw, messagePath, phoneNumberId, contacts));
    if ('kind' in parsed) result.events.push(parsed);
    else result.skipped.push(parsed);
  });
  statuses?.forEach((raw, k) => {
    const statusPath = item(child(valuePath, 'statuses'), k);
    budget.take(statusPath);
    const parsed = readItem(raw, 'whatsapp status', () => parseStatus(raw, statusPath, phoneNumberId));
    if ('kind' in parsed) result.events.push(parsed);
    else result.skipped.push(parsed);
  });
}

function parseMessage(
  raw: unknown,
  path: string,
  phoneNumberId: string,
  contacts: JsonObject[],
): InboundMessageEvent | Skip {
  const message = requireObject(raw, path);
  const id = requireString(prop(message, 'id'), child(path, 'id'));
  const type = requireString(prop(message, 'type'), child(path, 'type'));
  if (prop(message, 'group_id') !== undefined) {
    // A message in a group chat: the agent answers one customer at a time, never a group.
    return { reason: 'unsupported_type', detail: `whatsapp group message ${quote(id)}` };
  }

  const content = messageContent(message, path, type);
  if (content === undefined)
    return { reason: 'unsupported_type', detail: `whatsapp message ${quote(id)} of type ${quote(type)}` };
  if (content.text.trim() === '' && !content.media)
    return { reason: 'empty', detail: `whatsapp message ${quote(id)} has no text` };

  const sentAt = requireEpoch(prop(message, 'timestamp'), child(path, 'timestamp'), 's');
  const event: InboundMessageEvent = {
    kind: 'message',
    channel: 'whatsapp',
    businessAccountId: phoneNumberId,
    platformMessageId: id,
    sender: sender(message, path, contacts),
    text: truncateText(content.text),
    sentAt,
  };
  if (content.media) event.media = [content.media];
  return event;
}

const FILE_TYPES = new Set<MediaType>(['image', 'audio', 'video', 'document', 'sticker']);

/**
 * What the customer sent: words (text, a chosen button or list row), or media by reference with its caption as
 * the words (photos, videos, documents, voice notes and audio, stickers, locations, contact cards). Undefined for
 * what the agent has nothing to answer to (reactions, orders, system notices, unsupported messages).
 */
function messageContent(
  message: JsonObject,
  path: string,
  type: string,
): { text: string; media?: InboundMedia } | undefined {
  if (FILE_TYPES.has(type as MediaType)) {
    const source = requireObject(prop(message, type), child(path, type));
    return { text: captionOf(source), media: fileMedia(type as MediaType, source, child(path, type)) };
  }
  if (type === 'location')
    return { text: '', media: locationMedia(requireObject(prop(message, 'location'), child(path, 'location'))) };
  if (type === 'contacts')
    return { text: '', media: contactsMedia(prop(message, 'contacts'), child(path, 'contacts')) };
  const text = messageText(message, path, type);
  return text === undefined ? undefined : { text };
}

/** The customer's words: the text body, or the title of the button or list row they chose; undefined otherwise. */
function messageText(message: JsonObject, path: string, type: string): string | undefined {
  switch (type) {
    case 'text': {
      const text = requireObject(prop(message, 'text'), child(path, 'text'));
      return requireText(prop(text, 'body'), child(child(path, 'text'), 'body'));
    }
    case 'interactive': {
      const interactivePath = child(path, 'interactive');
      const interactive = requireObject(prop(message, 'interactive'), interactivePath);
      const kind = requireString(prop(interactive, 'type'), child(interactivePath, 'type'));
      if (kind !== 'button_reply' && kind !== 'list_reply') return undefined; // flows, call permission replies...
      const reply = requireObject(prop(interactive, kind), child(interactivePath, kind));
      return requireText(prop(reply, 'title'), child(child(interactivePath, kind), 'title'));
    }
    case 'button': {
      // A quick-reply button of a template message: {payload, text}.
      const button = requireObject(prop(message, 'button'), child(path, 'button'));
      return requireText(prop(button, 'text'), child(child(path, 'button'), 'text'));
    }
    default:
      return undefined; // reaction, order, system, unsupported...
  }
}

/**
 * The customer: `from` (their phone number, the wa_id) when present, else their business-scoped user id (the
 * message's `from_user_id`; `user_id` is accepted too), else the BSUID of the payload's contact; the name from the
 * matching `contacts[]` entry; the phone, in E.164, only when the wa_id is a phone number.
 */
function sender(message: JsonObject, path: string, contacts: JsonObject[]): InboundMessageEvent['sender'] {
  const from = optionalString(prop(message, 'from'), child(path, 'from'));
  const bsuid =
    optionalString(prop(message, 'from_user_id'), child(path, 'from_user_id')) ??
    optionalString(prop(message, 'user_id'), child(path, 'user_id'));
  const contact = matchingContact(contacts, from, bsuid);
  const contactWaId = contact ? stringOf(prop(contact, 'wa_id')) : undefined;
  const contactUserId = contact ? stringOf(prop(contact, 'user_id')) : undefined;

  const id = from ?? bsuid ?? contactUserId ?? contactWaId;
  if (id === undefined) {
    const field = child(path, 'from');
    throw new WebhookPayloadError(`${field} is missing, and no business-scoped user id either`, field);
  }
  const result: InboundMessageEvent['sender'] = { id };
  const profile = contact ? prop(contact, 'profile') : undefined;
  const name = isObject(profile) ? prop(profile, 'name') : undefined;
  if (typeof name === 'string' && name !== '') result.name = toStorableText(name);
  const digits = from ?? contactWaId;
  if (digits !== undefined && PHONE_DIGITS.test(digits)) result.phone = `+${digits}`;
  return result;
}

function matchingContact(contacts: JsonObject[], from?: string, bsuid?: string): JsonObject | undefined {
  const exact = contacts.find(
    (c) => (from !== undefined && prop(c, 'wa_id') === from) || (bsuid !== undefined && prop(c, 'user_id') === bsuid),
  );
  if (exact || contacts.length !== 1) return exact;
  // One contact that names nobody else: it is the sender (a username-only user has neither from nor wa_id).
  const only = contacts[0]!;
  const waId = stringOf(prop(only, 'wa_id'));
  const userId = stringOf(prop(only, 'user_id'));
  const conflicts = (from !== undefined && waId !== undefined) || (bsuid !== undefined && userId !== undefined);
  return conflicts ? undefined : only;
}

/** An optional detail of a contact or an error: absent when it is not a string Postgres could store. */
function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' && isStorableText(value) ? value : undefined;
}

function parseStatus(raw: unknown, path: string, phoneNumberId: string): DeliveryStatusEvent | Skip {
  const status = requireObject(raw, path);
  const id = requireString(prop(status, 'id'), child(path, 'id'));
  const value = requireString(prop(status, 'status'), child(path, 'status'));
  if (!STATUSES.has(value as DeliveryStatusEvent['status'])) {
    // `played` (a voice message was listened to) and anything newer: not a state the engine tracks.
    return { reason: 'unsupported_type', detail: `whatsapp status ${quote(value)} of ${quote(id)}` };
  }
  const event: DeliveryStatusEvent = {
    kind: 'status',
    channel: 'whatsapp',
    businessAccountId: phoneNumberId,
    platformMessageId: id,
    status: value as DeliveryStatusEvent['status'],
    at: requireEpoch(prop(status, 'timestamp'), child(path, 'timestamp'), 's'),
  };
  const error = value === 'failed' ? failure(prop(status, 'errors')) : undefined;
  if (error !== undefined) event.error = error;
  return event;
}

/** `errors[0]` as one readable line: title, message when it says more, and the code. */
function failure(errors: unknown): string | undefined {
  if (!Array.isArray(errors) || !isObject(errors[0])) return undefined;
  const first = errors[0];
  const title = stringOf(prop(first, 'title'));
  const message = stringOf(prop(first, 'message'));
  const code = prop(first, 'code');
  let text = title ?? message;
  if (text === undefined) return typeof code === 'number' ? `error ${code}` : undefined;
  if (title !== undefined && message !== undefined && message !== title) text = `${title}: ${message}`;
  if (typeof code === 'number') text += ` (code ${code})`;
  return truncateText(text);
}
