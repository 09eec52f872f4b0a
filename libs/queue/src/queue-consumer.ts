import { WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { JOB_NAMES_BY_QUEUE, type JobNamesOf, type JobOf, type QueueName } from '@voca/contracts';
import { UnrecoverableError, type Job } from 'bullmq';

export type JobHandlers<Q extends QueueName> = {
  [N in JobNamesOf<Q>]: (job: Job<JobOf<N>, unknown, N>) => Promise<unknown>;
};

/** Queues consumed in this process; a second consumer of one queue is a wiring mistake. */
const consumedQueues = new Set<QueueName>();

/**
 * Base of every queue processor: dispatches each job by name to one handler, refuses to start when the handlers do
 * not match the queue's job names exactly, and on shutdown lets running jobs finish for a bounded time.
 */
export abstract class QueueConsumer<Q extends QueueName>
  extends WorkerHost
  implements OnApplicationBootstrap, BeforeApplicationShutdown
{
  protected abstract readonly queue: Q;
  protected abstract readonly handlers: JobHandlers<Q>;
  /** Jobs this process runs at once when WORKER_CONCURRENCY does not say. */
  protected abstract readonly defaultConcurrency: number;
  protected readonly logger = new Logger(this.constructor.name);

  @Inject(ConfigService)
  private readonly settings: ConfigService<{ WORKER_CONCURRENCY?: number; SHUTDOWN_GRACE_MS: number }, true>;

  onApplicationBootstrap(): void {
    if (consumedQueues.has(this.queue)) throw new Error(`queue ${this.queue} has two consumers in this process`);
    consumedQueues.add(this.queue);
    const expected = [...JOB_NAMES_BY_QUEUE[this.queue]].sort();
    const handled = Object.keys(this.handlers).sort();
    const missing = expected.filter((name) => !handled.includes(name));
    const unknown = handled.filter((name) => !(expected as string[]).includes(name));
    if (missing.length || unknown.length) {
      throw new Error(
        `${this.constructor.name} does not match queue ${this.queue}: missing handlers [${missing}], unknown [${unknown}]`,
      );
    }
    this.worker.concurrency = this.settings.get('WORKER_CONCURRENCY', { infer: true }) ?? this.defaultConcurrency;
  }

  async process(job: Job): Promise<unknown> {
    const handler = (this.handlers as unknown as Record<string, (job: Job) => Promise<unknown>>)[job.name];
    if (!handler) throw new UnrecoverableError(`queue ${this.queue} has no job named ${job.name}`);
    return handler.call(this, job);
  }

  async beforeApplicationShutdown(): Promise<void> {
    consumedQueues.delete(this.queue);
    // Past this, running jobs are abandoned to their lock expiry and retried by another worker.
    const grace = this.settings.get('SHUTDOWN_GRACE_MS', { infer: true });
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), grace);
    });
    const outcome = await Promise.race([this.worker.close().then(() => 'closed' as const), timedOut]);
    clearTimeout(timer);
    if (outcome === 'timeout') {
      this.logger.warn(`jobs of ${this.queue} still running after ${grace} ms; closing anyway, they will be retried`);
      await this.worker.close(true);
    }
  }
}
