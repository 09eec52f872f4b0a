import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { NO_ANSWER_REPLY, QueueName, type JobOf, type MessageReplyResult } from '@voca/contracts';
import { ConversationMessage } from '@voca/persistence';
import { QueueConsumer, type JobHandlers } from '@voca/queue';
import { DelayedError, type Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { handToPerson } from './hand-to-person.js';
import { ReplyDelivery, type Delivery } from './reply-delivery.js';
import { TurnScheduler } from './turn-scheduler.js';
import { TurnSettlement } from './turn-settlement.js';

/**
 * Ends a conversation turn (queue `conversations`): records the agent's reply as the conversation's next message,
 * delivers it, and starts the customer's next turn. Runs after its `message.reply` child, even when that failed.
 */
@Injectable()
export class DeliverConsumer extends QueueConsumer<typeof QueueName.Conversations> {
  protected readonly queue = QueueName.Conversations;
  protected readonly handlers: JobHandlers<typeof QueueName.Conversations> = {
    'conversation.deliver': (job, token) => this.deliver(job, token),
    'conversation.person_reply': (job, token) => this.personReply(job, token),
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

  protected override async settleFailedForGood(
    job: Job<JobOf<'conversation.deliver'> | JobOf<'conversation.person_reply'>>,
    error: Error,
  ) {
    if (job.name === 'conversation.person_reply') {
      const { replyMessageId } = job.data as JobOf<'conversation.person_reply'>;
      // Never sent (a send that may have gone out is `unknown` already): the person sees it failed and why.
      await this.db
        .getRepository(ConversationMessage)
        .update({ id: replyMessageId, status: 'pending' }, { status: 'failed', error: error.message.slice(0, 500) });
      return;
    }
    await this.settlement.settle(job.data.inboundMessageId, `the turn could not be completed: ${error.message}`);
  }

  /** A person's reply to a handed-off customer: sent like the agent's, at most once, within the platform's rules. */
  private async personReply(job: Job<JobOf<'conversation.person_reply'>>, token?: string) {
    const repository = this.db.getRepository(ConversationMessage);
    const [inbound, reply] = await Promise.all([
      repository.findOneBy({ id: job.data.inboundMessageId }),
      repository.findOneBy({ id: job.data.replyMessageId }),
    ]);
    if (!inbound || !reply) return { delivered: false };
    await this.sendOrWait(job, token, await this.delivery.deliver(inbound, reply));
    return { replyId: reply.id };
  }

  private async deliver(job: Job<JobOf<'conversation.deliver'>>, token?: string) {
    const inbound = await this.db.getRepository(ConversationMessage).findOneBy({ id: job.data.inboundMessageId });
    if (!inbound) return { delivered: false };
    const reply = await this.recordReply(job, inbound);
    await this.sendOrWait(job, token, await this.delivery.deliver(inbound, reply));
    if (inbound.customerId) await this.turns.startNext(inbound.customerId, job.data.requestId);
    return { replyId: reply.id };
  }

  /** A send the platform asked to wait for goes back to the queue for that long; one that failed is retried. */
  private async sendOrWait(job: Job, token: string | undefined, delivery: Delivery): Promise<void> {
    if (delivery.done) return;
    if (delivery.retryAfterMs > 0 && token) {
      await job.moveToDelayed(Date.now() + delivery.retryAfterMs, token);
      throw new DelayedError();
    }
    throw new Error(`reply not sent yet: ${delivery.reason}`);
  }

  /** The reply as a message of the conversation, written once however often this job runs. */
  private async recordReply(
    job: Job<JobOf<'conversation.deliver'>>,
    inbound: ConversationMessage,
  ): Promise<ConversationMessage> {
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
        text: answer?.reply ?? NO_ANSWER_REPLY,
        handoff: answer?.handoff ?? true,
        citations: answer?.citations?.length ? answer.citations : null,
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
        await handToPerson(tx, 'conversation.handoff', inbound, { reason, status, reply });
      }
      return reply;
    });
  }

  private async answerOf(job: Job): Promise<MessageReplyResult | undefined> {
    const values = Object.values(await job.getChildrenValues<MessageReplyResult>());
    return values[0];
  }
}
