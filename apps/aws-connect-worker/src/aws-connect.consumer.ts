import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  CONNECT_PROVISIONER,
  type ConnectChannel,
  type ConnectChannelResult,
  type ConnectProvisioner,
} from '@voca/aws-connect';
import { QueueName, type JobOf } from '@voca/contracts';
import { AgentChannel, businessProfileOf } from '@voca/persistence';
import { requireAgent, StepTracker } from '@voca/provisioning';
import { QueueConsumer, type JobHandlers } from '@voca/queue';
import type { Job } from 'bullmq';
import { DataSource, In } from 'typeorm';

/** Provisions voice and SMS channels on Amazon Connect (queue `aws-connect`). */
@Injectable()
export class AwsConnectConsumer extends QueueConsumer<typeof QueueName.AwsConnect> {
  protected readonly queue = QueueName.AwsConnect;
  protected readonly handlers: JobHandlers<typeof QueueName.AwsConnect> = {
    'connect.provision': (job) => this.provision(job),
  };
  protected readonly defaultConcurrency = 2;

  constructor(
    private readonly tracker: StepTracker,
    @Inject(CONNECT_PROVISIONER) private readonly provisioner: ConnectProvisioner,
    @InjectDataSource() private readonly db: DataSource,
  ) {
    super();
  }

  private provision(job: Job<JobOf<'connect.provision'>>) {
    return this.tracker.run(job, 'aws_connect', async () => {
      const { agentId } = job.data;
      const agent = await requireAgent(this.db.manager, agentId);
      const channels = job.data.channels as ConnectChannel[];
      const rows = await this.db.getRepository(AgentChannel).findBy({ agentId, channel: In(channels) });
      const results = await this.provisioner.provision({
        agentId,
        channels,
        profile: businessProfileOf(agent),
        existing: Object.fromEntries(rows.filter((row) => row.phoneNumber).map((row) => [row.channel, resultOf(row)])),
      });
      await this.db.transaction(async (tx) => {
        for (const result of results) {
          await tx.update(
            AgentChannel,
            { agentId, channel: result.channel },
            {
              status: result.status,
              phoneNumber: result.phoneNumber ?? null,
              awsConnectInstanceId: result.instanceArn ?? null,
              providerRefs: result.refs,
              error: result.reason ?? null,
            },
          );
        }
      });
      return { mode: this.provisioner.mode, channels: results.map(({ channel, status }) => ({ channel, status })) };
    });
  }
}

function resultOf(row: AgentChannel): ConnectChannelResult {
  return {
    channel: row.channel as ConnectChannel,
    status: 'active',
    phoneNumber: row.phoneNumber ?? undefined,
    instanceArn: row.awsConnectInstanceId ?? undefined,
    refs: row.providerRefs,
  };
}
