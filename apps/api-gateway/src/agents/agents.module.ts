import { Module } from '@nestjs/common';
import { ProvisioningFlowModule } from '../provisioning/provisioning-flow.module.js';
import { AgentViews } from './agent-views.js';
import { AgentsController } from './agents.controller.js';

/** /api/v1/agents: provisioning a new agent, and listing and reading agents with their characters. */
@Module({
  imports: [ProvisioningFlowModule],
  controllers: [AgentsController],
  providers: [AgentViews],
  exports: [AgentViews],
})
export class AgentsModule {}
