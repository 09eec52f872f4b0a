import { getQueueToken } from '@nestjs/bullmq';
import { QueueName } from '@voca/contracts';
import { makeGaugeProvider } from '@voca/observability';
import type { Queue } from 'bullmq';
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

export const QUEUES_WATCHED = QUEUES;
