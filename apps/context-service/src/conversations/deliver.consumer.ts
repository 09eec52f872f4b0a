import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { QueueName, type JobOf, type MessageReplyResult } from '@voca/contracts';
import { ConversationMessage } from '@voca/persistence';
import { QueueConsumer, type JobHandlers } from '@voca/queue';
import { DelayedError, type Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { recordConversationEvent } from './conversation-events.js';
import { ReplyDelivery } from './reply-delivery.js';
import { TurnScheduler } from './turn-scheduler.js';
import { TurnSettlement } from './turn-settlement.js';

/** Said when the agent could not produce an answer at all (its runtime kept failing). */
export const NO_ANSWER_TEXT = 'Sorry, I could not answer that just now. A member of our team will follow up with you.';

/**
 * Ends a conversation turn (queue `conversations`): records the agent's reply as the conversation's next message,
 * delivers it, and starts the customer's next turn. Runs after its `message.reply` child, even when that failed.
 */
@Injectable()
export class DeliverConsumer extends QueueConsumer<typeof QueueName.Conversations> {
  protected readonly queue = QueueName.Conversations;
  protected readonly handlers: JobHandlers<typeof QueueName.Conversations> = {
    'conversation.deliver': (job, token) => this.deliver(job, token),
  };
  protected readonly defaultConcurrency = 20;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly delivery: ReplyDelivery,
    private readonly turns: TurnScheduler,
    private readonly settlement: TurnSettlement,
  ) {
    super();
  }

  protected override settleFailedForGood(job: Job<JobOf<'conversation.deliver'>>, error: Error) {
    return this.settlement.settle(job.data.inboundMessageId, `the turn could not be completed: ${error.message}`);
  }

  private async deliver(job: Job<JobOf<'conversation.deliver'>>, token?: string) {
    const inbound = await this.db.getRepository(ConversationMessage).findOneBy({ id: job.data.inboundMessageId });
    if (!inbound) return { delivered: false };
    const reply = await this.recordReply(job, inbound);
    const delivery = await this.delivery.deliver(inbound, reply);
    if (!delivery.done) {
      if (delivery.retryAfterMs > 0 && token) {
        await job.moveToDelayed(Date.now() + delivery.retryAfterMs, token);
        throw new DelayedError();
      }
      throw new Error(`reply not sent yet: ${delivery.reason}`);
    }
    if (inbound.customerId) await this.turns.startNext(inbound.customerId, job.data.requestId);
    return { replyId: reply.id };
  }

  /** The reply as a message of the conversation, written once however often this job runs. */
  private async recordReply(job: Job<JobOf<'conversation.deliver'>>, inbound: ConversationMessage): Promise<ConversationMessage> {
    const answer = await this.answerOf(job);
    return this.db.transaction(async (tx) => {
      const existing = await tx.findOneBy(ConversationMessage, { inReplyTo: inbound.id, direction: 'outbound' });
      if (existing) return existing;
      const reply = await tx.save(ConversationMessage, {
        agentId: inbound.agentId,
        customerId: inbound.customerId,
        identityId: inbound.identityId,
        channel: inbound.channel,
        direction: 'outbound' as const,
        businessAccountId: inbound.businessAccountId,
        counterpartId: inbound.counterpartId,
        counterpartName: inbound.counterpartName,
        inReplyTo: inbound.id,
        text: answer?.reply ?? NO_ANSWER_TEXT,
        handoff: answer?.handoff ?? true,
        status: 'pending' as const,
      });
      const status = answer ? 'answered' : 'failed';
      await tx.update(
        ConversationMessage,
        { id: inbound.id },
        { status, handoff: answer?.handoff ?? true, error: answer ? null : 'the agent could not answer' },
      );
      if (reply.handoff) {
        const reason = answer ? 'the agent handed the customer to a person' : 'the agent could not answer';
        await recordConversationEvent(tx, 'conversation.handoff', inbound, { reason, status, reply });
      }
      return reply;
    });
  }

  private async answerOf(job: Job): Promise<MessageReplyResult | undefined> {
    const values = Object.values(await job.getChildrenValues<MessageReplyResult>());
    return values[0];
  }
}
