import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { QueueName, type JobOf } from '@voca/contracts';
import { businessProfileOf } from '@voca/persistence';
import { requireAgent, StepTracker } from '@voca/provisioning';
import { QueueConsumer, type JobHandlers } from '@voca/queue';
import type { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { businessFacts } from '@voca/business';

/** Creates the agent's shared context from its business profile (queue `context`). */
@Injectable()
export class ContextConsumer extends QueueConsumer<typeof QueueName.Context> {
  protected readonly queue = QueueName.Context;
  protected readonly handlers: JobHandlers<typeof QueueName.Context> = {
    'context.initialise': (job) => this.initialise(job),
  };
  protected readonly defaultConcurrency = 10;

  constructor(
    private readonly tracker: StepTracker,
    @InjectDataSource() private readonly db: DataSource,
  ) {
    super();
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
