import { Module, type DynamicModule } from '@nestjs/common';
import { PlatformModule } from '@voca/bootstrap';
import type { ElizaosWorkerEnv } from '@voca/config';
import { ProvisioningModule } from '@voca/provisioning';
import { MessagesConsumer } from './messages/messages.consumer.js';
import { AgentRuntimeProvisioning } from './provisioning/agent-runtime-provisioning.js';
import { ElizaosProvisioningConsumer } from './provisioning/elizaos-provisioning.consumer.js';
import { PlatformSubscriber } from './provisioning/platform-subscriber.js';
import { CharacterEventsListener, CharacterEventsPublisher } from './runtimes/character-events.js';
import { CustomerForgottenListener, WorkingMemoryPruner } from './runtimes/customer-memory.js';
import { runtimeHostProvider } from './runtimes/runtime-host.provider.js';
import { RuntimeHostLifecycle } from './runtimes/runtime-host.lifecycle.js';
import { runtimeMetrics } from './runtimes/runtime-metrics.js';
import { toolMetrics } from './tools/tool-metrics.js';
import { OutboundHttpModule } from '@voca/outbound-http';

export const ELIZAOS_WORKER = 'elizaos-worker';

/**
 * Hosts agents' ElizaOS runtimes: consumes `elizaos` (provisioning) and `messages` (answering customers); keeps their
 * working memory bounded and forgets erased customers.
 */
@Module({})
export class ElizaosWorkerModule {
  static forEnv(env: ElizaosWorkerEnv): DynamicModule {
    return {
      module: ElizaosWorkerModule,
      imports: [PlatformModule.forApp(ELIZAOS_WORKER, env), ProvisioningModule, OutboundHttpModule],
      controllers: [CharacterEventsListener, CustomerForgottenListener],
      providers: [
        runtimeHostProvider(env),
        ...runtimeMetrics,
        ...toolMetrics,
        RuntimeHostLifecycle,
        WorkingMemoryPruner,
        CharacterEventsPublisher,
        ElizaosProvisioningConsumer,
        AgentRuntimeProvisioning,
        PlatformSubscriber,
        MessagesConsumer,
      ],
    };
  }
}
