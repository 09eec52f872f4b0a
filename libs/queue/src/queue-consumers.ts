import { Global, Injectable, Module } from '@nestjs/common';
import { QueueName } from '@voca/contracts';
import { makeCounterProvider, makeGaugeProvider, makeHistogramProvider } from '@willsoto/nestjs-prometheus';
import type { Worker } from 'bullmq';
import type { Gauge } from 'prom-client';

export const WORKER_CONSUMING = 'voca_worker_consuming';

const QUEUE_ORDER: readonly QueueName[] = Object.values(QueueName);
export const WORKER_CONCURRENCY = 'voca_worker_concurrency';
export const JOB_SECONDS = 'voca_job_seconds';
export const JOBS_DEAD = 'voca_jobs_dead_total';

interface Consumer {
  concurrency: number;
  /** Absent when WORKER_QUEUES leaves this queue to other processes. */
  worker?: Worker;
}

/** What readiness reports of the queues a process consumes. */
export interface ConsumingState {
  consuming: QueueName[];
  /** Queues this process should consume but does not (paused, closing, or its worker stopped). */
  stopped: QueueName[];
  /** Queues of this app that WORKER_QUEUES leaves to other processes. */
  left: QueueName[];
}

/** Every queue consumer of this process, with its worker when it runs one: for readiness and the worker gauges. */
@Injectable()
export class QueueConsumers {
  private readonly consumers = new Map<QueueName, Consumer>();

  add(queue: QueueName, consumer: Consumer): void {
    this.consumers.set(queue, consumer);
  }

  remove(queue: QueueName): void {
    this.consumers.delete(queue);
  }

  /** Undefined when this process consumes no queue at all (the gateway). */
  state(): ConsumingState | undefined {
    if (this.consumers.size === 0) return undefined;
    const state: ConsumingState = { consuming: [], stopped: [], left: [] };
    // In the order queues are named, whatever order the consumers happened to start in.
    const ordered = [...this.consumers].sort(([a], [b]) => QUEUE_ORDER.indexOf(a) - QUEUE_ORDER.indexOf(b));
    for (const [queue, consumer] of ordered) {
      if (!consumer.worker) state.left.push(queue);
      else (isConsuming(consumer) ? state.consuming : state.stopped).push(queue);
    }
    return state;
  }

  /** Each queue's consumer: taking jobs now, and how many at once (0 when left to other processes). */
  *entries(): Iterable<{ queue: QueueName; consuming: boolean; concurrency: number }> {
    for (const [queue, consumer] of this.consumers) {
      yield { queue, consuming: isConsuming(consumer), concurrency: consumer.worker ? consumer.concurrency : 0 };
    }
  }
}

function isConsuming({ worker }: Consumer): boolean {
  return !!worker && worker.isRunning() && !worker.isPaused() && !worker.closing;
}

const jobMetrics = [
  makeHistogramProvider({
    name: JOB_SECONDS,
    help: 'Time one attempt of a job took in this process, by queue, job name (job_name: Prometheus keeps `job` for its target) and outcome (completed, failed, or deferred: delayed or rate limited)',
    labelNames: ['queue', 'job_name', 'outcome'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
  }),
  makeCounterProvider({
    name: JOBS_DEAD,
    help: 'Jobs that failed for good (out of attempts, unrecoverable, or stalled too often); their records were settled',
    labelNames: ['queue', 'job_name'],
  }),
];

/** The registry of consumers, for every module of the process (PlatformModule imports it once). */
@Global()
@Module({
  providers: [
    QueueConsumers,
    // Read when Prometheus scrapes, so a stopped worker is never reported as consuming.
    makeGaugeProvider({
      name: WORKER_CONSUMING,
      help: 'Whether this process takes jobs of the queue now (1) or not (0)',
      labelNames: ['queue'],
      inject: [QueueConsumers],
      collect(this: Gauge<'queue'>, consumers: QueueConsumers) {
        for (const { queue, consuming } of consumers.entries()) this.set({ queue }, consuming ? 1 : 0);
      },
    }),
    makeGaugeProvider({
      name: WORKER_CONCURRENCY,
      help: 'Jobs of the queue this process runs at once (0: left to other processes by WORKER_QUEUES)',
      labelNames: ['queue'],
      inject: [QueueConsumers],
      collect(this: Gauge<'queue'>, consumers: QueueConsumers) {
        for (const { queue, concurrency } of consumers.entries()) this.set({ queue }, concurrency);
      },
    }),
    ...jobMetrics,
  ],
  // Every consumer, in whichever module it sits, measures its jobs with them.
  exports: [QueueConsumers, ...jobMetrics],
})
export class QueueConsumersModule {}
