import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  CONNECT_PROVISIONER,
  isThrottleError,
  type ConnectChannel,
  type ConnectProvisioner,
  type ConnectRefs,
} from '@voca/aws-connect';
import type { AwsConnectWorkerEnv } from '@voca/config';
import { CONNECT_CHANNELS, QueueName, type JobOf } from '@voca/contracts';
import { AgentChannel, businessProfileOf } from '@voca/persistence';
import { requireAgent, StepTracker, whileHoldingLock } from '@voca/provisioning';
import { QueueConsumer, type JobHandlers } from '@voca/queue';
import { Worker, type Job } from 'bullmq';
import { DataSource, In } from 'typeorm';

/** Provisions and tears down voice and SMS channels on Amazon Connect (queue `aws-connect`). */
@Injectable()
export class AwsConnectConsumer extends QueueConsumer<typeof QueueName.AwsConnect> {
  protected readonly queue = QueueName.AwsConnect;
  protected readonly handlers: JobHandlers<typeof QueueName.AwsConnect> = {
    'connect.provision': (job) => this.provision(job),
    'connect.deprovision': (job) => this.deprovision(job),
  };
  protected readonly defaultConcurrency = 2;

  constructor(
    private readonly tracker: StepTracker,
    @Inject(CONNECT_PROVISIONER) private readonly provisioner: ConnectProvisioner,
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: ConfigService<AwsConnectWorkerEnv, true>,
  ) {
    super();
  }

  private provision(job: Job<JobOf<'connect.provision'>>) {
    const { agentId, operationId } = job.data;
    return this.tracker.run(job, 'aws_connect', () =>
      this.slowingDownOnThrottle(() => this.exclusively(agentId, async () => {
        const agent = await requireAgent(this.db.manager, agentId);
        const channels = job.data.channels as ConnectChannel[];
        const rows = await this.connectChannelsOf(agentId);
        if (channels.length === 0) {
          // An update dropped every Connect channel: tear down what the agent had there.
          await this.provisioner.deprovision({
            agentId,
            vendorId: agent.vendorId,
            known: this.knownRefs(rows),
            report: (detail) => this.tracker.detail(operationId, 'aws_connect', detail),
          });
          return { mode: this.provisioner.mode, channels: [] };
        }
        const results = await this.provisioner.provision({
          agentId,
          vendorId: agent.vendorId,
          channels,
          profile: businessProfileOf(agent),
          smsSourcePhoneNumberArn: rows.find((row) => row.channel === 'sms')?.externalAccountId ?? undefined,
          known: this.knownRefs(rows),
          record: (refs) => this.record(agentId, refs),
          report: (detail) => this.tracker.detail(operationId, 'aws_connect', detail),
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
                error: result.reason ?? null,
              },
            );
          }
        });
        return { mode: this.provisioner.mode, channels: results.map(({ channel, status }) => ({ channel, status })) };
      })),
    );
  }

  /** As a deletion's step it is tracked like any step; as compensation it runs on its own. */
  private deprovision(job: Job<JobOf<'connect.deprovision'>>) {
    const { operationId } = job.data;
    if (operationId && job.data.reason === 'deletion') {
      return this.tracker.run(job as Job<JobOf<'connect.deprovision'> & { operationId: string }>, 'aws_connect', () =>
        this.teardown(job),
      );
    }
    return this.teardown(job);
  }

  private teardown(job: Job<JobOf<'connect.deprovision'>>) {
    const { agentId, vendorId } = job.data;
    return this.slowingDownOnThrottle(() => this.exclusively(agentId, async () => {
      const rows = await this.connectChannelsOf(agentId);
      await this.provisioner.deprovision({
        agentId,
        vendorId,
        known: this.knownRefs(rows),
        report: async (detail) => this.logger.log({ agentId, jobId: job.id, detail }, 'deprovisioning'),
      });
      await this.db
        .getRepository(AgentChannel)
        .update({ agentId, channel: In([...CONNECT_CHANNELS]) }, { providerRefs: {}, phoneNumber: null });
      this.logger.log({ agentId, reason: job.data.reason, requestId: job.data.requestId }, 'connect resources removed');
      return { removed: true };
    }));
  }

  /** One run at a time per agent, whichever job and worker it is (see whileHoldingLock). */
  private exclusively<T>(agentId: string, work: () => Promise<T>): Promise<T> {
    return whileHoldingLock(this.db, `aws-connect:${agentId}`, work);
  }

  /**
   * AWS throttles per account. Once the SDK's own adaptive retries are spent, the whole queue pauses (every worker,
   * not just this call) and the job goes back to waiting without using an attempt.
   */
  private async slowingDownOnThrottle<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (!isThrottleError(error)) throw error;
      const pause = this.config.get('AWS_CONNECT_THROTTLE_PAUSE_MS', { infer: true });
      this.logger.warn({ pauseMs: pause, error: (error as Error).name }, 'AWS keeps throttling; pausing the queue');
      await this.worker.rateLimit(pause);
      throw Worker.RateLimitError();
    }
  }

  private connectChannelsOf(agentId: string): Promise<AgentChannel[]> {
    return this.db.getRepository(AgentChannel).findBy({ agentId, channel: In([...CONNECT_CHANNELS]) });
  }

  private knownRefs(rows: AgentChannel[]): ConnectRefs {
    return Object.assign({}, ...rows.map((row) => row.providerRefs));
  }

  /** Adds created resources to the refs of the agent's Connect channels, in one statement. */
  private async record(agentId: string, refs: ConnectRefs): Promise<void> {
    await this.db.query(
      `UPDATE agent_channels SET provider_refs = provider_refs || $2::jsonb, updated_at = now()
        WHERE agent_id = $1 AND channel = ANY($3)`,
      [agentId, JSON.stringify(refs), [...CONNECT_CHANNELS]],
    );
  }
}
