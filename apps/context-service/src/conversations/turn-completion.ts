import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { NO_ANSWER_REPLY, type MessageReplyResult } from '@voca/contracts';
import { ConversationMessages, type ConversationMessage } from '@voca/persistence';
import { DataSource } from 'typeorm';
import { handToPerson } from './hand-to-person.js';
import { ReplyDelivery, type Delivery } from './reply-delivery.js';
import { TurnScheduler } from './turn-scheduler.js';

/**
 * The end of a conversation turn: the agent's answer (or, when it could not answer, an apology and a person) recorded
 * once as the conversation's next message, delivered, and the customer's next turn started. A person's reply from
 * the hand-off inbox is delivered the same way.
 */
@Injectable()
export class TurnCompletion {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly delivery: ReplyDelivery,
    private readonly turns: TurnScheduler,
  ) {}

  /** `answer`: what the agent's job returned, or nothing when it failed. Undefined when the message is gone. */
  async complete(
    inboundMessageId: string,
    answer: MessageReplyResult | undefined,
    requestId?: string,
  ): Promise<{ reply: ConversationMessage; delivery: Delivery } | undefined> {
    const inbound = await new ConversationMessages(this.db.manager).byId(inboundMessageId);
    if (!inbound) return undefined;
    const reply = await this.recordReply(inbound, answer);
    const delivery = await this.delivery.deliver(inbound, reply);
    // The next turn waits for this one's send: a reply that must be sent again keeps the customer's order.
    if (delivery.done && inbound.customerId) await this.turns.startNext(inbound.customerId, requestId);
    return { reply, delivery };
  }

  /** A person's reply to a handed-off customer: sent like the agent's, at most once, within the platform's rules. */
  async sendPersonReply(inboundMessageId: string, replyMessageId: string): Promise<Delivery | undefined> {
    const messages = new ConversationMessages(this.db.manager);
    const [inbound, reply] = await Promise.all([messages.byId(inboundMessageId), messages.byId(replyMessageId)]);
    if (!inbound || !reply) return undefined;
    return this.delivery.deliver(inbound, reply);
  }

  /** A person's reply that could not be sent, for good: the person sees it failed and why. */
  failPersonReply(replyMessageId: string, reason: string): Promise<void> {
    return new ConversationMessages(this.db.manager).failUnsent(replyMessageId, reason);
  }

  /** The reply as a message of the conversation, written once however often the turn's job runs. */
  private recordReply(inbound: ConversationMessage, answer: MessageReplyResult | undefined) {
    return this.db.transaction(async (tx) => {
      const messages = new ConversationMessages(tx);
      const existing = await messages.replyTo(inbound.id);
      if (existing) return existing;
      const reply = await messages.recordReply(inbound, {
        text: answer?.reply ?? NO_ANSWER_REPLY,
        handoff: answer?.handoff ?? true,
        citations: answer?.citations?.length ? answer.citations : null,
      });
      const status = answer ? 'answered' : 'failed';
      await messages.endTurn(inbound.id, {
        status,
        handoff: answer?.handoff ?? true,
        error: answer ? null : 'the agent could not answer',
      });
      if (reply.handoff) {
        const reason = answer ? 'the agent handed the customer to a person' : 'the agent could not answer';
        await handToPerson(tx, 'conversation.handoff', inbound, { reason, status, reply });
      }
      return reply;
    });
  }
}
