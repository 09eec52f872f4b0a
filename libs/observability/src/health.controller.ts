import { Controller, Get, Inject, Optional } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import type { Redis } from 'ioredis';
import { EventsSubscription, QueueConsumers } from '@voca/queue';
import { PublicRoute } from './public-route.js';
import { HEALTH_REDIS } from './health-redis.js';

const CHECK_TIMEOUT_MS = 1_500;

/**
 * `/health`: the process answers. `/health/ready`: it can reach Postgres and Redis, hears pub/sub events if it
 * listens for them, and takes jobs of every queue it is to consume, so it can do its work.
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
    @Optional() private readonly consumers?: QueueConsumers,
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
        : [
            () =>
              this.events!.connected
                ? this.indicators.check('events').up()
                : this.indicators.check('events').down('not subscribed'),
          ]),
      ...(this.consumers?.state() === undefined ? [] : [() => this.queuesCheck()]),
    ]);
  }

  /** Up when every queue this process is to consume has a running worker; names what it consumes and leaves. */
  private queuesCheck() {
    const { consuming, stopped, left } = this.consumers!.state()!;
    const indicator = this.indicators.check('queues');
    return stopped.length ? indicator.down({ consuming, stopped, left }) : indicator.up({ consuming, left });
  }
}
