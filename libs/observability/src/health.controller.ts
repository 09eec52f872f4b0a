import { Controller, Get, Inject, Optional } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import type { Redis } from 'ioredis';
import { EventsSubscription } from '@voca/queue';
import { PublicRoute } from './public-route.js';
import { HEALTH_REDIS } from './health-redis.js';

const CHECK_TIMEOUT_MS = 1_500;

/**
 * `/health`: the process answers. `/health/ready`: it can reach Postgres and Redis, and hears pub/sub events if it
 * listens for them, so it can do its work.
 */
@ApiExcludeController()
@PublicRoute()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    @Inject(HEALTH_REDIS) private readonly redis: Redis,
    @Optional() private readonly events?: EventsSubscription,
  ) {}

  @Get()
  @HealthCheck()
  live() {
    return this.health.check([]);
  }

  @Get('ready')
  @HealthCheck()
  ready() {
    return this.health.check([
      () => this.database.pingCheck('postgres').withTimeout(CHECK_TIMEOUT_MS),
      () =>
        this.indicators
          .check('redis')
          .attempt(async () => {
            await this.redis.ping();
          })
          .withTimeout(CHECK_TIMEOUT_MS),
      // A process that listens for pub/sub events and no longer hears them would answer stale or never.
      ...(this.events?.connected === undefined
        ? []
        : [() => (this.events!.connected ? this.indicators.check('events').up() : this.indicators.check('events').down('not subscribed'))]),
    ]);
  }
}
