import { Module, type DynamicModule } from '@nestjs/common';
import type { GatewayEnv } from '@voca/config';
import type { QueueName } from '@voca/contracts';
import { QueueModule } from '@voca/queue';
import { queueDashboard } from './queue-dashboard.js';
import { queueDepthMetric, queueOldestWaitingMetric, QUEUES_WATCHED } from './queue-depth.metric.js';

const registrations = new Map<QueueName, DynamicModule>();

/**
 * The gateway's one registration of a queue, for each module that injects it: importing the same dynamic module
 * keeps one Queue (and one Redis connection) per queue however many features add jobs to it.
 */
export function gatewayQueue(name: QueueName): DynamicModule {
  let registration = registrations.get(name);
  if (!registration) {
    registration = QueueModule.queues(name);
    registrations.set(name, registration);
  }
  return registration;
}

/** Every queue of the engine as operators see it: Bull Board at /admin/queues and the depth and wait metrics. */
@Module({})
export class QueuesModule {
  static forEnv(env: Pick<GatewayEnv, 'QUEUE_DASHBOARD' | 'NODE_ENV' | 'JWT_SECRET_KEY'>): DynamicModule {
    return {
      module: QueuesModule,
      imports: [...QUEUES_WATCHED.map(gatewayQueue), ...queueDashboard(env)],
      providers: [queueDepthMetric, queueOldestWaitingMetric],
    };
  }
}
