import { Module } from '@nestjs/common';
import { QueueName } from '@voca/contracts';
import { AgentsModule } from '../agents/agents.module.js';
import { ProvisioningFlowModule } from '../provisioning/provisioning-flow.module.js';
import { gatewayQueue } from '../queues/queues.module.js';
import { AgentLifecycle } from './agent-lifecycle.service.js';
import { AgentUpdates } from './agent-updates.service.js';
import { LifecycleController } from './lifecycle.controller.js';

/** /api/v1/agents/{id}: updating an agent, its transitions (pause, resume...), its deletion and its audit trail. */
@Module({
  // Resuming an agent queues an answer to what it held on `inbound`.
  imports: [AgentsModule, ProvisioningFlowModule, gatewayQueue(QueueName.Inbound)],
  controllers: [LifecycleController],
  providers: [AgentLifecycle, AgentUpdates],
})
export class LifecycleModule {}
