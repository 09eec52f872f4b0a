import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ProvisioningJobData, StepName } from '@voca/contracts';
import { InjectMetric } from '@voca/observability';
import { ProvisioningOperation, ProvisioningStep } from '@voca/persistence';
import { RateLimitError, UnrecoverableError, type Job } from 'bullmq';
import type { Histogram } from 'prom-client';
import { DataSource, type EntityManager } from 'typeorm';
import { ProgressPublisher } from './progress-publisher.js';
import { readableError } from './readable-error.js';

export const STEP_DURATION_METRIC = 'voca_provisioning_step_duration_seconds';
const DEFAULT_STEP_TIMEOUT_MS = 600_000;

/**
 * The work's result, or an error once `ms` have passed. The work itself cannot be stopped: it goes on unwatched
 * (its late failure is swallowed), which every step tolerates since each is idempotent and retried anyway.
 */
/** The error of a step skipped because its operation was cancelled before the step started. */
export const CANCELLED_STEP_ERROR = 'cancelled before it started';

async function withinTime<T>(work: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  work.catch(() => undefined);
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Records a provisioning step's life in Postgres (running, retrying, completed, failed, with attempts and timings),
 * announces each change on Redis and logs it with the operation and request ids. Workers wrap a step in `run`.
 */
@Injectable()
export class StepTracker {
  private readonly logger = new Logger(StepTracker.name);

  private readonly timeoutMs: number;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly progress: ProgressPublisher,
    @InjectMetric(STEP_DURATION_METRIC) private readonly duration: Histogram<'step' | 'outcome'>,
    config: ConfigService<{ STEP_TIMEOUT_MS?: number }, true>,
  ) {
    this.timeoutMs = config.get('STEP_TIMEOUT_MS', { infer: true }) ?? DEFAULT_STEP_TIMEOUT_MS;
  }

  async run<T>(job: Job<ProvisioningJobData>, step: StepName, work: () => Promise<T>): Promise<T> {
    const stopTimer = this.duration.startTimer({ step });
    await this.begin(job, step);
    try {
      // A step of an operation asked to stop does nothing; one already running finishes, and the finalizer removes it.
      if (await this.cancelRequested(job.data.operationId)) throw new UnrecoverableError(CANCELLED_STEP_ERROR);
      const result = await withinTime(
        work(),
        this.timeoutMs,
        `the ${step} step did not finish within ${this.timeoutMs} ms (STEP_TIMEOUT_MS)`,
      );
      await this.db.transaction((tx) => this.markCompleted(tx, job.data.operationId, step));
      await this.progress.publish({ operationId: job.data.operationId, step, stepStatus: 'completed' });
      stopTimer({ outcome: 'completed' });
      this.logger.log({ ...this.idsOf(job), step }, 'step completed');
      return result;
    } catch (error) {
      const final = this.isFinalAttempt(job, error);
      stopTimer({ outcome: final ? 'failed' : 'retrying' });
      await this.fail(job, step, error, final);
      throw error;
    }
  }

  private async cancelRequested(operationId: string): Promise<boolean> {
    const operation = await this.db
      .getRepository(ProvisioningOperation)
      .findOne({ where: { id: operationId }, select: { id: true, cancelRequestedAt: true } });
    return Boolean(operation?.cancelRequestedAt);
  }

  /** Records what the step is doing now and tells watchers. */
  async detail(operationId: string, step: StepName, detail: string): Promise<void> {
    await this.db
      .createQueryBuilder()
      .update(ProvisioningStep)
      .set({ detail })
      .where('operation_id = :operationId AND name = :step', { operationId, step })
      .execute();
    await this.progress.publish({ operationId, step });
  }

  /** Marks the step running (one more attempt) and its operation in progress. */
  async begin(job: Job<ProvisioningJobData>, step: StepName): Promise<void> {
    const { operationId } = job.data;
    await this.db.transaction(async (tx) => {
      await tx
        .createQueryBuilder()
        .update(ProvisioningOperation)
        .set({ status: 'in_progress', startedAt: () => 'now()' })
        .where('id = :operationId AND status = :queued', { operationId, queued: 'queued' })
        .execute();
      await tx
        .createQueryBuilder()
        .update(ProvisioningStep)
        .set({
          status: 'running',
          attempts: () => 'attempts + 1',
          startedAt: () => 'COALESCE(started_at, now())',
          // A step run again (its job stalled after it completed) is not finished while it runs.
          finishedAt: null,
        })
        .where('operation_id = :operationId AND name = :step', { operationId, step })
        .execute();
    });
    this.logger.log({ ...this.idsOf(job), step, attempt: job.attemptsMade + 1 }, 'step started');
    await this.progress.publish({ operationId, step, stepStatus: 'running', operationStatus: 'in_progress' });
  }

  /** Marks the step completed inside the caller's transaction, so it lands together with the step's own writes. */
  async markCompleted(tx: EntityManager, operationId: string, step: StepName): Promise<void> {
    await tx
      .createQueryBuilder()
      .update(ProvisioningStep)
      .set({ status: 'completed', error: null, finishedAt: () => 'now()' })
      .where('operation_id = :operationId AND name = :step', { operationId, step })
      .execute();
  }

  /** Records a failed attempt: `retrying` while BullMQ will run it again, `failed` once it will not. */
  async fail(job: Job<ProvisioningJobData>, step: StepName, error: unknown, final: boolean): Promise<void> {
    const { operationId } = job.data;
    const status = final ? 'failed' : 'retrying';
    const message =
      error instanceof RateLimitError ? 'throttled by the provider; the queue is paused' : readableError(error);
    await this.db
      .createQueryBuilder()
      .update(ProvisioningStep)
      .set({ status, error: message, finishedAt: final ? () => 'now()' : null })
      .where('operation_id = :operationId AND name = :step', { operationId, step })
      .execute();
    this.logger.warn({ ...this.idsOf(job), step, attempt: job.attemptsMade + 1, final, error: message }, 'step failed');
    await this.progress.publish({ operationId, step, stepStatus: status });
  }

  /** A rate-limited job goes back to the queue without using an attempt; anything else may be the last one. */
  isFinalAttempt(job: Job, error: unknown): boolean {
    if (error instanceof RateLimitError) return false;
    return error instanceof UnrecoverableError || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
  }

  private idsOf(job: Job<ProvisioningJobData>) {
    return {
      operationId: job.data.operationId,
      agentId: job.data.agentId,
      requestId: job.data.requestId,
      jobId: job.id,
    };
  }
}
