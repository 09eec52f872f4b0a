import { Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { PrometheusModule } from '@willsoto/nestjs-prometheus';
import { register } from 'prom-client';
import type { Redis } from 'ioredis';
import { HealthController } from './health.controller.js';
import { HEALTH_REDIS, healthRedisProvider } from './health-redis.js';
import { LoggerModule } from './logger.module.js';
import { MetricsController } from './metrics.controller.js';

/** Logs, health probes and Prometheus metrics for one app; every app imports it once. */
@Module({})
export class ObservabilityModule implements OnApplicationShutdown {
  constructor(@Inject(HEALTH_REDIS) private readonly redis: Redis) {}

  static forApp(app: string): DynamicModule {
    return {
      module: ObservabilityModule,
      global: true,
      imports: [
        LoggerModule.forApp(app),
        TerminusModule.forRoot({ logger: false }),
        PrometheusModule.register({
          path: '/metrics',
          controller: MetricsController,
          defaultLabels: { app },
          // Process metrics are global to the process; collect them once even if it hosts several apps (tests).
          defaultMetrics: { enabled: !register.getSingleMetric('process_cpu_user_seconds_total') },
        }),
      ],
      controllers: [HealthController],
      providers: [healthRedisProvider],
      exports: [LoggerModule, PrometheusModule],
    };
  }

  onApplicationShutdown(): void {
    this.redis.disconnect();
  }
}
