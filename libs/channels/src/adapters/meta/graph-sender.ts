import { callPlatform, flagAt, graphReason, numberAt, retryAfterMs, succeeded, textAt } from '../../platform-call.js';
import {
  unansweredOutcome,
  type OutboundText,
  type PlatformSender,
  type SendOutcome,
} from '../../outbound/platform-sender.js';
import type { MetaSettings } from './meta-settings.js';

/** Graph error codes that mean "too many messages, slow down". */
const THROTTLED = new Set([4, 17, 32, 613, 80007, 130429, 131048, 131056]);
/** Free-form replies are only allowed within 24 hours of the customer's last message. */
const OUTSIDE_WINDOW_CODES = new Set([131047]);
// Messenger 2018278, Instagram 2534022: outside the allowed window.
const OUTSIDE_WINDOW_SUBCODES = new Set([2018278, 2534022]);

export function graphOutcome(status: number, body: unknown, headers: Headers): SendOutcome {
  const code = numberAt(body, 'error', 'code') ?? 0;
  const reason = graphReason(status, body);
  if (OUTSIDE_WINDOW_CODES.has(code) || OUTSIDE_WINDOW_SUBCODES.has(numberAt(body, 'error', 'error_subcode') ?? 0)) {
    return { kind: 'outside_window', reason };
  }
  if (status === 429 || THROTTLED.has(code)) return { kind: 'retry', reason, retryAfterMs: retryAfterMs(headers) };
  if (status >= 500 || flagAt(body, 'error', 'is_transient') || code === 1 || code === 2) {
    return { kind: 'retry', reason };
  }
  // Graph's OAuthException: the access token is invalid, expired or revoked.
  if (status === 401 || code === 190) return { kind: 'rejected', reason, credentialsInvalid: true };
  return { kind: 'rejected', reason };
}

/** How one Meta channel writes a text message for `/{id}/messages`, and where the answer holds the message's id. */
export interface GraphMessageFormat {
  body(message: OutboundText): object;
  idOf(answer: unknown): string | undefined;
}

/**
 * Sends on the Meta Graph API, `POST /{phone_number_id, Page or Instagram account id}/messages`, in a channel's
 * format.
 */
export class GraphSender implements PlatformSender {
  constructor(
    private readonly settings: MetaSettings,
    private readonly timeoutMs: number,
    private readonly format: GraphMessageFormat,
  ) {}

  async send(message: OutboundText): Promise<SendOutcome> {
    const base = this.settings.META_GRAPH_BASE_URL.replace(/\/$/, '');
    const url = `${base}/${this.settings.META_GRAPH_VERSION}/${encodeURIComponent(message.businessAccountId)}/messages`;
    const answer = await callPlatform(
      url,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${message.accessToken}`, 'content-type': 'application/json' },
        body: JSON.stringify(this.format.body(message)),
      },
      this.timeoutMs,
    );
    if (answer.kind === 'unreachable') return unansweredOutcome(answer);
    if (!succeeded(answer)) return graphOutcome(answer.status, answer.body, answer.headers);
    const id = this.format.idOf(answer.body);
    return id
      ? { kind: 'sent', platformMessageId: id }
      : { kind: 'unknown', reason: 'the platform accepted the message without an id' };
  }
}

/** Messenger's and Instagram's Send API: a reply to the customer's message (`messaging_type: RESPONSE`). */
export const SEND_API_FORMAT: GraphMessageFormat = {
  body: (message) => ({
    recipient: { id: message.recipientId },
    messaging_type: 'RESPONSE',
    message: { text: message.text },
  }),
  idOf: (answer) => textAt(answer, 'message_id'),
};
