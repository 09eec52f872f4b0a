import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AGENT_STATUSES, AgentView as AgentViewRef, type AgentStatus } from '@voca/contracts';

export class AgentEventView {
  @ApiProperty({ format: 'uuid', description: 'The entry, for the `after` cursor' })
  id: string;

  @ApiProperty({
    example: 'pause',
    description:
      'created, provisioned, updated, start, stop, pause, resume, delete, deleted, knowledge_uploaded, knowledge_deleted, tool_registered, tool_replaced, tool_deleted...',
  })
  action: string;

  @ApiPropertyOptional({ enum: AGENT_STATUSES })
  from_status?: AgentStatus;

  @ApiPropertyOptional({ enum: AGENT_STATUSES })
  to_status?: AgentStatus;

  @ApiProperty({
    example: 'service:backend',
    description: 'Who acted: the service token, a vendor user, or the engine',
  })
  actor: string;

  @ApiPropertyOptional()
  request_id?: string;

  @ApiProperty({ example: { operationId: '6d1f...' } })
  details: Record<string, unknown>;

  @ApiProperty({ format: 'date-time' })
  at: string;
}

export class AgentAuditView {
  @ApiProperty({ format: 'uuid' })
  agent_id: string;

  @ApiProperty({ type: [AgentEventView], description: 'Oldest first' })
  events: AgentEventView[];

  @ApiProperty({ type: String, nullable: true, description: 'Pass as `after` for the next (newer) page' })
  next_cursor: string | null;
}

export class UpdateAgentResultView {
  @ApiProperty({ type: () => AgentViewRef, description: 'The agent as it is now recorded' })
  agent: unknown;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The operation carrying the change to the channels, if one was needed',
  })
  provisioning_id?: string;

  @ApiPropertyOptional({ example: '/api/v1/provisioning/6d1f...' })
  status_url?: string;
}
