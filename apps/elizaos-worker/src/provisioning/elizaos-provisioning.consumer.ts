import { Injectable } from '@nestjs/common';
import { QueueName, type JobOf, type SocialChannel } from '@voca/contracts';
import { StepTracker } from '@voca/provisioning';
import { QueueConsumer, type JobHandlers } from '@voca/queue';
import type { Job } from 'bullmq';
import { AgentRuntimeProvisioning } from './agent-runtime-provisioning.js';

/** The ElizaOS step of provisioning (queue `elizaos`): each job run as the step, by AgentRuntimeProvisioning. */
@Injectable()
export class ElizaosProvisioningConsumer extends QueueConsumer<typeof QueueName.ElizaOS> {
  protected readonly queue = QueueName.ElizaOS;
  protected readonly handlers: JobHandlers<typeof QueueName.ElizaOS> = {
    'elizaos.provision': (job) => this.provision(job),
    'elizaos.deprovision': (job) => this.deprovision(job),
  };
  protected readonly defaultConcurrency = 5;

  constructor(
    private readonly tracker: StepTracker,
    private readonly runtimes: AgentRuntimeProvisioning,
  ) {
    super();
  }

  private provision(job: Job<JobOf<'elizaos.provision'>>) {
    const { agentId, operationId, channels } = job.data;
    const report = (detail: string) => this.tracker.detail(operationId, 'elizaos', detail);
    return this.tracker.run(job, 'elizaos', () =>
      this.runtimes.provision(agentId, channels as SocialChannel[], report),
    );
  }

  private deprovision(job: Job<JobOf<'elizaos.deprovision'>>) {
    const { agentId, operationId } = job.data;
    return this.tracker.run(job, 'elizaos', async () => {
      const { detail, result } = await this.runtimes.deprovision(agentId);
      await this.tracker.detail(operationId, 'elizaos', detail);
      return result;
    });
  }
}
