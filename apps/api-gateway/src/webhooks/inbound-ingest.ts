import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, ServiceUnavailableException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ANSWERING_AGENT_STATUSES,
  inboundJobId,
  isConnectChannel,
  QueueName,
  type DeliveryStatusEvent,
  type InboundEvent,
  type InboundMessageEvent,
  type JobItem,
} from '@voca/contracts';
import { Agent, AgentChannelStore, ConversationMessage, recordInboundFor, routeAndRecord } from '@voca/persistence';
import { InjectMetric } from '@voca/observability';
import { JOB_PRESETS } from '@voca/queue';
import type { Queue } from 'bullmq';
import { isUUID } from 'class-validator';
import type { Counter } from 'prom-client';
import { DataSource } from 'typeorm';
import { WEBHOOK_MESSAGES } from './webhook-metrics.js';

export type IngestOutcome =
  | { kind: 'recorded'; messageId: string; agentId: string; answering: boolean }
  | { kind: 'duplicate'; messageId: string; agentId: string; answering: boolean }
  | { kind: 'unknown_target' }
  | { kind: 'status' };

type InboundJob = Extract<JobItem, { queue: 'inbound' }>;

/**
 * The webhooks' one job: record what a platform delivered and queue it, fast. A message is routed to its agent by
 * the business-side id, stored once per platform message id (a redelivery is acknowledged, not answered again) and
 * queued for the context-service. If Redis refuses, the request fails so the platform delivers again, and the
 * redelivery queues the message it finds recorded.
 */
@Injectable()
export class InboundIngest {
  private readonly logger = new Logger(InboundIngest.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly channels: AgentChannelStore,
    @InjectQueue(QueueName.Inbound) private readonly inbound: Queue<InboundJob['data'], unknown, InboundJob['name']>,
    @InjectMetric(WEBHOOK_MESSAGES) private readonly messages: Counter<'channel' | 'outcome'>,
  ) {}

  async ingest(events: InboundEvent[], requestId: string, replyDeadlineAt?: Date): Promise<IngestOutcome[]> {
    const outcomes: IngestOutcome[] = [];
    for (const event of events) {
      outcomes.push(
        event.kind === 'message' ? await this.message(event, requestId, replyDeadlineAt) : await this.status(event),
      );
    }
    return outcomes;
  }

  /**
   * The agent a message is for: by the platform account of its channel, or the number dialed (voice, sms). A source
   * that names its agent (the Connect flow does) must name the one holding that account, else nobody gets it.
   */
  async route(
    channel: InboundMessageEvent['channel'],
    businessAccountId: string,
    namedAgentId?: string,
  ): Promise<Agent | undefined> {
    if (namedAgentId !== undefined && !isUUID(namedAgentId)) return undefined;
    // Only a channel that is live routes: a claim still being provisioned, failed or deleted receives nothing.
    const account = isConnectChannel(channel)
      ? { phoneNumber: businessAccountId }
      : { externalAccountId: businessAccountId };
    const row = await this.channels.live(channel, account, namedAgentId);
    return row ? ((await this.db.getRepository(Agent).findOneBy({ id: row.agentId })) ?? undefined) : undefined;
  }

  /** Records and queues one message; `agent` when the caller routed it already (null: to nobody). */
  async message(
    event: InboundMessageEvent,
    requestId: string,
    replyDeadlineAt?: Date,
    agent?: Agent | null,
  ): Promise<IngestOutcome> {
    const recorded =
      agent === undefined
        ? await routeAndRecord(this.db, event, replyDeadlineAt)
        : agent && (await recordInboundFor(this.db, agent, event, replyDeadlineAt));
    if (!recorded) {
      this.logger.warn(
        { channel: event.channel, businessAccountId: event.businessAccountId, requestId },
        'message for no known agent',
      );
      this.messages.inc({ channel: event.channel, outcome: 'unroutable' });
      return { kind: 'unknown_target' };
    }
    const answering = ANSWERING_AGENT_STATUSES.includes(recorded.agentStatus);
    if (recorded.messageId) {
      await this.enqueue(
        'inbound.message',
        { messageId: recorded.messageId, requestId },
        inboundJobId(recorded.messageId),
      );
      this.messages.inc({ channel: event.channel, outcome: 'accepted' });
      return { kind: 'recorded', messageId: recorded.messageId, agentId: recorded.agentId, answering };
    }
    const existing = await this.db
      .getRepository(ConversationMessage)
      .findOneByOrFail({ channel: event.channel, platformMessageId: event.platformMessageId, direction: 'inbound' });
    // Recorded earlier but perhaps never queued (Redis refused): the redelivery queues it; a queued one is a no-op.
    if (existing.status === 'received')
      await this.enqueue('inbound.message', { messageId: existing.id, requestId }, inboundJobId(existing.id));
    this.logger.log({ channel: event.channel, messageId: existing.id, requestId }, 'duplicate delivery acknowledged');
    this.messages.inc({ channel: event.channel, outcome: 'duplicate' });
    return { kind: 'duplicate', messageId: existing.id, agentId: existing.agentId, answering };
  }

  private async status(event: DeliveryStatusEvent): Promise<IngestOutcome> {
    await this.enqueue('inbound.status', event, `status.${event.channel}.${event.platformMessageId}.${event.status}`);
    return { kind: 'status' };
  }

  private async enqueue<N extends InboundJob['name']>(
    name: N,
    data: Extract<InboundJob, { name: N }>['data'],
    jobId: string,
  ): Promise<void> {
    try {
      // BullMQ job ids must not contain ':' and platform ids may.
      await this.inbound.add(name, data, { ...JOB_PRESETS.inbound, jobId: jobId.replaceAll(':', '_') });
    } catch (error) {
      this.logger.error({ err: error, jobId }, 'inbound queue unavailable');
      throw new ServiceUnavailableException('the engine cannot take messages right now; deliver again later');
    }
  }
}
