import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BUSINESS_TYPES, CHANNELS, type BusinessType, type Channel } from '../channels.js';
import { STEP_NAMES, type StepName } from '../provisioning-steps.js';
import {
  AGENT_STATUSES,
  CHANNEL_STATUSES,
  OPERATION_STATUSES,
  STEP_STATUSES,
  type AgentStatus,
  type ChannelStatus,
  type OperationStatus,
  type StepStatus,
} from '../statuses.js';
import { AgentKnowledgeView } from '../knowledge/knowledge-document.views.js';
import { BusinessContextDto, CharacterConfigDto } from './business-profile.dto.js';

export class ChannelView {
  @ApiProperty({ enum: CHANNELS, example: 'voice' })
  channel_type: Channel;

  @ApiProperty({ enum: CHANNEL_STATUSES, example: 'active' })
  status: ChannelStatus;

  @ApiPropertyOptional({ example: '+15550100123', description: 'voice and sms' })
  phone_number?: string;

  @ApiPropertyOptional({
    example: 'arn:aws:connect:us-east-1:123456789012:instance/8c2f...',
    description: 'voice and sms',
  })
  aws_connect_instance_id?: string;

  @ApiPropertyOptional({ example: '7f0c8a52-3b1e-5d44-9a61-2f0e4c3b9d10', description: 'social channels' })
  elizaos_agent_id?: string;

  @ApiPropertyOptional({ example: 'https://engine.example.com/api/v1/webhooks/meta', description: 'social channels' })
  webhook_url?: string;

  @ApiPropertyOptional({ example: '106540352242922', description: 'The platform account the agent answers for' })
  external_account_id?: string;

  @ApiProperty({ description: 'Whether platform credentials are stored (they are never returned)' })
  credentials_configured: boolean;

  @ApiPropertyOptional({ description: 'Why the channel is failed or pending configuration' })
  error?: string;
}

/** The seed's final `agent_config` of a finished operation. */
export class ProvisionedAgentView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'Cozy Comfort Bedding' })
  name: string;

  @ApiProperty({ enum: AGENT_STATUSES, example: 'active' })
  status: AgentStatus;

  @ApiProperty({ type: [ChannelView] })
  channels: ChannelView[];

  @ApiProperty()
  provisioning_complete: boolean;
}

export class AgentView extends ProvisionedAgentView {
  @ApiProperty({ example: 'vendor_cozy_001' })
  vendor_id: string;

  @ApiProperty({ example: 3, description: 'Incremented on every change; send it back with PUT (a stale one is 409)' })
  version: number;

  @ApiPropertyOptional()
  description?: string;

  @ApiProperty({ enum: BUSINESS_TYPES })
  business_type: BusinessType;

  @ApiProperty({ type: CharacterConfigDto })
  character_config: CharacterConfigDto;

  @ApiProperty({ type: BusinessContextDto })
  context: BusinessContextDto;

  @ApiProperty({ type: AgentKnowledgeView, description: "The agent's documents (GET /api/v1/agents/{id}/knowledge)" })
  knowledge: AgentKnowledgeView;

  @ApiProperty({ format: 'date-time' })
  created_at: string;

  @ApiProperty({ format: 'date-time' })
  updated_at: string;
}

export class AgentPageView {
  @ApiProperty()
  total: number;

  @ApiProperty()
  skip: number;

  @ApiProperty()
  limit: number;

  @ApiProperty({ type: [AgentView] })
  items: AgentView[];
}

export class ProvisioningAcceptedView {
  @ApiProperty({ format: 'uuid' })
  provisioning_id: string;

  @ApiProperty({ format: 'uuid' })
  agent_id: string;

  @ApiProperty({ enum: OPERATION_STATUSES, example: 'queued' })
  status: OperationStatus;

  @ApiProperty({ example: '/api/v1/provisioning/6d1f...' })
  status_url: string;

  @ApiProperty({ example: '/api/v1/provisioning/6d1f.../events' })
  events_url: string;
}

export class StepView {
  @ApiProperty({ enum: STEP_NAMES })
  name: StepName;

  @ApiProperty({ enum: STEP_STATUSES })
  status: StepStatus;

  @ApiProperty({ enum: CHANNELS, isArray: true })
  channels: Channel[];

  @ApiProperty({ description: 'Attempts started so far' })
  attempts: number;

  @ApiProperty()
  max_attempts: number;

  @ApiPropertyOptional({ format: 'date-time' })
  started_at?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  finished_at?: string;

  @ApiPropertyOptional()
  duration_ms?: number;

  @ApiPropertyOptional({ description: 'The last error, readable' })
  error?: string;

