import { textAt } from '../../platform-call.js';
import {
  unansweredOutcome,
  type OutboundText,
  type PlatformSender,
  type SendOutcome,
} from '../../outbound/platform-sender.js';
import { botSucceeded, callBot, retryAfterOf, telegramReason } from './telegram-api.js';
import type { TelegramSettings } from './telegram-settings.js';

/** sendMessage takes 1 to 4096 characters; a longer reply goes as several messages, in order. */
const MAX_MESSAGE_LENGTH = 4096;

/** The parts of a text, each at most MAX_MESSAGE_LENGTH code points, cut at a line or a space where one is near. */
export function messageParts(text: string): string[] {
  const points = [...text];
  const parts: string[] = [];
  let start = 0;
  while (points.length - start > MAX_MESSAGE_LENGTH) {
    let end = start + MAX_MESSAGE_LENGTH;
    const window = points.slice(start, end).join('');
    const cut = Math.max(window.lastIndexOf('\n'), window.lastIndexOf(' '));
    // A break in the last quarter keeps words whole; none there (a long URL), a hard cut.
    if (cut > (window.length * 3) / 4) end = start + [...window.slice(0, cut)].length + 1;
    parts.push(points.slice(start, end).join('').trimEnd());
    start = end;
  }
  parts.push(points.slice(start).join(''));
  return parts.filter((part) => part.length > 0);
}

/** Sends with the Bot API's sendMessage to the customer's private chat with the bot. */
export class TelegramSender implements PlatformSender {
  constructor(
    private readonly settings: TelegramSettings,
    private readonly timeoutMs: number,
  ) {}

  async send(message: OutboundText): Promise<SendOutcome> {
    const parts = messageParts(message.text);
    const ids: string[] = [];
    for (const [index, text] of parts.entries()) {
      const outcome = await this.sendPart(message, text);
      if (outcome.kind !== 'sent') {
        // After the first part the customer has some of the reply: sending it again would repeat that part.
        if (index === 0 || outcome.kind === 'unknown') return outcome;
        return { kind: 'unknown', reason: `${index} of ${parts.length} parts sent, then: ${outcome.reason}` };
      }
      ids.push(outcome.platformMessageId);
    }
    return { kind: 'sent', platformMessageId: ids[0]! };
  }

  private async sendPart(message: OutboundText, text: string): Promise<SendOutcome> {
    const answer = await callBot(
      this.settings,
      message.accessToken,
      'sendMessage',
      { chat_id: message.recipientId, text },
      this.timeoutMs,
    );
    if (answer.kind === 'unreachable') return unansweredOutcome(answer);
    const { status, body } = answer;
    if (botSucceeded(answer)) {
      const id = textAt(body, 'result', 'message_id');
      // Message ids count per chat of one bot: the bot and the chat make them unique.
      return id
        ? { kind: 'sent', platformMessageId: `${message.businessAccountId}:${message.recipientId}:${id}` }
        : { kind: 'unknown', reason: 'Telegram accepted the message without an id' };
    }
    const reason = telegramReason(status, body);
    if (status === 429) return { kind: 'retry', reason, retryAfterMs: retryAfterOf(body) };
    if (status >= 500) return { kind: 'retry', reason };
    // 401: the token was revoked (or never was); 403: the customer blocked the bot; 400: a chat that is gone.
    if (status === 401) return { kind: 'rejected', reason, credentialsInvalid: true };
    return { kind: 'rejected', reason };
  }
}
