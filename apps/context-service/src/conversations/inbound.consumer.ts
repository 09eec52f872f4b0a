import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CHANNEL_ADAPTERS } from '@voca/channels';
import {
  ANSWERING_AGENT_STATUSES,
  isSocialChannel,
  QueueName,
  type AgentStatus,
  type DeliveryStatusEvent,
  type JobOf,
} from '@voca/contracts';
import { InjectMetric } from '@voca/observability';
import { ConversationMessage } from '@voca/persistence';
import { QueueConsumer, type JobHandlers } from '@voca/queue';
import type { Job } from 'bullmq';
import type { Counter } from 'prom-client';
import { DataSource, In } from 'typeorm';
import { INBOUND_MESSAGES } from './conversation-metrics.js';
import { resolveCustomer } from './customer-resolver.js';
import { handToPerson } from './hand-to-person.js';
import { TurnScheduler } from './turn-scheduler.js';
import { TurnSettlement } from './turn-settlement.js';

/** Later states of a sent reply; a status never goes back (Meta's receipts may arrive out of order). */
const DELIVERY_RANK: Record<string, number> = { pending: 0, sending: 1, unknown: 1, sent: 2, delivered: 3, read: 4 };

/** Attempts (1, 2, 4, 8, 16 s apart: about half a minute) a delivery status waits for its send to be recorded. */
const STATUS_WAITS_FOR_SEND = 5;

/**
 * Records what the webhooks brought (queue `inbound`): ties each customer message to its customer and queues it
 * for an answer (or holds it when the agent is paused or stopped), and applies delivery receipts to sent replies.
 */

@Injectable()
export class InboundConsumer extends QueueConsumer<typeof QueueName.Inbound> {
  protected readonly queue = QueueName.Inbound;
  protected readonly handlers: JobHandlers<typeof QueueName.Inbound> = {
    'inbound.message': (job) => this.message(job),
    'inbound.status': (job) => this.status(job),
    'inbound.resume': (job) => this.resume(job),
  };
  protected readonly defaultConcurrency = 20;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly turns: TurnScheduler,
    private readonly settlement: TurnSettlement,
    @InjectMetric(INBOUND_MESSAGES) private readonly inboundMessages: Counter<'channel' | 'outcome'>,
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

  private async message(job: Job<JobOf<'inbound.message'>>) {
    const { messageId, requestId } = job.data;
    let taken: { channel: string; outcome: string } | undefined;
    const customerId = await this.db.transaction(async (tx) => {
      const message = await tx.findOne(ConversationMessage, {
        where: { id: messageId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!message) return undefined;
      if (message.status !== 'received') return message.customerId;
      const identity = await resolveCustomer(tx, message);
      const [{ status: agentStatus, with_person: handedOff }] = (await tx.query(
        `SELECT a.status, EXISTS (SELECT 1 FROM handoffs h WHERE h.customer_id = $2 AND h.state = 'open' AND h.kind = 'handoff') AS with_person
           FROM agents a WHERE a.id = $1`,
        [message.agentId, identity.customerId],
      )) as { status: AgentStatus; with_person: boolean }[];
      // A customer handed to a person is answered by that person (a caller still hears the agent: a call cannot wait).
      const withPerson = handedOff && message.channel !== 'voice';
      const answering = ANSWERING_AGENT_STATUSES.includes(agentStatus);
      const status = withPerson ? 'follow_up' : answering ? 'queued' : 'held';
      await tx.update(
        ConversationMessage,
        { id: message.id },
        { customerId: identity.customerId, identityId: identity.id, status },
      );
      if (withPerson) {
        const reason = 'the conversation is with a person';
        await handToPerson(
          tx,
          'message.follow_up',
          { ...message, customerId: identity.customerId },
          { reason, status },
        );
      }
      this.logger.log(
        { agentId: message.agentId, messageId, channel: message.channel, requestId, status },
        `message ${status}`,
      );
      taken = { channel: message.channel, outcome: withPerson ? 'with_person' : status };
      return withPerson ? undefined : identity.customerId;
    });
    // Counted once committed: a transaction rolled back and retried would count the message twice.
    if (taken) this.inboundMessages.inc(taken);
    if (customerId) await this.turns.startNext(customerId, requestId);
    return { customerId };
  }

  /**
   * After a pause: messages that came in are answered, in order, if their platform still lets the agent reply
   * (within the 24-hour window on Meta's channels); others (calls long over, expired windows) are marked for a
   * person to follow up.
   */
  private async resume(job: Job<JobOf<'inbound.resume'>>) {
    const held = await this.db.getRepository(ConversationMessage).find({
      where: { agentId: job.data.agentId, direction: 'inbound', status: 'held' },
      order: { arrival: 'ASC' },
    });
    const customers = new Set<string>();
    let followUp = 0;
    for (const message of held) {
      const window = isSocialChannel(message.channel) ? CHANNEL_ADAPTERS[message.channel].replyWindowMs : 0;
      const answerable =
        window === undefined || (window > 0 && message.sentAt && Date.now() - message.sentAt.getTime() < window);
      await this.db.transaction(async (tx) => {
        const changed = await tx.update(
          ConversationMessage,
          { id: message.id, status: 'held' },
          { status: answerable ? 'queued' : 'follow_up', replyDeadlineAt: null },
        );
        if (!answerable && changed.affected) {
          const reason = 'the agent was not answering, and the platform no longer lets it reply';
          await handToPerson(tx, 'message.follow_up', message, { reason, status: 'follow_up' });
        }
      });
      if (answerable && message.customerId) customers.add(message.customerId);
      else followUp += 1;
    }
    for (const customerId of customers) await this.turns.startNext(customerId, job.data.requestId);
    this.logger.log({ agentId: job.data.agentId, answered: held.length - followUp, followUp }, 'agent resumed');
    return { queued: held.length - followUp, followUp };
  }

  private async status(job: Job<DeliveryStatusEvent>) {
    const event = job.data;
    const reply = await this.db.getRepository(ConversationMessage).findOneBy({
      channel: event.channel,
      platformMessageId: event.platformMessageId,
      direction: 'outbound',
    });
    if (!reply) {
      // A status can overtake the record of its own send (the platform answers the send, then reports delivery,
      // before the send is recorded): wait for it a few times; a status of a message the engine never sent is dropped.
      if (job.attemptsMade < STATUS_WAITS_FOR_SEND) throw new Error(`no reply ${event.platformMessageId} recorded yet`);
      return { applied: false };
    }
    // One conditional update: two receipts of one reply handled at once must not both read the old state and let
    // the later write win (a 'delivered' landing after 'read').
    const result = await this.db
      .getRepository(ConversationMessage)
      .update(
        { id: reply.id, status: In(statesBefore(event.status)) },
        { status: event.status, error: event.error ?? null },
      );
    return { applied: (result.affected ?? 0) > 0 };
  }
}

/**
 * The states a reply can move to `status` from: every earlier one. 'failed' overrides anything but 'read'; a later
 * receipt of the reply arriving after all overrides 'failed'.
 */
function statesBefore(status: DeliveryStatusEvent['status']): string[] {
  const states = Object.keys(DELIVERY_RANK);
  if (status === 'failed') return states.filter((state) => state !== 'read');
  const rank = DELIVERY_RANK[status] ?? 0;
  return [...states.filter((state) => DELIVERY_RANK[state]! < rank), ...(rank > 0 ? ['failed'] : [])];
}
