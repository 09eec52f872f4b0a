import type { Provider } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Redis } from 'ioredis';
import { redisConnectionOptions } from '@voca/queue';

export const HEALTH_REDIS = Symbol('HEALTH_REDIS');

/** A Redis connection used only to answer readiness probes; it fails fast instead of queueing the ping. */
export const healthRedisProvider: Provider = {
  provide: HEALTH_REDIS,
  inject: [ConfigService],
  useFactory: (config: ConfigService) =>
    new Redis({
      ...redisConnectionOptions(config.getOrThrow('REDIS_URL')),
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectionName: 'voca-health',
    }),
};
