import { Module } from '@nestjs/common';
import { OutboundHttpModule } from '@voca/outbound-http';
import { AgentTools } from './agent-tools.service.js';
import { ToolsController } from './tools.controller.js';

/**
 * /api/v1/agents/{id}/tools: the backend's functions an agent may call mid-conversation, registered (with a signing
 * secret shown once), replaced, listed and deleted.
 */
@Module({
  imports: [OutboundHttpModule],
  controllers: [ToolsController],
  providers: [AgentTools],
})
export class ToolsModule {}
