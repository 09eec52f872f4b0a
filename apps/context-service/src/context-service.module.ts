import { Module, type DynamicModule } from '@nestjs/common';
import { PlatformModule } from '@voca/bootstrap';
import type { ContextServiceEnv } from '@voca/config';
import { ProvisioningModule } from '@voca/provisioning';
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
        PlatformModule.forApp(CONTEXT_SERVICE, env),
        ProvisioningModule,
      ],
      providers: [ContextConsumer, ProvisioningFinalizer],
    };
  }
}
