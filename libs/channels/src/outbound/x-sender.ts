import { jsonOf, networkFailure, retryAfterMs } from './http-outcome.js';
import type { OutboundText, PlatformSender, SendOutcome, SenderSettings } from './platform-sender.js';

/** Sends direct messages with the X API v2 (`POST /2/dm_conversations/with/{participant_id}/messages`). */
export class XSender implements PlatformSender {
  constructor(private readonly settings: SenderSettings) {}

  async send(message: OutboundText): Promise<SendOutcome> {
    const base = this.settings.xApiBaseUrl.replace(/\/$/, '');
    const url = `${base}/2/dm_conversations/with/${encodeURIComponent(message.recipientId)}/messages`;
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { authorization: `Bearer ${message.accessToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ text: message.text }),
        signal: AbortSignal.timeout(this.settings.timeoutMs),
      });
    } catch (error) {
      return networkFailure(error);
    }
    const json = await jsonOf(response);
    if (response.ok) {
      const id: string | undefined = json?.data?.dm_event_id;
      return id
        ? { kind: 'sent', platformMessageId: id }
        : { kind: 'unknown', reason: 'X accepted the message without an id' };
    }
    const reason = `${json?.title ?? `HTTP ${response.status}`}${json?.detail ? `: ${json.detail}` : ''}`;
    if (response.status === 429) return { kind: 'retry', reason, retryAfterMs: retryAfterMs(response.headers) };
    if (response.status >= 500) return { kind: 'retry', reason };
    if (response.status === 401) return { kind: 'rejected', reason, credentialsInvalid: true };
    return { kind: 'rejected', reason };
  }
}
