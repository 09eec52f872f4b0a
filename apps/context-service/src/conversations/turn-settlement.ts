import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ConversationMessages } from '@voca/persistence';
import { DataSource } from 'typeorm';
import { handToPerson } from './hand-to-person.js';
import { TurnScheduler } from './turn-scheduler.js';

/**
 * Ends a conversation turn that can no longer happen (its job failed for good, or vanished with a Redis that lost
 * it): the customer's message is marked `follow_up` for a person, with the reason, never dropped silently; a reply
 * that was never sent is `failed`, one whose send may have gone out is `unknown` (never sent twice); then the
 * customer's next message gets its turn.
 */
@Injectable()
export class TurnSettlement {
  private readonly logger = new Logger(TurnSettlement.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly turns: TurnScheduler,
  ) {}

  /** Settles the turn of an inbound message; false when it had ended meanwhile. */
  async settle(inboundMessageId: string, reason: string): Promise<boolean> {
    const settled = await this.db.transaction(async (tx) => {
      const messages = new ConversationMessages(tx);
      const inbound = await messages.lockedById(inboundMessageId);
      if (!inbound) return undefined;
      const reply = await messages.replyTo(inbound.id);
      const replyOpen = reply && (reply.status === 'pending' || reply.status === 'sending');
      const turnOpen = ['received', 'queued', 'answering'].includes(inbound.status);
      if (!turnOpen && !replyOpen) return undefined;
      if (reply && replyOpen) await messages.closeOpenReply(reply, reason);
      await messages.toFollowUp(inbound.id, reason);
      await handToPerson(tx, 'message.follow_up', inbound, { reason, status: 'follow_up' });
      return inbound;
    });
    if (!settled) return false;
    this.logger.warn(
      { messageId: inboundMessageId, agentId: settled.agentId, reason },
      'turn settled for a person to follow up',
    );
    if (settled.customerId) await this.turns.startNext(settled.customerId);
    return true;
  }
}
