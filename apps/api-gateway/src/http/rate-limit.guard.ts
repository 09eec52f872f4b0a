import {
  Injectable,
  SetMetadata,
  type CanActivate,
  type ExecutionContext,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Reflector } from '@nestjs/core';
import type { GatewayEnv } from '@voca/config';
import { PUBLIC_ROUTE } from '@voca/observability';
import { redisConnectionOptions } from '@voca/queue';
import type { Request } from 'express';
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { AuthenticatedRequest } from '../auth/jwt-auth.guard.js';
import { budgetKeyOf } from '../auth/principal.js';
import { RetryLaterException } from './retry-later.exception.js';

const PER_ADDRESS = 'voca:per-address-limit';

/** A public route that answers anyone: at most `perMinute` requests per client address. */
export const LimitPerAddress = (perMinute: number) => SetMetadata(PER_ADDRESS, perMinute);

/**
 * Requests per minute per token, counted in Redis so every gateway replica shares the budget. Runs after the JWT
 * guard: the key is who the token says is calling (a vendor, or the service subject). Public routes (probes,
 * webhooks) are not counted here, except those marked `LimitPerAddress`, counted per client address. While Redis
 * cannot be reached each replica counts on its own in memory: a limit that fails open is no limit.
 */
@Injectable()
export class RateLimitGuard implements CanActivate, OnApplicationShutdown {
  private readonly redis: Redis;
  private readonly perToken: RateLimiterRedis;
  private readonly perAddress = new Map<number, RateLimiterRedis>();
  private readonly keyPrefix: string;

  constructor(
    private readonly reflector: Reflector,
    config: ConfigService<GatewayEnv, true>,
  ) {
    this.redis = new Redis({
      ...redisConnectionOptions(config.get('REDIS_URL', { infer: true })),
      enableOfflineQueue: false,
    });
    this.redis.on('error', () => undefined);
    this.keyPrefix = `${config.get('QUEUE_PREFIX', { infer: true })}:api-rate`;
    this.perToken = this.limiter('token', config.get('RATE_LIMIT_PER_MINUTE', { infer: true }));
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    const perAddress = this.reflector.getAllAndOverride<number | undefined>(PER_ADDRESS, targets);
    if (perAddress) {
      const request = context.switchToHttp().getRequest<Request>();
      return this.consume(
        this.addressLimiter(perAddress),
        `address:${request.ip ?? 'unknown'}`,
        'too many requests from this address',
      );
    }
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
    if (!principal) return true;
    return this.consume(this.perToken, budgetKeyOf(principal), 'too many requests for this token');
  }

  onApplicationShutdown(): void {
    this.redis.disconnect();
  }

  private async consume(limiter: RateLimiterRedis, key: string, refusal: string): Promise<true> {
    try {
      await limiter.consume(key);
      return true;
    } catch (result) {
      if (result instanceof RateLimiterRes)
        throw new RetryLaterException(`${refusal}; retry later`, result.msBeforeNext / 1000);
      throw result;
    }
  }

  private addressLimiter(perMinute: number): RateLimiterRedis {
    let limiter = this.perAddress.get(perMinute);
    if (!limiter) this.perAddress.set(perMinute, (limiter = this.limiter(`address-${perMinute}`, perMinute)));
    return limiter;
  }

  private limiter(name: string, points: number): RateLimiterRedis {
    return new RateLimiterRedis({
      storeClient: this.redis,
      keyPrefix: `${this.keyPrefix}:${name}`,
      points,
      duration: 60,
      insuranceLimiter: new RateLimiterMemory({ keyPrefix: `${this.keyPrefix}:${name}:local`, points, duration: 60 }),
    });
  }
}
