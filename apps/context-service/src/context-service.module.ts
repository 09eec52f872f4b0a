import { Module, type DynamicModule } from '@nestjs/common';
import { configModuleFrom, type ContextServiceEnv } from '@voca/config';
import { QueueName } from '@voca/contracts';
import { ObservabilityModule } from '@voca/observability';
import { PersistenceModule } from '@voca/persistence';
import { ProvisioningModule } from '@voca/provisioning';
import { QueueModule } from '@voca/queue';
import { ContextConsumer } from './context/context.consumer.js';
import { ProvisioningFinalizer } from './provisioning/provisioning-finalizer.consumer.js';

export const CONTEXT_SERVICE = 'context-service';

/** Consumes `context` (the agent's shared context) and `provisioning` (finalising operations). */
@Module({})
export class ContextServiceModule {
  static forEnv(env: ContextServiceEnv): DynamicModule {
    return {
      module: ContextServiceModule,
      imports: [
        configModuleFrom(env),
        ObservabilityModule.forApp(CONTEXT_SERVICE),
        PersistenceModule.forApp(CONTEXT_SERVICE),
        QueueModule.forRoot(),
        QueueModule.queues(QueueName.Context, QueueName.Provisioning),
        ProvisioningModule,
      ],
      providers: [ContextConsumer, ProvisioningFinalizer],
    };
  }
}
