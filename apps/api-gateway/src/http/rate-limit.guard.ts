import {
  Injectable,
  type CanActivate,
  type ExecutionContext,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Reflector } from '@nestjs/core';
import type { GatewayEnv } from '@voca/config';
import { PUBLIC_ROUTE } from '@voca/observability';
import { redisConnectionOptions } from '@voca/queue';
import { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { AuthenticatedRequest } from '../auth/jwt-auth.guard.js';
import { RetryLaterException } from './retry-later.exception.js';

/**
 * Requests per minute per token, counted in Redis so every gateway replica shares the budget. Runs after the JWT
 * guard: the key is who the token says is calling (a vendor, or the service subject). Public routes (probes,
 * webhooks) are not counted here.
 */
@Injectable()
export class RateLimitGuard implements CanActivate, OnApplicationShutdown {
  private readonly redis: Redis;
  private readonly limiter: RateLimiterRedis;

  constructor(
    private readonly reflector: Reflector,
    config: ConfigService<GatewayEnv, true>,
  ) {
    this.redis = new Redis({ ...redisConnectionOptions(config.get('REDIS_URL', { infer: true })), enableOfflineQueue: false });
    this.limiter = new RateLimiterRedis({
      storeClient: this.redis,
      keyPrefix: `${config.get('QUEUE_PREFIX', { infer: true })}:api-rate`,
      points: config.get('RATE_LIMIT_PER_MINUTE', { infer: true }),
      duration: 60,
    });
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, [context.getHandler(), context.getClass()])) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const principal = request.principal;
    if (!principal) return true;
    const key = principal.kind === 'vendor' ? `vendor:${principal.vendorId}` : `service:${principal.subject ?? 'unknown'}`;
    try {
      await this.limiter.consume(key);
      return true;
    } catch (result) {
      if (result instanceof RateLimiterRes) {
        throw new RetryLaterException('too many requests for this token; retry later', result.msBeforeNext / 1000);
      }
      return true;
    }
  }

  onApplicationShutdown(): void {
    this.redis.disconnect();
  }
}
