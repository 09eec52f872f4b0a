import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ANSWERING_AGENT_STATUSES, type AgentStatus } from '@voca/contracts';
import { InjectMetric } from '@voca/observability';
import { ConversationMessages, CustomerIdentities } from '@voca/persistence';
import type { Counter } from 'prom-client';
import { DataSource } from 'typeorm';
import { INBOUND_MESSAGES } from './conversation-metrics.js';
import { resolveCustomer } from './customer-resolver.js';
import { handToPerson } from './hand-to-person.js';
import { TurnScheduler } from './turn-scheduler.js';

/**
 * A customer's message the gateway recorded, tied to its customer: queued for an answer, held while the agent is
 * paused or stopped, or left to the person the conversation is with; then the customer's next turn is started.
 */
@Injectable()
export class InboundRecording {
  private readonly logger = new Logger(InboundRecording.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly turns: TurnScheduler,
    @InjectMetric(INBOUND_MESSAGES) private readonly inboundMessages: Counter<'channel' | 'outcome'>,
  ) {}

  async take(messageId: string, requestId?: string): Promise<{ customerId: string | undefined }> {
    let taken: { channel: string; outcome: string } | undefined;
    const customerId = await this.db.transaction(async (tx) => {
      const messages = new ConversationMessages(tx);
      const message = await messages.lockedById(messageId);
      if (!message) return undefined;
      if (message.status !== 'received') return message.customerId ?? undefined;
      const identity = await resolveCustomer(new CustomerIdentities(tx), message);
      const [{ status: agentStatus, with_person: handedOff }] = (await tx.query(
        `SELECT a.status, EXISTS (SELECT 1 FROM handoffs h WHERE h.customer_id = $2 AND h.state = 'open' AND h.kind = 'handoff') AS with_person
           FROM agents a WHERE a.id = $1`,
        [message.agentId, identity.customerId],
      )) as { status: AgentStatus; with_person: boolean }[];
      // A customer handed to a person is answered by that person (a caller still hears the agent: a call cannot wait).
      const withPerson = handedOff && message.channel !== 'voice';
      const answering = ANSWERING_AGENT_STATUSES.includes(agentStatus);
      const status = withPerson ? 'follow_up' : answering ? 'queued' : 'held';
      await messages.resolve(message.id, { customerId: identity.customerId, identityId: identity.id, status });
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
}
