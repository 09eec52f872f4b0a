import { Module, type DynamicModule } from '@nestjs/common';
import { PlatformModule } from '@voca/bootstrap';
import type { ContextServiceEnv } from '@voca/config';
import { QueueName } from '@voca/contracts';
import { ProvisioningModule } from '@voca/provisioning';
import { QueueModule } from '@voca/queue';
import { ContextConsumer } from './context/context.consumer.js';
import { ProvisioningFinalizer } from './provisioning/provisioning-finalizer.consumer.js';

export const CONTEXT_SERVICE = 'context-service';

/**
 * Consumes `context` (the agent's shared context) and `provisioning` (finalising operations); produces
 * `connect.deprovision` jobs to compensate failed channels.
 */
@Module({})
export class ContextServiceModule {
  static forEnv(env: ContextServiceEnv): DynamicModule {
    return {
      module: ContextServiceModule,
      imports: [
        PlatformModule.forApp(CONTEXT_SERVICE, env),
        // The finalizer asks the aws-connect worker to remove what failed channels left behind.
        QueueModule.queues(QueueName.AwsConnect),
        ProvisioningModule,
      ],
      providers: [ContextConsumer, ProvisioningFinalizer],
    };
  }
}
