import { Processor } from '@nestjs/bullmq';
import { InjectDataSource } from '@nestjs/typeorm';
import { ConfigService } from '@nestjs/config';
import type { ContextServiceEnv } from '@voca/config';
import { QueueName, type JobOf } from '@voca/contracts';
import { Agent, businessProfileOf } from '@voca/persistence';
import { StepTracker } from '@voca/provisioning';
import { QueueConsumer, type JobHandlers } from '@voca/queue';
import { UnrecoverableError, type Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { businessFacts } from './business-facts.js';

const DEFAULT_CONCURRENCY = 10;

/** Creates the agent's shared context from its business profile (queue `context`). */
@Processor(QueueName.Context)
export class ContextConsumer extends QueueConsumer<typeof QueueName.Context> {
  protected readonly queue = QueueName.Context;
  protected readonly handlers: JobHandlers<typeof QueueName.Context> = {
    'context.initialise': (job) => this.initialise(job),
  };

  constructor(
    private readonly tracker: StepTracker,
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: ConfigService<ContextServiceEnv, true>,
  ) {
    super();
  }

  protected override concurrency(): number {
    return this.config.get('WORKER_CONCURRENCY', { infer: true }) ?? DEFAULT_CONCURRENCY;
  }

  protected shutdownGraceMs(): number {
    return this.config.get('SHUTDOWN_GRACE_MS', { infer: true });
  }

  private initialise(job: Job<JobOf<'context.initialise'>>) {
    return this.tracker.run(job, 'context', async () => {
      const { agentId } = job.data;
      const agent = await this.db.getRepository(Agent).findOneBy({ id: agentId });
      if (!agent) throw new UnrecoverableError(`agent ${agentId} no longer exists`);
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
