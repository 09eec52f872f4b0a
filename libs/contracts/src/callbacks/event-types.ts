/**
 * What the engine tells the backend about, each at an HTTPS endpoint it registered for the type (see
 * `POST /api/v1/event-endpoints`). Every delivery carries one event: `{id, type, created_at, vendor_id, agent_id,
 * data}`.
 */
export const EVENT_TYPES = [
  /** An operation (provision, update, deprovision) ended; `data` is its final status, as its status route gives it. */
  'operation.completed',
  'operation.failed',
  'operation.partially_completed',
  'operation.cancelled',
  /** A channel of the agent failed for good; `data`: `{channel_type, error, provisioning_id}`. */
  'channel.failed',
  /** A platform refused a channel's stored credentials when the agent answered; `data`: `{channel_type, error}`. */
  'channel.credentials_invalid',
  /** The agent moved from one status to another; `data`: `{from, to, action, actor}`. */
  'agent.status_changed',
  /** The agent handed a customer to a person; `data`: the customer, channel and messages concerned. */
  'conversation.handoff',
  /**
   * A customer's message waits for a person (the agent could not answer it); `data` as for a hand-off, plus the reason.
   */
  'message.follow_up',
  /**
   * A person answered a handed-off customer through the API; `data`: `{handoff_id, customer_id, channel, message_id,
   * text, author}`.
   */
  'conversation.person_replied',
  /** A person handed the conversation back to the agent; `data`: `{handoff_id, customer_id, channel, resolved_by}`. */
  'conversation.resolved',
  /**
   * A customer was erased on request (`DELETE .../customers/{id}`); `data`: `{customer_id, identities, messages,
   * handoffs, events_redacted}`, counts only. The events about them that are still kept lost their words (`erased`).
   */
  'customer.erased',
  /**
   * A version of an agent's document was indexed and now answers; `data`: `{document_id, name, version, chunk_count,
   * type}`.
   */
  'knowledge.ready',
  /** A version of an agent's document could not be indexed; `data`: `{document_id, name, version, error}`. */
  'knowledge.failed',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** One event as an endpoint receives it: the body of every delivery, signed (see EVENT_SIGNATURE_HEADER). */
export interface EngineEventBody<T = Record<string, unknown>> {
  id: string;
  type: EventType;
  created_at: string;
  vendor_id: string;
  agent_id: string;
  data: T;
}

/** `t=<unix seconds>,v1=<hex HMAC-SHA256(endpoint secret, "<t>.<raw body>")>`. */
export const EVENT_SIGNATURE_HEADER = 'voca-signature';
export const EVENT_ID_HEADER = 'voca-event-id';
export const EVENT_TYPE_HEADER = 'voca-event-type';
export const EVENT_DELIVERY_ID_HEADER = 'voca-delivery-id';
export const EVENT_DELIVERY_ATTEMPT_HEADER = 'voca-delivery-attempt';

export const DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
/**
 * pending: waiting for its (next) attempt; delivered: an attempt got a 2xx; failed: retried for the whole window, given
 * up.
 */
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];
