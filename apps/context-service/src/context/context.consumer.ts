import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { ContextServiceEnv } from '@voca/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { QueueName, type JobOf } from '@voca/contracts';
import { businessProfileOf } from '@voca/persistence';
import { requireAgent, StepTracker } from '@voca/provisioning';
import { QueueConsumer, type JobHandlers } from '@voca/queue';
import type { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { businessFacts } from '@voca/business';

/** Creates the agent's shared context from its business profile, and retires it on deletion (queue `context`). */
@Injectable()
export class ContextConsumer extends QueueConsumer<typeof QueueName.Context> {
  protected readonly queue = QueueName.Context;
  protected readonly handlers: JobHandlers<typeof QueueName.Context> = {
    'context.initialise': (job) => this.initialise(job),
    'context.retire': (job) => this.retire(job),
  };
  protected readonly defaultConcurrency = 10;

  constructor(
    private readonly tracker: StepTracker,
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: ConfigService<ContextServiceEnv, true>,
  ) {
    super();
  }

  /** The deletion step: applies AGENT_RETENTION to what the agent's customers said and what it knew. */
  private retire(job: Job<JobOf<'context.retire'>>) {
    return this.tracker.run(job, 'context', async () => {
      const retention = this.config.get('AGENT_RETENTION', { infer: true });
      if (retention === 'keep') return { retention };
      const { agentId } = job.data;
      await this.db.transaction(async (tx) => {
        await tx.query(`DELETE FROM conversation_messages WHERE agent_id = $1`, [agentId]);
        await tx.query(`DELETE FROM customers WHERE agent_id = $1`, [agentId]);
        await tx.query(`DELETE FROM agent_contexts WHERE agent_id = $1`, [agentId]);
        await tx.query(`DELETE FROM agent_characters WHERE agent_id = $1`, [agentId]);
      });
      return { retention };
    });
  }

  private initialise(job: Job<JobOf<'context.initialise'>>) {
    return this.tracker.run(job, 'context', async () => {
      const { agentId } = job.data;
      const agent = await requireAgent(this.db.manager, agentId);
      const profile = businessProfileOf(agent);
      const facts = businessFacts(profile);
      // A retry of the same profile changes nothing; a new profile bumps the version.
      await this.db.query(
        `INSERT INTO agent_contexts (agent_id, business_profile, facts) VALUES ($1, $2, $3)
         ON CONFLICT (agent_id) DO UPDATE
           SET business_profile = EXCLUDED.business_profile, facts = EXCLUDED.facts,
               profile_version = agent_contexts.profile_version + 1, updated_at = now()
         WHERE agent_contexts.business_profile IS DISTINCT FROM EXCLUDED.business_profile`,
        [agentId, JSON.stringify(profile), JSON.stringify(facts)],
      );
      return { facts: facts.length };
    });
  }
}
