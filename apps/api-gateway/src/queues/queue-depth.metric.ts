import { getQueueToken } from '@nestjs/bullmq';
import { QueueName } from '@voca/contracts';
import { makeGaugeProvider } from '@voca/observability';
import type { Job, Queue } from 'bullmq';
import type { Gauge } from 'prom-client';

const STATES = ['waiting', 'active', 'delayed', 'waiting-children', 'failed', 'completed'] as const;
const QUEUES = Object.values(QueueName);

/** Jobs per queue and state, read from Redis when Prometheus scrapes the gateway: the backlog each worker faces. */
export const queueDepthMetric = makeGaugeProvider({
  name: 'voca_queue_jobs',
  help: 'Jobs in each BullMQ queue, by state',
  labelNames: ['queue', 'state'],
  inject: QUEUES.map((name) => getQueueToken(name)),
  async collect(this: Gauge<'queue' | 'state'>, ...queues: Queue[]) {
    await Promise.all(
      queues.map(async (queue) => {
        const counts = await queue.getJobCounts(...STATES);
        for (const state of STATES) this.set({ queue: queue.name, state }, counts[state] ?? 0);
      }),
    );
  },
});

/**
 * How long the oldest job of each queue has been waiting for a worker (0 when none waits): a backlog that is not
 * drained grows this, however few jobs it holds.
 */
export const queueOldestWaitingMetric = makeGaugeProvider({
  name: 'voca_queue_oldest_waiting_seconds',
  help: 'Age of the oldest job waiting for a worker in each queue (since it became ready to run), 0 when none waits',
  labelNames: ['queue'],
  inject: QUEUES.map((name) => getQueueToken(name)),
  async collect(this: Gauge<'queue'>, ...queues: Queue[]) {
    const now = Date.now();
    await Promise.all(
      queues.map(async (queue) => {
        // The oldest of the plain waiting list and of the prioritized set (BullMQ keeps them apart).
        const oldest = (
          await Promise.all([queue.getJobs('wait', 0, 0, true), queue.getJobs('prioritized', 0, 0, true)])
        ).flat() as Job[];
        const readySince = oldest.map((job) => job.timestamp + (job.opts.delay ?? 0));
        this.set({ queue: queue.name }, readySince.length ? Math.max(0, now - Math.min(...readySince)) / 1000 : 0);
      }),
    );
  },
});

export const QUEUES_WATCHED = QUEUES;
