import { callPlatform, retryAfterMs, succeeded, textAt, xReason } from '../../platform-call.js';
import {
  unansweredOutcome,
  type OutboundText,
  type PlatformSender,
  type SendOutcome,
} from '../../outbound/platform-sender.js';
import type { XSettings } from './x-settings.js';

/** Sends direct messages with the X API v2 (`POST /2/dm_conversations/with/{participant_id}/messages`). */
export class XSender implements PlatformSender {
  constructor(
    private readonly settings: XSettings,
    private readonly timeoutMs: number,
  ) {}

  async send(message: OutboundText): Promise<SendOutcome> {
    const base = this.settings.X_API_BASE_URL.replace(/\/$/, '');
    const url = `${base}/2/dm_conversations/with/${encodeURIComponent(message.recipientId)}/messages`;
    const answer = await callPlatform(
      url,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${message.accessToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ text: message.text }),
      },
      this.timeoutMs,
    );
    if (answer.kind === 'unreachable') return unansweredOutcome(answer);
    const { status, body } = answer;
    if (succeeded(answer)) {
      const id = textAt(body, 'data', 'dm_event_id');
      return id
        ? { kind: 'sent', platformMessageId: id }
        : { kind: 'unknown', reason: 'X accepted the message without an id' };
    }
    const reason = xReason(status, body);
    if (status === 429) return { kind: 'retry', reason, retryAfterMs: retryAfterMs(answer.headers) };
    if (status >= 500) return { kind: 'retry', reason };
    if (status === 401) return { kind: 'rejected', reason, credentialsInvalid: true };
    return { kind: 'rejected', reason };
  }
}
