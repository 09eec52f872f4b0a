/**
 * The voice/SMS turn the shared Connect Lambda posts to `POST /api/v1/webhooks/connect`, and what it gets back.
 *
 * Signing (the same scheme for every webhook the engine's own components send): the header
 * `X-Voca-Timestamp` carries the Unix time in seconds and `X-Voca-Signature` carries
 * `sha256=<hex HMAC-SHA256(key, "<timestamp>.<raw body>")>`, the key being the caller's own, derived from
 * WEBHOOK_SECRET (webhook-keys.ts: the Lambda's, or one agent's). The receiver refuses a bad signature and a
 * timestamp more than five minutes away from its clock.
 */
export interface ConnectTurnRequest {
  /** The engine agent the contact flow belongs to (an invocation attribute of the flow). */
  agent_id: string;
  /** Amazon Connect's ContactId: one call or SMS conversation. */
  contact_id: string;
  channel: 'voice' | 'sms';
  /**
   * The customer's number, E.164; null when it is withheld (Connect's CustomerEndpoint is null): the turn is then
   * the contact's alone, an anonymous customer never linked to other channels.
   */
  caller: string | null;
  /** The agent's number the customer reached, E.164. */
  dialed: string;
  /** What the customer said or typed this turn; empty on the first turn of a call. */
  utterance: string;
  /** When the Lambda received the turn, ISO 8601. */
  timestamp: string;
}

export interface ConnectTurnResponse {
  /** What the flow says (voice) or sends (SMS) next. */
  reply: string;
  /** `transfer` hands the contact to the agent's queue; `end` says goodbye and disconnects. */
  action?: 'continue' | 'transfer' | 'end';
}

/**
 * The spec's shape of the same webhook, for a backend or a telephony bridge other than the engine's Lambda:
 * `{agent_id, message, channel}`, signed the same way. The optional fields keep one caller's turns together:
 * `contact_id` (one call or SMS conversation) and `caller` (E.164: links the caller to the customer's other
 * channels); `timestamp` makes a retried post of the same turn recognisable.
 */
export interface ConnectMessageRequest {
  agent_id: string;
  message: string;
  channel: 'voice' | 'sms';
  contact_id?: string;
  caller?: string;
  timestamp?: string;
}

/** The spec's voice answer, with the engine's `action` beside it. */
export interface ConnectMessageResponse {
  message: string;
  agent_id: string;
  channel: 'voice' | 'sms';
  /** The message is plain text, ready to be spoken (no markup, no links but the business's own). */
  tts_ready: true;
  action: NonNullable<ConnectTurnResponse['action']>;
}

export const WEBHOOK_SIGNATURE_HEADER = 'x-voca-signature';
export const WEBHOOK_TIMESTAMP_HEADER = 'x-voca-timestamp';
/** How far a signed timestamp may be from the receiver's clock. */
export const WEBHOOK_MAX_SKEW_SECONDS = 300;
