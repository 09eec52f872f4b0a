import {
  Inject,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { JOB_NAMES_BY_QUEUE, type JobNamesOf, type JobOf, type QueueName } from '@voca/contracts';
import { InjectMetric } from '@willsoto/nestjs-prometheus';
import { UnrecoverableError, Worker, type Job, type WorkerOptions } from 'bullmq';
import type { Counter, Histogram } from 'prom-client';
import { JOB_SECONDS, JOBS_DEAD, QueueConsumers } from './queue-consumers.js';
import { queueTelemetry } from './queue-telemetry.js';
import { closedWithin, redisConnectionOptions } from './redis-connection.js';

/** What a handler throws to move its job on without failing it (delayed, rate limited, waiting for children). */
const DEFERRALS = new Set(['DelayedError', 'RateLimitError', 'WaitingChildrenError', 'WaitingError']);

/** How long a forced close may wait for Redis before the connection is simply dropped. */
const FORCED_CLOSE_MS = 1_000;

/** One handler per job name of the queue; `token` is the job's lock token (needed to move it to delayed). */
export type JobHandlers<Q extends QueueName> = {
  [N in JobNamesOf<Q>]: (job: Job<JobOf<N>, unknown, N>, token?: string) => Promise<unknown>;
};

interface ConsumerSettings {
  REDIS_URL: string;
  QUEUE_PREFIX: string;
  WORKER_CONCURRENCY?: number;
  WORKER_QUEUES?: QueueName[];
  WORKER_QUEUE_CONCURRENCY?: Partial<Record<QueueName, number>>;
  WORKER_LOCK_DURATION_MS: number;
  WORKER_STALLED_INTERVAL_MS: number;
  WORKER_MAX_STALLED_COUNT: number;
  SHUTDOWN_GRACE_MS: number;
  RETENTION_COMPLETED_JOB_DAYS: number;
  RETENTION_FAILED_JOB_DAYS: number;
}

const DAY_S = 24 * 3600;

/**
 * How long Redis keeps the jobs a worker finished (a job's own options win, e.g. a periodic task's last few runs):
 * long enough that a deterministic job id still deduplicates a late re-add and an operator can look at a failure.
 */
export function finishedJobRetention(settings: { completedDays: number; failedDays: number }) {
  return {
    removeOnComplete: { age: Math.ceil(settings.completedDays * DAY_S) },
    removeOnFail: { age: Math.ceil(settings.failedDays * DAY_S) },
  };
}

/** Queues (by prefix and name) consumed in this process; a second consumer of one queue is a wiring mistake. */
const consumedQueues = new Set<string>();

/**
 * Base of every queue consumer. Unless WORKER_QUEUES leaves its queue to other processes, it runs one BullMQ worker
 * for its queue with options from config (finished jobs kept as RETENTION_*_JOB_DAYS say), dispatches each job by
 * name to one handler, refuses to start when the handlers do not match the queue's job names exactly, measures every
 * attempt, and on shutdown lets running jobs finish for a bounded time.
 */
export abstract class QueueConsumer<Q extends QueueName>
  implements OnApplicationBootstrap, OnModuleDestroy, BeforeApplicationShutdown
{
  protected abstract readonly queue: Q;
  protected abstract readonly handlers: JobHandlers<Q>;
  /** Jobs this process runs at once when WORKER_CONCURRENCY does not say. */
  protected abstract readonly defaultConcurrency: number;
  protected readonly logger = new Logger(this.constructor.name);
  private _worker?: Worker;
  private closing?: { done: Promise<void>; deadline: number };

  @Inject(ConfigService)
  private readonly settings: ConfigService<ConsumerSettings, true>;
  @Inject(QueueConsumers)
  private readonly consumers: QueueConsumers;
  @InjectMetric(JOB_SECONDS)
  private readonly jobSeconds: Histogram<'queue' | 'job_name' | 'outcome'>;
  @InjectMetric(JOBS_DEAD)
  private readonly jobsDead: Counter<'queue' | 'job_name'>;

  /**
   * A job that will not be tried again (out of attempts, unrecoverable, or stalled too often): settle the records it
   * carried at once, so nothing waits for it. Nothing by default.
   */
  protected settleFailedForGood(_job: Job, _error: Error): Promise<unknown> | void {}

  /** Options of this queue's worker beyond the shared ones (e.g. a rate limiter). */
  protected workerOptions(): Partial<WorkerOptions> {
    return {};
  }

  get worker(): Worker {
    if (!this._worker) throw new Error(`${this.constructor.name} has not started`);
    return this._worker;
  }

  onApplicationBootstrap(): void {
    const setting = <K extends keyof ConsumerSettings>(key: K) => this.settings.get(key, { infer: true });
    this.checkHandlers(`${setting('QUEUE_PREFIX')}:${this.queue}`);
    const concurrency =
      setting('WORKER_QUEUE_CONCURRENCY')?.[this.queue] ?? setting('WORKER_CONCURRENCY') ?? this.defaultConcurrency;
    if (setting('WORKER_QUEUES') && !setting('WORKER_QUEUES')!.includes(this.queue)) {
      this.consumers.add(this.queue, { concurrency });
      this.logger.log(`not consuming ${this.queue}: WORKER_QUEUES leaves it to other processes`);
      return;
    }
    this._worker = new Worker(this.queue, (job, token) => this.measured(job, token), {
      connection: { ...redisConnectionOptions(setting('REDIS_URL')), maxRetriesPerRequest: null },
      prefix: setting('QUEUE_PREFIX'),
      concurrency,
      lockDuration: setting('WORKER_LOCK_DURATION_MS'),
      stalledInterval: setting('WORKER_STALLED_INTERVAL_MS'),
      maxStalledCount: setting('WORKER_MAX_STALLED_COUNT'),
      ...finishedJobRetention({
        completedDays: setting('RETENTION_COMPLETED_JOB_DAYS'),
        failedDays: setting('RETENTION_FAILED_JOB_DAYS'),
      }),
      telemetry: queueTelemetry(),
      ...this.workerOptions(),
    });
    this.consumers.add(this.queue, { concurrency, worker: this._worker });
    this._worker.on('error', (error) => this.logger.error({ err: error, queue: this.queue }, 'worker error'));
    this._worker.on('failed', (job, error) => {
      if (!job || !failedForGood(job, error)) return;
      this.jobsDead.inc({ queue: this.queue, job_name: job.name });
      Promise.resolve(this.settleFailedForGood(job, error)).catch((settleError: unknown) =>
        this.logger.error(
          { err: settleError, queue: this.queue, jobId: job.id },
          'could not settle a job that failed for good; the reconciler will',
        ),
      );
    });
  }

  private async measured(job: Job, token?: string): Promise<unknown> {
    const end = this.jobSeconds.startTimer({ queue: this.queue, job_name: job.name });
    try {
      const result = await this.process(job, token);
      end({ outcome: 'completed' });
      return result;
    } catch (error) {
      end({ outcome: DEFERRALS.has((error as Error)?.name) ? 'deferred' : 'failed' });
      throw error;
    }
  }

  async process(job: Job, token?: string): Promise<unknown> {
    const handler = (this.handlers as unknown as Record<string, (job: Job, token?: string) => Promise<unknown>>)[
      job.name
    ];
    if (!handler) throw new UnrecoverableError(`queue ${this.queue} has no job named ${job.name}`);
    return handler.call(this, job, token);
  }

  /** Shutdown begins: stop taking jobs now, in every consumer of the process at once, so they share one grace. */
  onModuleDestroy(): void {
    if (!this._worker || this.closing) return;
    this.closing = {
      done: this._worker.close(),
      deadline: Date.now() + this.settings.get('SHUTDOWN_GRACE_MS', { infer: true }),
    };
  }

  async beforeApplicationShutdown(): Promise<void> {
    consumedQueues.delete(`${this.settings.get('QUEUE_PREFIX', { infer: true })}:${this.queue}`);
    if (!this._worker) return;
    this.onModuleDestroy();
    const { done, deadline } = this.closing!;
    // Past the grace, running jobs are abandoned to their lock expiry and retried by another worker.
    const grace = this.settings.get('SHUTDOWN_GRACE_MS', { infer: true });
    if (!(await closedWithin(done, Math.max(0, deadline - Date.now())))) {
      this.logger.warn(
        `jobs of ${this.queue} still running after ${grace} ms (or Redis is away); closing anyway, they will be retried`,
      );
      if (!(await closedWithin(this._worker.close(true), FORCED_CLOSE_MS)))
        this._worker.disconnect().catch(() => undefined);
    }
  }

  private checkHandlers(queueKey: string): void {
    if (consumedQueues.has(queueKey)) throw new Error(`queue ${this.queue} has two consumers in this process`);
    consumedQueues.add(queueKey);
    const expected = [...JOB_NAMES_BY_QUEUE[this.queue]].sort();
    const handled = Object.keys(this.handlers).sort();
    const missing = expected.filter((name) => !handled.includes(name));
    const unknown = handled.filter((name) => !(expected as string[]).includes(name));
    if (missing.length || unknown.length) {
      throw new Error(
        `${this.constructor.name} does not match queue ${this.queue}: missing handlers [${missing}], unknown [${unknown}]`,
      );
    }
  }
}

/** Whether BullMQ will not run the job again. */
export function failedForGood(job: Job, error: Error): boolean {
  return (
    error instanceof UnrecoverableError ||
    error?.name === 'UnrecoverableError' ||
    job.attemptsMade >= (job.opts.attempts ?? 1)
  );
}
