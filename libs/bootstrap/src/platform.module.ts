import { Module, type DynamicModule } from '@nestjs/common';
import { configModuleFrom, type CommonEnv } from '@voca/config';
import { ObservabilityModule } from '@voca/observability';
import { PersistenceModule } from '@voca/persistence';
import { EventsModule, QueueConsumersModule, QueueModule } from '@voca/queue';

/**
 * What every app stands on: its validated config, logs, probes and metrics, Postgres, BullMQ on Redis, and the
 * event publisher (Redis pub/sub).
 */
@Module({})
export class PlatformModule {
  static forApp(app: string, env: CommonEnv): DynamicModule {
    return {
      module: PlatformModule,
      imports: [
        configModuleFrom(env),
        ObservabilityModule.forApp(app),
        PersistenceModule.forApp(app),
        QueueModule.forRoot(),
        EventsModule,
        QueueConsumersModule,
      ],
    };
  }
}
