import { jsonOf, networkFailure, retryAfterMs } from './http-outcome.js';
import type { OutboundText, PlatformSender, SendOutcome, SenderSettings } from './platform-sender.js';

/** Graph error codes that mean "too many messages, slow down". */
const THROTTLED = new Set([4, 17, 32, 613, 80007, 130429, 131048, 131056]);
/** Free-form replies are only allowed within 24 hours of the customer's last message. */
const OUTSIDE_WINDOW_CODES = new Set([131047]);
// Messenger 2018278, Instagram 2534022: outside the allowed window.
const OUTSIDE_WINDOW_SUBCODES = new Set([2018278, 2534022]);

interface GraphError {
  code?: number;
  error_subcode?: number;
  message?: string;
  is_transient?: boolean;
}

export function graphOutcome(status: number, body: { error?: GraphError } | undefined, headers: Headers): SendOutcome {
  const error = body?.error ?? {};
  const reason = `${error.message ?? `HTTP ${status}`}${error.code ? ` (code ${error.code})` : ''}`;
  if (OUTSIDE_WINDOW_CODES.has(error.code ?? 0) || OUTSIDE_WINDOW_SUBCODES.has(error.error_subcode ?? 0)) {
    return { kind: 'outside_window', reason };
  }
  if (status === 429 || THROTTLED.has(error.code ?? 0))
    return { kind: 'retry', reason, retryAfterMs: retryAfterMs(headers) };
  if (status >= 500 || error.is_transient || error.code === 1 || error.code === 2) return { kind: 'retry', reason };
  // Graph's OAuthException: the access token is invalid, expired or revoked.
  if (status === 401 || error.code === 190) return { kind: 'rejected', reason, credentialsInvalid: true };
  return { kind: 'rejected', reason };
}

/**
 * Sends on the Meta Graph API: WhatsApp Cloud API `/{phone_number_id}/messages`, and Messenger or Instagram
 * `/{page or IG account id}/messages` with `messaging_type: RESPONSE`.
 */
export class GraphSender implements PlatformSender {
  constructor(private readonly settings: SenderSettings) {}

  async send(message: OutboundText): Promise<SendOutcome> {
    const base = this.settings.metaGraphBaseUrl.replace(/\/$/, '');
    const url = `${base}/${this.settings.metaGraphVersion}/${encodeURIComponent(message.businessAccountId)}/messages`;
    const body =
      message.channel === 'whatsapp'
        ? {
            messaging_product: 'whatsapp',
            recipient_type: 'individual',
            to: message.recipientId,
            type: 'text',
            text: { body: message.text },
          }
        : { recipient: { id: message.recipientId }, messaging_type: 'RESPONSE', message: { text: message.text } };
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { authorization: `Bearer ${message.accessToken}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(this.settings.timeoutMs),
      });
    } catch (error) {
      return networkFailure(error);
    }
    const json = await jsonOf(response);
    if (!response.ok) return graphOutcome(response.status, json, response.headers);
    const id: string | undefined = message.channel === 'whatsapp' ? json?.messages?.[0]?.id : json?.message_id;
    return id
      ? { kind: 'sent', platformMessageId: id }
      : { kind: 'unknown', reason: 'the platform accepted the message without an id' };
  }
}
