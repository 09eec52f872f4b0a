import { Module } from '@nestjs/common';
import { ProvisioningFlowModule } from '../provisioning/provisioning-flow.module.js';
import { AgentOperations } from './agent-operations.js';
import { AgentOperationsController } from './agent-operations.controller.js';
import { StuckWorkController } from './stuck-work.controller.js';

/** An agent's operations (/api/v1/agents/{id}/operations, retry and cancel) and the stuck-work report for operators. */
@Module({
  imports: [ProvisioningFlowModule],
  controllers: [AgentOperationsController, StuckWorkController],
  providers: [AgentOperations],
  exports: [AgentOperations],
})
export class OperationsModule {}
