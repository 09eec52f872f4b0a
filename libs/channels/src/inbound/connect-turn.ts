import type { ConnectTurnRequest, InboundMessageEvent } from '@voca/contracts';
import { WebhookPayloadError } from './errors.js';
import { truncateText } from './limits.js';
import { isObject, prop, requireString, requireText } from './read.js';

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

/** The turn, validated field by field. */
export function parseConnectTurnRequest(body: unknown): ConnectTurnRequest {
  if (!isObject(body)) throw new WebhookPayloadError('payload must be a JSON object');
  const agentId = id(body, 'agent_id');
  const contactId = id(body, 'contact_id');
  const channel = requireString(prop(body, 'channel'), 'channel');
  if (channel !== 'voice' && channel !== 'sms') refuse('channel', 'must be "voice" or "sms"');
  const caller = phone(body, 'caller');
  const dialed = phone(body, 'dialed');
  const utterance = requireText(prop(body, 'utterance'), 'utterance');
  const timestamp = requireString(prop(body, 'timestamp'), 'timestamp');
  if (!ISO_TIMESTAMP.test(timestamp) || !Number.isFinite(Date.parse(timestamp))) {
    refuse('timestamp', 'must be an ISO 8601 date and time with a zone');
  }
  return { agent_id: agentId, contact_id: contactId, channel, caller, dialed, utterance, timestamp };
}

/**
 * The turn as an inbound message: routed by the dialed number, from the caller (id and phone), one message per
 * contact and turn time (a retried post of the same turn has the same id). The utterance is empty on the first turn
 * of a call, which the agent answers with its greeting.
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
    sender: { id: turn.caller, phone: turn.caller },
    text: truncateText(turn.utterance),
    sentAt: new Date(turn.timestamp).toISOString(),
  };
}
