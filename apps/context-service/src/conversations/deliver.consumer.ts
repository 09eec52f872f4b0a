import { Injectable } from '@nestjs/common';
import { QueueName, type JobOf, type MessageReplyResult } from '@voca/contracts';
import { QueueConsumer, type JobHandlers } from '@voca/queue';
import { DelayedError, type Job } from 'bullmq';
import type { Delivery } from './reply-delivery.js';
import { TurnCompletion } from './turn-completion.js';
import { TurnSettlement } from './turn-settlement.js';

/**
 * Ends a conversation turn (queue `conversations`): the agent's answer, read from the `message.reply` child (which
 * runs first, and may have failed), goes to TurnCompletion; a send the platform asked to wait for goes back to the
 * queue for that long.
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
    private readonly turns: TurnCompletion,
    private readonly settlement: TurnSettlement,
  ) {
    super();
  }

  protected override async settleFailedForGood(
    job: Job<JobOf<'conversation.deliver'> | JobOf<'conversation.person_reply'>>,
    error: Error,
  ) {
    if (job.name === 'conversation.person_reply') {
      // Never sent (a send that may have gone out is `unknown` already): the person sees it failed and why.
      return this.turns.failPersonReply((job.data as JobOf<'conversation.person_reply'>).replyMessageId, error.message);
    }
    await this.settlement.settle(job.data.inboundMessageId, `the turn could not be completed: ${error.message}`);
  }

  private async personReply(job: Job<JobOf<'conversation.person_reply'>>, token?: string) {
    const delivery = await this.turns.sendPersonReply(job.data.inboundMessageId, job.data.replyMessageId);
    if (!delivery) return { delivered: false };
    await this.sendOrWait(job, token, delivery);
    return { replyId: job.data.replyMessageId };
  }

  private async deliver(job: Job<JobOf<'conversation.deliver'>>, token?: string) {
    const answer = Object.values(await job.getChildrenValues<MessageReplyResult>())[0];
    const completed = await this.turns.complete(job.data.inboundMessageId, answer, job.data.requestId);
    if (!completed) return { delivered: false };
    await this.sendOrWait(job, token, completed.delivery);
    return { replyId: completed.reply.id };
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
}
