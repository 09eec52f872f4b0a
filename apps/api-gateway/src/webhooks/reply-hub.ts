import { Controller, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { CONVERSATION_REPLIED_PATTERN, type ConversationRepliedEvent } from '@voca/contracts';

/** Replies are kept this long, so a reply that lands before its webhook starts waiting is not missed. */
const REMEMBER_MS = 60_000;

/**
 * Hands agents' replies (announced on Redis pub/sub by the context-service) to the webhook requests waiting for
 * them: the Connect Lambda's turn and the generic webhook answer synchronously.
 */
@Injectable()
export class ReplyHub implements OnApplicationShutdown {
  private readonly recent = new Map<string, { event: ConversationRepliedEvent; at: number }>();
  private readonly waiting = new Map<string, (event: ConversationRepliedEvent) => void>();
  private readonly sweeper = setInterval(() => this.forgetOld(), REMEMBER_MS).unref();

  push(event: ConversationRepliedEvent): void {
    this.recent.set(event.inboundMessageId, { event, at: Date.now() });
    this.waiting.get(event.inboundMessageId)?.(event);
  }

  /** The reply to a message, or undefined when it does not come within `timeoutMs`. */
  waitFor(messageId: string, timeoutMs: number): Promise<ConversationRepliedEvent | undefined> {
    const known = this.recent.get(messageId);
    if (known) return Promise.resolve(known.event);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiting.delete(messageId);
        resolve(undefined);
      }, timeoutMs);
      this.waiting.set(messageId, (event) => {
        clearTimeout(timer);
        this.waiting.delete(messageId);
        resolve(event);
      });
    });
  }

  onApplicationShutdown(): void {
    clearInterval(this.sweeper);
    for (const resolve of this.waiting.values()) resolve(undefined as never);
  }

  private forgetOld(): void {
    const horizon = Date.now() - REMEMBER_MS;
    for (const [id, { at }] of this.recent) if (at < horizon) this.recent.delete(id);
  }
}

@Controller()
export class ReplyListener {
  constructor(private readonly hub: ReplyHub) {}

  @EventPattern(CONVERSATION_REPLIED_PATTERN)
  onReplied(@Payload() event: ConversationRepliedEvent): void {
    if (typeof event?.inboundMessageId === 'string' && typeof event.text === 'string') this.hub.push(event);
  }
}
