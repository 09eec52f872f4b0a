import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { ContextServiceEnv } from '@voca/config';
import { CHANNEL_ADAPTERS, channelEnvFrom } from '@voca/channels';
import type { SocialChannel } from '@voca/contracts';
import { redisConnectionOptions } from '@voca/queue';
import { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';

/**
 * The platforms' send limits per business account, as each channel's adapter declares them (WhatsApp about 80
 * messages/s per number, X about 200 DMs per 15 minutes per account), counted in Redis so every replica shares them.
 */
@Injectable()
export class SendRateLimits implements OnApplicationShutdown {
  private readonly redis: Redis;
  private readonly limiters = new Map<SocialChannel, RateLimiterRedis>();

  constructor(config: ConfigService<ContextServiceEnv, true>) {
    this.redis = new Redis({
      ...redisConnectionOptions(config.get('REDIS_URL', { infer: true })),
      enableOfflineQueue: false,
    });
    const prefix = `${config.get('QUEUE_PREFIX', { infer: true })}:send-limit`;
    const env = channelEnvFrom((key) => config.get(key as keyof ContextServiceEnv));
    const buckets = new Map<string, RateLimiterRedis>();
    for (const channel of Object.keys(CHANNEL_ADAPTERS) as SocialChannel[]) {
      const adapter = CHANNEL_ADAPTERS[channel];
      const limit = adapter.sendLimit(env);
      let limiter = buckets.get(limit.bucket);
      if (!limiter) {
        limiter = new RateLimiterRedis({
          storeClient: this.redis,
          points: limit.points,
          duration: limit.durationSeconds,
          keyPrefix: `${prefix}:${limit.bucket}`,
        });
        buckets.set(limit.bucket, limiter);
      }
      this.limiters.set(channel, limiter);
    }
  }

  /** Takes one send from the account's budget; returns 0, or how long to wait when the budget is spent. */
  async reserve(channel: SocialChannel, accountId: string): Promise<number> {
    try {
      await this.limiters.get(channel)!.consume(accountId);
      return 0;
    } catch (result) {
      if (result instanceof RateLimiterRes) return Math.max(1, result.msBeforeNext);
      throw result;
    }
  }

  onApplicationShutdown(): void {
    this.redis.disconnect();
  }
}
