import type { ConnectMessageRequest, ConnectTurnRequest, InboundMessageEvent } from '@voca/contracts';
import { randomUUID } from 'node:crypto';
import { WebhookPayloadError } from './errors.js';
import { truncateText } from './limits.js';
import { isObject, optionalString, prop, requireString, requireText } from './read.js';

/**
 * The engine's own Connect Lambda turn (`POST /api/v1/webhooks/connect`, verified with verifyEngineSignature), see
 * libs/contracts/src/webhooks/connect-turn.ts. Every field is checked; a bad one throws WebhookPayloadError naming it.
 */

const E164 = /^\+[1-9]\d{6,14}$/;
/** Amazon Connect ContactIds and engine agent ids are UUIDs; any short token of id characters is accepted. */
const ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/;
/** ISO 8601 date and time with an explicit zone, as Date.prototype.toISOString writes it (and with an offset). */
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})$/;

function refuse(field: string, problem: string): never {
  throw new WebhookPayloadError(`${field} ${problem}`, field);
}

function id(body: Record<string, unknown>, field: string): string {
  const value = requireString(prop(body, field), field);
  if (!ID.test(value)) refuse(field, 'must be an id (letters, digits, "-", "_" or ".", at most 128)');
  return value;
}

function phone(body: Record<string, unknown>, field: string): string {
  const value = requireString(prop(body, field), field);
  if (!E164.test(value)) refuse(field, 'must be an E.164 phone number (+ and 7 to 15 digits)');
  return value;
}

/** What carriers and Connect put where a withheld number would be. */
const WITHHELD = new Set(['', 'anonymous', 'restricted', 'private', 'unknown', 'unavailable', 'withheld']);

/** The caller's number, or null when it is withheld (absent, null, empty or a carrier's word for it). */
function callerOf(body: Record<string, unknown>): string | null {
  const value = prop(body, 'caller');
  if (value === undefined || value === null) return null;
  if (typeof value === 'string' && WITHHELD.has(value.trim().toLowerCase())) return null;
  return phone(body, 'caller');
}

function timestampOf(value: string): string {
  if (!ISO_TIMESTAMP.test(value) || !Number.isFinite(Date.parse(value)))
    refuse('timestamp', 'must be an ISO 8601 date and time with a zone');
  return value;
}

function channelOf(body: Record<string, unknown>): 'voice' | 'sms' {
  const channel = requireString(prop(body, 'channel'), 'channel');
  if (channel !== 'voice' && channel !== 'sms') refuse('channel', 'must be "voice" or "sms"');
  return channel;
}

/** Whether a body is the spec's `{agent_id, message, channel}` rather than the Lambda's turn. */
export function isConnectMessageRequest(body: unknown): boolean {
  return isObject(body) && 'message' in body && !('utterance' in body);
}

/** The spec's `{agent_id, message, channel}` (with its optional fields), validated field by field. */
export function parseConnectMessageRequest(body: unknown): ConnectMessageRequest {
  if (!isObject(body)) throw new WebhookPayloadError('payload must be a JSON object');
  const known = new Set(['agent_id', 'message', 'channel', 'contact_id', 'caller', 'timestamp']);
  const unknown = Object.keys(body).find((key) => !known.has(key));
  if (unknown !== undefined) refuse(unknown.slice(0, 64), 'is not a field of this webhook');
  const request: ConnectMessageRequest = {
    agent_id: id(body, 'agent_id'),
    message: requireText(prop(body, 'message'), 'message'),
    channel: channelOf(body),
  };
  if (optionalString(prop(body, 'contact_id'), 'contact_id') !== undefined) request.contact_id = id(body, 'contact_id');
  if (optionalString(prop(body, 'caller'), 'caller') !== undefined) request.caller = phone(body, 'caller');
  const timestamp = optionalString(prop(body, 'timestamp'), 'timestamp');
  if (timestamp !== undefined) request.timestamp = timestampOf(timestamp);
  return request;
}

/**
 * The spec's message as an inbound message for the agent it names, on the number (or id) `accountId` its channel
 * answers on. The caller, when given, is the customer (linked by number across channels); else the contact is, and
 * without either the turn is a conversation of its own.
 */
export function connectMessageEvent(request: ConnectMessageRequest, accountId: string): InboundMessageEvent {
  const contact = request.contact_id ?? randomUUID();
  const sentAt = request.timestamp ? new Date(request.timestamp).toISOString() : new Date().toISOString();
  return {
    kind: 'message',
    channel: request.channel,
    businessAccountId: accountId,
    platformMessageId: `${request.agent_id}:${contact}:${sentAt}`,
    sender: request.caller ? { id: request.caller, phone: request.caller } : { id: `contact:${contact}` },
    text: truncateText(request.message),
    sentAt,
  };
}

/** The turn, validated field by field. */
export function parseConnectTurnRequest(body: unknown): ConnectTurnRequest {
  if (!isObject(body)) throw new WebhookPayloadError('payload must be a JSON object');
  const agentId = id(body, 'agent_id');
  const contactId = id(body, 'contact_id');
  const channel = channelOf(body);
  const caller = callerOf(body);
  const dialed = phone(body, 'dialed');
  const utterance = requireText(prop(body, 'utterance'), 'utterance');
  const timestamp = timestampOf(requireString(prop(body, 'timestamp'), 'timestamp'));
  return { agent_id: agentId, contact_id: contactId, channel, caller, dialed, utterance, timestamp };
}

/**
 * The turn as an inbound message: routed by the dialed number, from the caller (id and phone), one message per
 * contact and turn time (a retried post of the same turn has the same id). The utterance is empty on the first turn
 * of a call, which the agent answers with its greeting. A caller whose number is withheld is the contact: an
 * anonymous customer for this call alone, linked to nothing.
 */
export function parseConnectTurn(body: unknown): InboundMessageEvent {
  return connectTurnEvent(parseConnectTurnRequest(body));
}

export function connectTurnEvent(turn: ConnectTurnRequest): InboundMessageEvent {
  return {
    kind: 'message',
    channel: turn.channel,
    businessAccountId: turn.dialed,
    platformMessageId: `${turn.contact_id}:${turn.timestamp}`,
    sender: turn.caller ? { id: turn.caller, phone: turn.caller } : { id: `contact:${turn.contact_id}` },
    text: truncateText(turn.utterance),
    sentAt: new Date(turn.timestamp).toISOString(),
  };
}
