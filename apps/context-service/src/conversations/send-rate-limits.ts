import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { ContextServiceEnv } from '@voca/config';
import type { SocialChannel } from '@voca/contracts';
import { redisConnectionOptions } from '@voca/queue';
import { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';

/**
 * The platforms' send limits per business account (WhatsApp about 80 messages/s per number, X about 200 DMs per
 * 15 minutes per account), counted in Redis so every replica shares them.
 */
@Injectable()
export class SendRateLimits implements OnApplicationShutdown {
  private readonly redis: Redis;
  private readonly limiters: Record<SocialChannel, RateLimiterRedis>;

  constructor(config: ConfigService<ContextServiceEnv, true>) {
    this.redis = new Redis({
      ...redisConnectionOptions(config.get('REDIS_URL', { infer: true })),
      enableOfflineQueue: false,
    });
    const prefix = `${config.get('QUEUE_PREFIX', { infer: true })}:send-limit`;
    const perSecond = (points: number, keyPrefix: string) =>
      new RateLimiterRedis({ storeClient: this.redis, points, duration: 1, keyPrefix: `${prefix}:${keyPrefix}` });
    const messenger = perSecond(config.get('MESSENGER_SENDS_PER_SECOND', { infer: true }), 'meta');
    this.limiters = {
      whatsapp: perSecond(config.get('WHATSAPP_SENDS_PER_SECOND', { infer: true }), 'whatsapp'),
      facebook: messenger,
      instagram: messenger,
      twitter: new RateLimiterRedis({
        storeClient: this.redis,
        points: config.get('X_DMS_PER_15_MINUTES', { infer: true }),
        duration: 15 * 60,
        keyPrefix: `${prefix}:x`,
      }),
    };
  }

  /** Takes one send from the account's budget; returns 0, or how long to wait when the budget is spent. */
  async reserve(channel: SocialChannel, accountId: string): Promise<number> {
    try {
      await this.limiters[channel].consume(accountId);
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
