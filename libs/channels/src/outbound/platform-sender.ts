import type { SocialChannel } from '@voca/contracts';

/** A reply to deliver on a social platform, with the business account's stored token. */
export interface OutboundText {
  channel: SocialChannel;
  /** phone_number_id, Page id, Instagram account id, or the X user id of the business. */
  businessAccountId: string;
  /** The customer's id on the platform (wa_id or business-scoped id, PSID, IGSID, X user id). */
  recipientId: string;
  text: string;
  accessToken: string;
}

/**
 * What became of a send. `retry` means the platform certainly did not deliver it (throttled, server error), so it
 * may be sent again; `unknown` means it may have been delivered (the answer was lost), so it must not be.
 */
export type SendOutcome =
  | { kind: 'sent'; platformMessageId: string }
  | { kind: 'retry'; reason: string; retryAfterMs?: number }
  | { kind: 'outside_window'; reason: string }
  /** `credentialsInvalid`: the platform refused the token itself (expired, revoked), not this one message. */
  | { kind: 'rejected'; reason: string; credentialsInvalid?: boolean }
  | { kind: 'unknown'; reason: string };

export interface PlatformSender {
  send(message: OutboundText): Promise<SendOutcome>;
}

export interface SenderSettings {
  metaGraphBaseUrl: string;
  metaGraphVersion: string;
  xApiBaseUrl: string;
  timeoutMs: number;
}