  @ApiPropertyOptional({ example: 'claiming +12065550142', description: 'What the step is doing now or did last' })
  detail?: string;
}

export class ProvisioningStatusView {
  @ApiProperty({ format: 'uuid' })
  provisioning_id: string;

  @ApiProperty({ enum: OPERATION_STATUSES })
  status: OperationStatus;

  @ApiProperty({ format: 'uuid' })
  agent_id: string;

  @ApiProperty({ minimum: 0, maximum: 100 })
  percent: number;

  @ApiProperty({ type: [StepView] })
  steps: StepView[];

  @ApiProperty({ format: 'date-time' })
  created_at: string;

  @ApiPropertyOptional({ format: 'date-time' })
  started_at?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  finished_at?: string;

  @ApiPropertyOptional({ description: 'Why the operation did not complete, one line per failed step' })
  error?: string;

  @ApiPropertyOptional({ type: ProvisionedAgentView, description: 'Present once the operation has ended' })
  agent_config?: ProvisionedAgentView;
}

export class AgentCharacterView {
  @ApiProperty({ format: 'uuid' })
  agent_id: string;

  @ApiProperty({ example: 2, description: 'Incremented whenever the character changes' })
  version: number;

  @ApiProperty({
    description:
      'The ElizaOS character (name, system, bio, topics, adjectives, style, messageExamples, knowledge, plugins, settings)',
    example: {
      name: 'Cozy Comfort Bedding',
      system: 'You are the customer-service assistant of Cozy Comfort Bedding...',
      plugins: ['@elizaos/plugin-sql', '@elizaos/plugin-bootstrap', '@elizaos/plugin-whatsapp'],
    },
  })
  character: Record<string, unknown>;

  @ApiProperty({ format: 'date-time' })
  created_at: string;
}

export class ErrorFieldView {
  @ApiProperty({ example: 'agent_config.channels' })
  field: string;

  @ApiProperty({ example: ['channels should not be empty'] })
  messages: string[];
}

/** Every error the API answers with. */
export class ErrorView {
  @ApiProperty({ example: 400 })
  statusCode: number;

  @ApiProperty({ example: 'Bad Request' })
  error: string;

  @ApiProperty({ example: 'agent_config.channels: channels should not be empty' })
  message: string;

  @ApiPropertyOptional({ type: [ErrorFieldView], description: 'Each field or parameter at fault (400, some 409)' })
  fields?: ErrorFieldView[];

  @ApiPropertyOptional({
    enum: AGENT_STATUSES,
    example: 'provisioning',
    description: "A transition refused (409): the agent's status",
  })
  status?: AgentStatus;

  @ApiPropertyOptional({
    type: [String],
    example: ['stop', 'delete'],
    description: 'A transition refused (409): what the status allows',
  })
  allowed?: string[];

  @ApiPropertyOptional({ example: 4, description: "A stale version refused (409): the agent's version now" })
  version?: number;

  @ApiPropertyOptional({ example: 'b7d6c1d0-...' })
  request_id?: string;
}

/** The key an agent's generic webhook messages are signed with (X-Voca-Signature), and how to use it. */
export class WebhookKeyView {
  @ApiProperty({ format: 'uuid' })
  agent_id: string;

  @ApiProperty({
    example: '5f0c8e1e0b7a4c1f9b2d6c3e8a7f0d4b1c2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a',
    description: 'Keep it secret; a rotation replaces it at once',
  })
  webhook_key: string;

  @ApiProperty({ example: 1, description: 'Raised by every rotation' })
  key_version: number;

  @ApiProperty({
    example:
      'X-Voca-Timestamp: <unix seconds>; X-Voca-Signature: sha256=<hex HMAC-SHA256(webhook_key, "<timestamp>.<raw body>")>',
  })
  signing: string;
}

/** The voice Lambda's key, for a backend posting the spec's `{agent_id, message, channel}` to the Connect webhook. */
export class ConnectKeyView {
  @ApiProperty({ example: 'https://voca.example.com/api/v1/webhooks/connect', description: 'Where to post turns' })
  webhook_url: string;

  @ApiProperty({
    example: '9a1c7e2b4d6f8a0c2e4b6d8f0a2c4e6b8d0f2a4c6e8b0d2f4a6c8e0b2d4f6a8c',
    description: 'Keep it secret: it signs turns for every agent. It changes only with WEBHOOK_SECRET',
  })
  webhook_key: string;

  @ApiProperty({
    example:
      'X-Voca-Timestamp: <unix seconds>; X-Voca-Signature: sha256=<hex HMAC-SHA256(webhook_key, "<timestamp>.<raw body>")>',
  })
  signing: string;
}
