import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { ContextServiceEnv } from '@voca/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { plural, QueueName, type JobOf } from '@voca/contracts';
import { businessProfileOf, ConversationMessage, Customer, KnowledgeVersions } from '@voca/persistence';
import { requireAgent, StepTracker } from '@voca/provisioning';
import { QueueConsumer, type JobHandlers } from '@voca/queue';
import type { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { businessFacts } from '@voca/business';
import { CustomerForgetter } from '../customers/customer-forgetter.js';

/**
 * The agent's shared context (queue `context`): its customers, their identities on every channel and what they said,
 * all owned by context-service. Provisioning checks the business profile yields the facts the agent will speak from
 * and reports how much history each turn will see; deletion applies AGENT_RETENTION to the customers' data; an erased
 * customer is forgotten outside the record too (`customer.forget`).
 */
@Injectable()
export class ContextConsumer extends QueueConsumer<typeof QueueName.Context> {
  protected readonly queue = QueueName.Context;
  protected readonly handlers: JobHandlers<typeof QueueName.Context> = {
    'context.initialise': (job) => this.initialise(job),
    'context.retire': (job) => this.retire(job),
    'customer.forget': (job) => this.forgetter.forget(job.data.erasureId),
  };
  protected readonly defaultConcurrency = 10;

  constructor(
    private readonly tracker: StepTracker,
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: ConfigService<ContextServiceEnv, true>,
    private readonly forgetter: CustomerForgetter,
  ) {
    super();
  }

  /** The deletion step: applies AGENT_RETENTION to the agent's customers, what they said and the agent's documents
   * (its characters are the elizaos-worker's to purge). */
  private retire(job: Job<JobOf<'context.retire'>>) {
    const { agentId, operationId } = job.data;
    return this.tracker.run(job, 'context', async () => {
      if (this.config.get('AGENT_RETENTION', { infer: true }) === 'keep') {
        await this.tracker.detail(operationId, 'context', 'conversations kept (AGENT_RETENTION=keep)');
        return { customersPurged: 0, messagesPurged: 0 };
      }
      const purged = await this.db.transaction(async (tx) => {
        const messages = await tx.delete(ConversationMessage, { agentId });
        const customers = await tx.delete(Customer, { agentId });
        const documents = await new KnowledgeVersions(this.db).purgeAgent(tx, agentId);
        return {
          customersPurged: customers.affected ?? 0,
          messagesPurged: messages.affected ?? 0,
          documentsPurged: documents,
        };
      });
      await this.tracker.detail(
        operationId,
        'context',
        `${plural(purged.customersPurged, 'customer')}, ${plural(purged.messagesPurged, 'message')} and ` +
          `${plural(purged.documentsPurged, 'document')} purged`,
      );
      return purged;
    });
  }

  private initialise(job: Job<JobOf<'context.initialise'>>) {
    const { agentId, operationId } = job.data;
    return this.tracker.run(job, 'context', async () => {
      const agent = await requireAgent(this.db.manager, agentId);
      const facts = businessFacts(businessProfileOf(agent)).length;
      const historyTurns = this.config.get('HISTORY_TURNS', { infer: true });
      await this.tracker.detail(
        operationId,
        'context',
        `${facts} facts from the business profile; each turn sees up to ${historyTurns} earlier turns`,
      );
      return { facts, historyTurns };
    });
  }
}
