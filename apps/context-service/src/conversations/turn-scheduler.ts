import { InjectFlowProducer } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ContextServiceEnv } from '@voca/config';
import {
  deliverJobId,
  QueueName,
  replyJobId,
  type ConversationDeliverJobData,
  type MessageReplyJobData,
} from '@voca/contracts';
import { ConversationMessage, CustomerIdentity } from '@voca/persistence';
import type { FlowProducer, JobsOptions } from 'bullmq';
import { DataSource, type EntityManager } from 'typeorm';
import { conversationHistory } from './conversation-history.js';

export const CONVERSATION_FLOW = 'conversation-flow';

const KEEP_S = 24 * 3600;

/**
 * Starts the next turn of a customer's conversation: one message at a time per customer, in arrival order, so
 * replies never overtake each other even with many replicas. A turn is a BullMQ flow: `message.reply` (the agent
 * answers, elizaos-worker) under `conversation.deliver` (record and send, context-service), which starts the next turn.
 */
@Injectable()
export class TurnScheduler {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectFlowProducer(CONVERSATION_FLOW) private readonly flows: FlowProducer,
    private readonly config: ConfigService<ContextServiceEnv, true>,
  ) {}

  async startNext(customerId: string, requestId?: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`turn:${customerId}`]);
      const next = await this.nextMessage(tx, customerId);
      if (!next) return;
      await tx.update(ConversationMessage, { id: next.id }, { status: 'answering' });
      const viewer = next.identityId ? await tx.findOneBy(CustomerIdentity, { id: next.identityId }) : null;
      const history = await conversationHistory(tx, customerId, viewer, next.arrival, this.config.get('HISTORY_TURNS', { infer: true }));
      // Added inside the transaction: if Redis refuses, the message stays queued and this job is retried.
      await this.flows.add({
        name: 'conversation.deliver',
        queueName: QueueName.Conversations,
        data: { inboundMessageId: next.id, requestId } satisfies ConversationDeliverJobData,
        opts: { ...this.options(deliverJobId(next.id)), attempts: 8 },
        children: [
          {
            name: 'message.reply',
            queueName: QueueName.Messages,
            data: {
              agentId: next.agentId,
              channel: next.channel,
              customer: { id: customerId, name: next.counterpartName ?? undefined },
              text: next.text,
              messageId: next.id,
              requestId,
              history,
            } satisfies MessageReplyJobData,
            // An agent that cannot answer still gets its turn delivered: an apology and a person.
            opts: { ...this.options(replyJobId(next.id)), attempts: 3, ignoreDependencyOnFailure: true },
          },
        ],
      });
    });
  }

  /** The customer's earliest waiting message, unless a turn is running or an earlier message is not resolved yet. */
  private async nextMessage(tx: EntityManager, customerId: string): Promise<ConversationMessage | undefined> {
    const running = await tx.existsBy(ConversationMessage, { customerId, direction: 'inbound', status: 'answering' });
    if (running) return undefined;
    const next = await tx.findOne(ConversationMessage, {
      where: { customerId, direction: 'inbound', status: 'queued' },
      order: { arrival: 'ASC' },
    });
    if (!next) return undefined;
    const [{ blocked }] = await tx.query(
      `SELECT EXISTS (SELECT 1 FROM conversation_messages
                       WHERE agent_id = $1 AND channel = $2 AND counterpart_id = $3 AND direction = 'inbound'
                         AND status = 'received' AND arrival < $4) AS blocked`,
      [next.agentId, next.channel, next.counterpartId, next.arrival],
    );
    return blocked ? undefined : next;
  }

  private options(jobId: string): JobsOptions {
    return {
      jobId,
      backoff: { type: 'exponential', delay: 1_000, jitter: 0.3 },
      removeOnComplete: { age: KEEP_S },
      removeOnFail: { age: 7 * KEEP_S },
    };
  }
}
