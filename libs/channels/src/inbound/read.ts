import { isStorableText, toStorableText, type ParsedWebhook, type SkippedReason } from '@voca/contracts';
import { MAX_EVENTS_PER_PAYLOAD } from './limits.js';
import { WebhookPayloadError, WebhookPayloadTooLarge } from './errors.js';

/**
 * Small readers over untrusted JSON that remember where they are, so that every refusal names its field. Only own
 * properties are read (a key such as `constructor` or `__proto__` never reaches Object.prototype).
 */

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An own property of an object, or undefined. */
export function prop(obj: JsonObject, key: string): unknown {
  return Object.hasOwn(obj, key) ? obj[key] : undefined;
}

export function child(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

export function item(path: string, index: number): string {
  return `${path}[${index}]`;
}

function missing(value: unknown): boolean {
  return value === undefined || value === null;
}

function refuse(path: string, problem: string): never {
  throw new WebhookPayloadError(`${path === '' ? 'payload' : path} ${problem}`, path === '' ? undefined : path);
}

export function requireObject(value: unknown, path: string): JsonObject {
  if (missing(value)) refuse(path, 'is missing');
  if (!isObject(value)) refuse(path, 'must be an object');
  return value;
}

export function requireArray(value: unknown, path: string): unknown[] {
  if (missing(value)) refuse(path, 'is missing');
  if (!Array.isArray(value)) refuse(path, 'must be an array');
  if (value.length > MAX_EVENTS_PER_PAYLOAD)
    throw new WebhookPayloadTooLarge(`${path} has more than ${MAX_EVENTS_PER_PAYLOAD} items`, path);
  return value;
}

/** An array when present; undefined when absent or null. */
export function optionalArray(value: unknown, path: string): unknown[] | undefined {
  return missing(value) ? undefined : requireArray(value, path);
}

/** A non-empty string (ids, types). */
export function requireString(value: unknown, path: string): string {
  if (missing(value)) refuse(path, 'is missing');
  if (typeof value !== 'string') refuse(path, 'must be a string');
  if (value.length === 0) refuse(path, 'is empty');
  if (!isStorableText(value)) refuse(path, 'contains a character that cannot be stored');
  return value;
}

/**
 * A string that may be empty (message texts, utterances). A customer's text is never refused for its characters:
 * NUL is dropped and a lone surrogate becomes U+FFFD, so the message is still answered.
 */
export function requireText(value: unknown, path: string): string {
  if (missing(value)) refuse(path, 'is missing');
  if (typeof value !== 'string') refuse(path, 'must be a string');
  return toStorableText(value);
}

/** A non-empty string when present; undefined when absent, null or empty. */
export function optionalString(value: unknown, path: string): string | undefined {
  if (missing(value)) return undefined;
  if (typeof value !== 'string') refuse(path, 'must be a string');
  if (!isStorableText(value)) refuse(path, 'contains a character that cannot be stored');
  return value.length === 0 ? undefined : value;
}

/** The latest instant a Date can hold, in milliseconds. */
const MAX_DATE_MS = 8.64e15;

/**
 * An epoch timestamp, as the platforms send it (a number, or a string of digits), in the given unit, as ISO 8601.
 * `seconds-or-ms` reads values below 10^11 as seconds and the rest as milliseconds (10^11 ms is March 1973, 10^11 s
 * is the year 5138), for senders whose documentation shows both.
 */
export function requireEpoch(value: unknown, path: string, unit: 's' | 'ms' | 'seconds-or-ms'): string {
  if (missing(value)) refuse(path, 'is missing');
  let n: number;
  if (typeof value === 'number') n = value;
  else if (typeof value === 'string' && /^\d{1,16}$/.test(value)) n = Number(value);
  else refuse(path, 'must be an epoch timestamp');
  if (!Number.isInteger(n) || n < 0) refuse(path, 'must be an epoch timestamp');
  const ms = unit === 's' || (unit === 'seconds-or-ms' && n < 1e11) ? n * 1000 : n;
  if (ms > MAX_DATE_MS) refuse(path, 'is out of range');
  return new Date(ms).toISOString();
}

/** Counts the events of one payload and refuses it past MAX_EVENTS_PER_PAYLOAD. */
export class EventBudget {
  private count = 0;

  take(path: string): void {
    this.count += 1;
    if (this.count > MAX_EVENTS_PER_PAYLOAD) {
      throw new WebhookPayloadTooLarge(`payload carries more than ${MAX_EVENTS_PER_PAYLOAD} events (at ${path})`, path);
    }
  }
}

/** A value quoted into a message or a skip detail, bounded so that a hostile payload cannot bloat logs. */
export function quote(value: string, max = 64): string {
  return JSON.stringify(value.length > max ? `${value.slice(0, max)}...` : value);
}

export type Skip = { reason: SkippedReason; detail?: string };

/**
 * Reads one item of a delivery (an entry, a change, a message, a status, a messaging item) so that it stands on its
 * own: an item that is not the documented shape is skipped as `malformed`, naming its id when it has one and the
 * offending field, and the rest of the delivery is still read. A payload past EventBudget's bound is still refused
 * as a whole.
 */
export function readItem<T>(raw: unknown, describe: string, read: () => T | Skip): T | Skip {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof WebhookPayloadError) || error instanceof WebhookPayloadTooLarge) throw error;
    const id = isObject(raw) ? itemId(raw) : undefined;
    return { reason: 'malformed', detail: `${describe}${id === undefined ? '' : ` ${quote(id)}`}: ${error.message}` };
  }
}

/** readItem for a part that holds items (an entry, a change): it adds to `result` itself, or is skipped there. */
export function readPart(raw: unknown, describe: string, result: ParsedWebhook, read: () => void): void {
  const outcome = readItem(raw, describe, () => {
    read();
    return undefined;
  });
  if (outcome !== undefined) result.skipped.push(outcome);
}

/** The id an item carries, for naming it in a log line: WhatsApp's and X's `id`, Messenger's `message.mid`. */
function itemId(item: JsonObject): string | undefined {
  const candidates = [prop(item, 'id'), ...['message', 'postback'].map((key) => nested(item, key, 'mid'))];
  return candidates.find((value): value is string => typeof value === 'string' && value !== '');
}

function nested(item: JsonObject, key: string, field: string): unknown {
  const inner = prop(item, key);
  return isObject(inner) ? prop(inner, field) : undefined;
}
