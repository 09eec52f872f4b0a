import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  CUSTOMER_FORGOTTEN_PATTERN,
  deliverJobId,
  inboundJobId,
  personReplyJobId,
  QueueName,
  replyJobId,
  type CustomerForgottenEvent,
} from '@voca/contracts';
import { erasureCompleted, pendingErasure } from '@voca/persistence';
import { EventPublisher } from '@voca/queue';
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { DataSource } from 'typeorm';

/** Entries of a queue's event stream read at a time while looking for an erased customer's jobs. */
const STREAM_PAGE = 1_000;

/**
 * The second half of erasing a customer, after the record (libs/persistence customer-erasure): the jobs that carried
 * their words (an inbound message, the agent's reply with the history, a delivery and its child's result, a person's
 * reply), those jobs' entries in the queues' event streams (a completed job's return value is kept there), and
 * ElizaOS's working memory on every elizaos-worker replica. A job of theirs still running makes the attempt fail, to
 * be tried again once it ended.
 */
@Injectable()
export class CustomerForgetter {
  private readonly logger = new Logger(CustomerForgetter.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly events: EventPublisher,
    @InjectQueue(QueueName.Inbound) private readonly inbound: Queue,
    @InjectQueue(QueueName.Messages) private readonly messages: Queue,
    @InjectQueue(QueueName.Conversations) private readonly conversations: Queue,
  ) {}

  async forget(erasureId: string): Promise<{ jobsRemoved: number; streamEntriesRemoved: number }> {
    const erasure = await pendingErasure(this.db.manager, erasureId);
    if (!erasure) return { jobsRemoved: 0, streamEntriesRemoved: 0 };
    const jobs = new Map<Queue, Set<string>>([
      [this.inbound, new Set(erasure.messageIds.map(inboundJobId))],
      [this.messages, new Set(erasure.messageIds.map(replyJobId))],
      [
        this.conversations,
        new Set([...erasure.messageIds.map(deliverJobId), ...erasure.messageIds.map(personReplyJobId)]),
      ],
    ]);
    let jobsRemoved = 0;
    let streamEntriesRemoved = 0;
    for (const [queue, ids] of jobs) {
      for (const id of ids) if (await this.removeJob(queue, id)) jobsRemoved += 1;
      streamEntriesRemoved += await this.scrubEventStream(queue, ids);
    }
    const event: CustomerForgottenEvent = { agentId: erasure.agentId, customerId: erasure.customerId };
    if (!(await this.events.publish(CUSTOMER_FORGOTTEN_PATTERN, event))) {
      throw new Error('the elizaos-worker replicas could not be told to forget the customer; trying again');
    }
    await erasureCompleted(this.db.manager, erasureId);
    this.logger.log({ erasureId, jobsRemoved, streamEntriesRemoved }, 'customer forgotten outside the record');
    return { jobsRemoved, streamEntriesRemoved };
  }

  /** Removes the job (and its children); false when there is none. Throws while it runs, to be tried again. */
  private async removeJob(queue: Queue, jobId: string): Promise<boolean> {
    const job = await queue.getJob(jobId);
    if (!job) return false;
    if ((await job.getState()) === 'active') {
      throw new Error(`job ${jobId} of the erased customer is running; erasing it once it ends`);
    }
    await job.remove({ removeChildren: true });
    return true;
  }

  /** Deletes the stream entries of these jobs from the queue's event stream (trimmed by BullMQ, so bounded). */
  private async scrubEventStream(queue: Queue, jobIds: Set<string>): Promise<number> {
    // BullMQ types its connection minimally; it is ioredis, which reads and trims streams.
    const redis = (await queue.backend.client) as unknown as Redis;
    const key = queue.keys.events!;
    let removed = 0;
    let start = '-';
    for (;;) {
      const entries = (await redis.xrange(key, start, '+', 'COUNT', STREAM_PAGE)) as [string, string[]][];
      const ours = entries.filter(([, fields]) => jobIds.has(fieldOf(fields, 'jobId') ?? '')).map(([id]) => id);
      if (ours.length) removed += await redis.xdel(key, ...ours);
      if (entries.length < STREAM_PAGE) return removed;
      start = `(${entries[entries.length - 1]![0]}`;
    }
  }
}

function fieldOf(fields: string[], name: string): string | undefined {
  for (let i = 0; i < fields.length - 1; i += 2) if (fields[i] === name) return fields[i + 1];
  return undefined;
}
