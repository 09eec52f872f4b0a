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
import { ConversationMessages, customerTurnLock } from '@voca/persistence';
import { JOB_PRESETS } from '@voca/queue';
import type { FlowProducer } from 'bullmq';
import { DataSource } from 'typeorm';
import { conversationHistory } from './conversation-history.js';

export const CONVERSATION_FLOW = 'conversation-flow';

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
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [customerTurnLock(customerId)]);
      const next = await new ConversationMessages(tx).claimNextTurn(customerId);
      if (!next) return;
      const viewer = next.viewer_id
        ? { id: next.viewer_id, channel: next.viewer_channel!, linked: next.viewer_linked! }
        : null;
      const history = await conversationHistory(
        tx,
        customerId,
        viewer,
        next.arrival,
        this.config.get('HISTORY_TURNS', { infer: true }),
      );
      // Added inside the transaction: if Redis refuses, the message stays queued and this job is retried.
      await this.flows.add({
        name: 'conversation.deliver',
        queueName: QueueName.Conversations,
        data: { inboundMessageId: next.id, requestId } satisfies ConversationDeliverJobData,
        opts: { ...JOB_PRESETS.delivery, jobId: deliverJobId(next.id) },
        children: [
          {
            name: 'message.reply',
            queueName: QueueName.Messages,
            data: {
              agentId: next.agent_id,
              channel: next.channel,
              customer: { id: customerId, name: next.counterpart_name ?? undefined },
              text: next.text,
              ...(next.media ? { media: next.media } : {}),
              messageId: next.id,
              requestId,
              history,
              ...(next.reply_deadline_at ? { replyBy: new Date(next.reply_deadline_at).toISOString() } : {}),
            } satisfies MessageReplyJobData,
            // An agent that cannot answer still gets its turn delivered: an apology and a person.
            opts: { ...JOB_PRESETS.agentReply, jobId: replyJobId(next.id), ignoreDependencyOnFailure: true },
          },
        ],
      });
    });
  }
}
