import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { isThrottleError, type ConnectChannel } from '@voca/aws-connect';
import type { AwsConnectWorkerEnv } from '@voca/config';
import { QueueName, type JobOf } from '@voca/contracts';
import { StepTracker } from '@voca/provisioning';
import { QueueConsumer, type JobHandlers } from '@voca/queue';
import { Worker, type Job } from 'bullmq';
import { AgentConnectChannels } from './channels/agent-connect-channels.js';
import { ConnectDriftAudit } from './drift/connect-drift-audit.js';

/**
 * Provisions and tears down voice and SMS channels on Amazon Connect (queue `aws-connect`), and audits what the
 * engine recorded there against AWS when the reconciler asks.
 */
@Injectable()
export class AwsConnectConsumer extends QueueConsumer<typeof QueueName.AwsConnect> {
  protected readonly queue = QueueName.AwsConnect;
  protected readonly handlers: JobHandlers<typeof QueueName.AwsConnect> = {
    'connect.provision': (job) => this.provision(job),
    'connect.deprovision': (job) => this.deprovision(job),
    'connect.audit': (job) => this.audit(job),
  };
  protected readonly defaultConcurrency = 2;

  constructor(
    private readonly tracker: StepTracker,
    private readonly channels: AgentConnectChannels,
    private readonly drift: ConnectDriftAudit,
    private readonly config: ConfigService<AwsConnectWorkerEnv, true>,
  ) {
    super();
  }

  private provision(job: Job<JobOf<'connect.provision'>>) {
    const { agentId, operationId } = job.data;
    const report = (detail: string) => this.tracker.detail(operationId, 'aws_connect', detail);
    return this.tracker.run(job, 'aws_connect', () =>
      this.slowingDownOnThrottle(async () => {
        const results = await this.channels.provision(agentId, job.data.channels as ConnectChannel[], report);
        return { mode: this.channels.mode, channels: results.map(({ channel, status }) => ({ channel, status })) };
      }),
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
    const compensation = job.data.reason === 'compensation';
    return this.slowingDownOnThrottle(async () => {
      const removed = await this.channels.teardown(
        agentId,
        vendorId,
        async (detail) => this.logger.log({ agentId, jobId: job.id, detail }, 'deprovisioning'),
        compensation,
      );
      const outcome = removed
        ? 'connect resources removed'
        : 'compensation skipped: a later operation took the channels over';
      this.logger.log({ agentId, reason: job.data.reason, requestId: job.data.requestId }, outcome);
      return { removed };
    });
  }

  private audit(job: Job<JobOf<'connect.audit'>>) {
    return this.slowingDownOnThrottle(() => this.drift.run(job.data.requestId));
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
}
