import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ConfigService } from '@nestjs/config';
import type { ElizaosWorkerEnv } from '@voca/config';
import { QueueName, WEBHOOK_PATH_BY_CHANNEL, type JobOf, type SocialChannel } from '@voca/contracts';
import { ELIZAOS_PROVISIONER, type ElizaosProvisioner } from '@voca/elizaos';
import { AgentChannel, businessProfileOf } from '@voca/persistence';
import { requireAgent, StepTracker } from '@voca/provisioning';
import { QueueConsumer, type JobHandlers } from '@voca/queue';
import type { Job } from 'bullmq';
import { DataSource } from 'typeorm';

/** Brings up the ElizaOS agent for an agent's social channels (queue `elizaos`). */
@Injectable()
export class ElizaosConsumer extends QueueConsumer<typeof QueueName.ElizaOS> {
  protected readonly queue = QueueName.ElizaOS;
  protected readonly handlers: JobHandlers<typeof QueueName.ElizaOS> = {
    'elizaos.provision': (job) => this.provision(job),
  };
  protected readonly defaultConcurrency = 5;

  constructor(
    private readonly tracker: StepTracker,
    @Inject(ELIZAOS_PROVISIONER) private readonly provisioner: ElizaosProvisioner,
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: ConfigService<ElizaosWorkerEnv, true>,
  ) {
    super();
  }

  private provision(job: Job<JobOf<'elizaos.provision'>>) {
    return this.tracker.run(job, 'elizaos', async () => {
      const { agentId } = job.data;
      const agent = await requireAgent(this.db.manager, agentId);
      const channels = job.data.channels as SocialChannel[];
      const { elizaosAgentId } = await this.provisioner.provision({
        agentId,
        channels,
        profile: businessProfileOf(agent),
      });
      const baseUrl = this.config.get('PUBLIC_BASE_URL', { infer: true }).replace(/\/$/, '');
      await this.db.transaction(async (tx) => {
        for (const channel of channels) {
          await tx.update(
            AgentChannel,
            { agentId, channel },
            { status: 'active', elizaosAgentId, webhookUrl: `${baseUrl}${WEBHOOK_PATH_BY_CHANNEL[channel]}`, error: null },
          );
        }
      });
      return { mode: this.provisioner.mode, elizaosAgentId };
    });
  }
}
