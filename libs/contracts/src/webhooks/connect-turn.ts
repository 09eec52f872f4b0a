/**
 * The voice/SMS turn the shared Connect Lambda posts to `POST /api/v1/webhooks/connect`, and what it gets back.
 *
 * Signing (the same scheme for every webhook the engine's own components send): the header
 * `X-Voca-Timestamp` carries the Unix time in seconds and `X-Voca-Signature` carries
 * `sha256=<hex HMAC-SHA256(WEBHOOK_SECRET, "<timestamp>.<raw body>")>`. The receiver refuses a bad signature and a
 * timestamp more than five minutes away from its clock.
 */
export interface ConnectTurnRequest {
  /** The engine agent the contact flow belongs to (an invocation attribute of the flow). */
  agent_id: string;
  /** Amazon Connect's ContactId: one call or SMS conversation. */
  contact_id: string;
  channel: 'voice' | 'sms';
  /** The customer's number, E.164. */
  caller: string;
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

export const WEBHOOK_SIGNATURE_HEADER = 'x-voca-signature';
export const WEBHOOK_TIMESTAMP_HEADER = 'x-voca-timestamp';
/** How far a signed timestamp may be from the receiver's clock. */
export const WEBHOOK_MAX_SKEW_SECONDS = 300;
