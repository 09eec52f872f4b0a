import { BullModule } from '@nestjs/bullmq';
import { Module, type DynamicModule } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { QueueName } from '@voca/contracts';
import { redisConnectionOptions } from './redis-connection.js';

/** Flow producer of provisioning operations (one parent per operation, a child per step). */
export const PROVISIONING_FLOW = 'provisioning-flow';

/**
 * BullMQ on the engine's Redis, with the shared key prefix. Workers need `maxRetriesPerRequest: null` so a Redis
 * blip never fails a blocking call; producers fail fast instead of queueing commands while Redis is away.
 */
@Module({})
export class QueueModule {
  static forRoot(): DynamicModule {
    return BullModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService) => ({
        connection: { ...redisConnectionOptions(config.getOrThrow('REDIS_URL')), maxRetriesPerRequest: null },
        prefix: config.getOrThrow<string>('QUEUE_PREFIX'),
      }),
    });
  }

  static queues(...names: QueueName[]): DynamicModule {
    return BullModule.registerQueue(...names.map((name) => ({ name })));
  }

  static provisioningFlowProducer(): DynamicModule {
    return BullModule.registerFlowProducerAsync({
      name: PROVISIONING_FLOW,
      inject: [ConfigService],
      useFactory: (config: ConfigService) => ({
        connection: { ...redisConnectionOptions(config.getOrThrow('REDIS_URL')), enableOfflineQueue: false },
        prefix: config.getOrThrow<string>('QUEUE_PREFIX'),
      }),
    });
  }
}
