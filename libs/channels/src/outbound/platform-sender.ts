import type { SocialChannel } from '@voca/contracts';
import type { PlatformAnswer } from '../platform-call.js';

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

/** A send the platform never answered: sent again only when it certainly did not receive it. */
export function unansweredOutcome(answer: Extract<PlatformAnswer, { kind: 'unreachable' }>): SendOutcome {
  return answer.maybeReceived ? { kind: 'unknown', reason: answer.reason } : { kind: 'retry', reason: answer.reason };
}

export interface PlatformSender {
  send(message: OutboundText): Promise<SendOutcome>;
}
