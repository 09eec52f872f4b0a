import { BullModule } from '@nestjs/bullmq';
import { Module, type DynamicModule } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { QueueName } from '@voca/contracts';
import { queueTelemetry } from './queue-telemetry.js';
import { redisConnectionOptions } from './redis-connection.js';

/** Flow producer of provisioning operations (one parent per operation, a child per step). */
export const PROVISIONING_FLOW = 'provisioning-flow';

/**
 * BullMQ on the engine's Redis, with the shared key prefix. Workers need `maxRetriesPerRequest: null` so a Redis
 * blip never fails a blocking call; producers fail fast instead of queueing commands while Redis is away. Every
 * queue and flow producer carries the trace context of what adds a job when tracing is on (queue-telemetry.ts).
 */
@Module({})
export class QueueModule {
  static forRoot(): DynamicModule {
    return BullModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService) => ({
        connection: { ...redisConnectionOptions(config.getOrThrow('REDIS_URL')), maxRetriesPerRequest: null },
        prefix: config.getOrThrow<string>('QUEUE_PREFIX'),
        telemetry: queueTelemetry(),
      }),
    });
  }

  /** Queues this app adds jobs to (or counts): failing fast when Redis is away, like the flow producers. */
  static queues(...names: QueueName[]): DynamicModule {
    return BullModule.registerQueueAsync(
      ...names.map((name) => ({
        name,
        inject: [ConfigService],
        useFactory: (config: ConfigService) => ({
          connection: { ...redisConnectionOptions(config.getOrThrow('REDIS_URL')), enableOfflineQueue: false },
          prefix: config.getOrThrow<string>('QUEUE_PREFIX'),
          telemetry: queueTelemetry(),
        }),
      })),
    );
  }

  static provisioningFlowProducer(): DynamicModule {
    return QueueModule.flowProducer(PROVISIONING_FLOW);
  }

  /** A flow producer that fails fast when Redis is away, so the caller can keep the work recorded and retry. */
  static flowProducer(name: string): DynamicModule {
    return BullModule.registerFlowProducerAsync({
      name,
      inject: [ConfigService],
      useFactory: (config: ConfigService) => ({
        connection: { ...redisConnectionOptions(config.getOrThrow('REDIS_URL')), enableOfflineQueue: false },
        prefix: config.getOrThrow<string>('QUEUE_PREFIX'),
        telemetry: queueTelemetry(),
      }),
    });
  }
}
