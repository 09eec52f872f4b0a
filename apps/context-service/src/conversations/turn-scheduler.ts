import { InjectFlowProducer } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ContextServiceEnv } from '@voca/config';
import {
  deliverJobId,
  type Channel,
  QueueName,
  replyJobId,
  type ConversationDeliverJobData,
  type InboundMedia,
  type MessageReplyJobData,
} from '@voca/contracts';
import { customerTurnLock, type CustomerIdentity } from '@voca/persistence';
import { JOB_PRESETS } from '@voca/queue';
import type { FlowProducer } from 'bullmq';
import { DataSource, type EntityManager } from 'typeorm';
import { conversationHistory } from './conversation-history.js';

export const CONVERSATION_FLOW = 'conversation-flow';

interface ClaimedMessage {
  id: string;
  agent_id: string;
  channel: Channel;
  counterpart_name: string | null;
  text: string;
  media: InboundMedia[] | null;
  arrival: string;
  viewer_id: string | null;
  viewer_channel: Channel | null;
  viewer_linked: CustomerIdentity['linked'] | null;
  reply_deadline_at: Date | null;
}

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
      const next = await this.claimNext(tx, customerId);
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

  /**
   * Marks the customer's earliest waiting message `answering`, with the identity it came from, unless a turn is
   * running or an earlier message of that conversation is not resolved yet; in one statement (under the customer's
   * lock), since every turn passes here twice.
   */
  private async claimNext(tx: EntityManager, customerId: string): Promise<ClaimedMessage | undefined> {
    const rows: ClaimedMessage[] = await tx.query(
      `WITH claimed AS (
         UPDATE conversation_messages m SET status = 'answering', updated_at = now()
          WHERE m.id = (SELECT id FROM conversation_messages
                         WHERE customer_id = $1 AND direction = 'inbound' AND status = 'queued'
                         ORDER BY arrival LIMIT 1)
            AND NOT EXISTS (SELECT 1 FROM conversation_messages r
                             WHERE r.customer_id = $1 AND r.direction = 'inbound' AND r.status = 'answering')
            AND NOT EXISTS (SELECT 1 FROM conversation_messages b
                             WHERE b.agent_id = m.agent_id AND b.channel = m.channel AND b.counterpart_id = m.counterpart_id
                               AND b.direction = 'inbound' AND b.status = 'received' AND b.arrival < m.arrival)
         RETURNING m.id, m.agent_id, m.channel, m.counterpart_name, m.text, m.media, m.arrival, m.identity_id,
                   m.reply_deadline_at
       )
       SELECT c.id, c.agent_id, c.channel, c.counterpart_name, c.text, c.media, c.arrival, c.reply_deadline_at,
              i.id AS viewer_id, i.channel AS viewer_channel, i.linked AS viewer_linked
         FROM claimed c LEFT JOIN customer_identities i ON i.id = c.identity_id`,
      [customerId],
    );
    return rows[0];
  }
}
