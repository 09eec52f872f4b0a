import { Injectable } from '@nestjs/common';
import { QueueName, type DeliveryStatusEvent, type JobOf } from '@voca/contracts';
import { QueueConsumer, type JobHandlers } from '@voca/queue';
import type { Job } from 'bullmq';
import { AgentResumption } from './agent-resumption.js';
import { DeliveryReceipts } from './delivery-receipts.js';
import { InboundRecording } from './inbound-recording.js';
import { TurnSettlement } from './turn-settlement.js';

/**
 * What the webhooks brought (queue `inbound`): each job handed to its service. A customer's message is tied to its
 * customer and queued for an answer (InboundRecording), a resumed agent's held messages are let go
 * (AgentResumption), and delivery receipts move sent replies forward (DeliveryReceipts).
 */
@Injectable()
export class InboundConsumer extends QueueConsumer<typeof QueueName.Inbound> {
  protected readonly queue = QueueName.Inbound;
  protected readonly handlers: JobHandlers<typeof QueueName.Inbound> = {
    'inbound.message': (job) => this.recording.take(job.data.messageId, job.data.requestId),
    'inbound.status': (job) => this.receipts.apply(job.data as DeliveryStatusEvent, job.attemptsMade),
    'inbound.resume': (job) => this.resumption.resume(job.data.agentId, job.data.requestId),
  };
  protected readonly defaultConcurrency = 20;

  constructor(
    private readonly recording: InboundRecording,
    private readonly receipts: DeliveryReceipts,
    private readonly resumption: AgentResumption,
    private readonly settlement: TurnSettlement,
  ) {
    super();
  }

  /**
   * A message that could not be tied to its customer is left for a person; a failed resume is redone by the reconciler.
   */
  protected override settleFailedForGood(job: Job, error: Error) {
    if (job.name !== 'inbound.message') return;
    return this.settlement.settle(
      (job.data as JobOf<'inbound.message'>).messageId,
      `the message could not be processed: ${error.message}`,
    );
  }
}
