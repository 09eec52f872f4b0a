import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import {
  CHANNELS,
  CitationView,
  TOOL_CALLS_OF_TURN,
  ToolCallView,
  type Channel,
  type InboundMedia,
} from '@voca/contracts';
import { EXAMPLE_IDS } from '../http/api-docs.js';
import { RECENT_TOOL_CALLS } from './tool-call-views.js';

export class IdentityView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: CHANNELS })
  channel: Channel;

  @ApiProperty({ example: '15551234567', description: "The customer's id on the channel" })
  external_id: string;

  @ApiPropertyOptional({ example: '+15551234567' })
  phone?: string;

  @ApiProperty({ enum: ['first_seen', 'phone', 'explicit'], description: 'How it joined this customer' })
  linked: string;
}

export class TurnView {
  @ApiProperty({ enum: ['customer', 'agent'] })
  role: 'customer' | 'agent';

  @ApiProperty({ enum: CHANNELS })
  channel: Channel;

  @ApiProperty({
    example: 'Is this one in stock?',
    description: "The words; a photo's or a document's caption (empty when none)",
  })
  text: string;

  @ApiPropertyOptional({
    type: 'array',
    items: { type: 'object', additionalProperties: true },
    example: [{ type: 'image', id: '1479537139650973', mime_type: 'image/jpeg' }],
    description:
      'What the customer sent besides words, as references (WhatsApp and X media ids, Messenger and Instagram URLs)',
  })
  media?: InboundMedia[];

  @ApiProperty({
    example: 'sent',
    description: 'Message status (received, answered, held... / sent, delivered, read...)',
  })
  status: string;

  @ApiPropertyOptional({
    type: [CitationView],
    description: "An agent's reply: the chunks of the agent's documents it answered from",
  })
  citations?: CitationView[];

  @ApiPropertyOptional({ type: ToolCallView, isArray: true, description: TOOL_CALLS_OF_TURN })
  tool_calls?: ToolCallView[];

  @ApiProperty({ format: 'date-time' })
  at: string;
}

export class CustomerContextView {
  @ApiProperty({ format: 'uuid' })
  customer_id: string;

  @ApiProperty({ format: 'uuid' })
  agent_id: string;

  @ApiPropertyOptional()
  display_name?: string;

  @ApiPropertyOptional({ example: '+15551234567' })
  phone?: string;

  @ApiProperty({ type: [IdentityView] })
  identities: IdentityView[];

  @ApiProperty({ type: [TurnView], description: 'The latest turns from every channel, oldest first' })
  turns: TurnView[];

  @ApiPropertyOptional({
    type: ToolCallView,
    isArray: true,
    description: `The customer's ${RECENT_TOOL_CALLS} latest tool calls (and requests for a confirmation or a missing value), from every channel, newest first; absent when none. Each is also shown under its turn when that turn is among the turns`,
  })
  recent_tool_calls?: ToolCallView[];
}

export class ConversationSummaryView {
  @ApiProperty({ format: 'uuid' })
  customer_id: string;

  @ApiPropertyOptional()
  display_name?: string;

  @ApiProperty({ enum: CHANNELS, isArray: true })
  channels: Channel[];

  @ApiProperty()
  messages: number;

  @ApiProperty({ type: TurnView })
  last: TurnView;
}

export class ConversationPageView {
  @ApiProperty()
  total: number;

  @ApiProperty()
  skip: number;

  @ApiProperty()
  limit: number;

  @ApiProperty({ type: [ConversationSummaryView] })
  items: ConversationSummaryView[];
}

export class LinkIdentityDto {
  @ApiProperty({
    format: 'uuid',
    example: EXAMPLE_IDS.identity,
    description: 'An identity of another customer of the same agent, to join this one',
  })
  @IsUUID()
  identity_id: string;
}

export class ErasedCountsView {
  @ApiProperty({ example: 2, description: 'Identities (addresses on channels) removed' })
  identities: number;

  @ApiProperty({ example: 14, description: 'Messages removed, both ways' })
  messages: number;

  @ApiProperty({ example: 1 })
  handoffs: number;

  @ApiProperty({ example: 3, description: 'Events about the customer that are kept (audit) without their words' })
  events_redacted: number;
}

export class CustomerErasedView {
  @ApiProperty({ format: 'uuid', example: EXAMPLE_IDS.customer })
  customer_id: string;

  @ApiProperty({ format: 'uuid', example: EXAMPLE_IDS.agent })
  agent_id: string;

  @ApiProperty({ type: ErasedCountsView })
  erased: ErasedCountsView;

  @ApiProperty({
    example: 'pending',
    enum: ['pending', 'completed'],
    description:
      "The record is erased at once; the customer's queued jobs and ElizaOS's working memory follow within seconds",
  })
  traces: 'pending' | 'completed';
}

const EXPORT_EXAMPLE = {
  customer: {
    id: EXAMPLE_IDS.customer,
    agent_id: EXAMPLE_IDS.agent,
    display_name: 'Ada Lovelace',
    phone_e164: '+15551234567',
    created_at: '2026-12-01T10:00:00.000Z',
    updated_at: '2026-12-01T10:05:00.000Z',
  },
  identity: {
    id: EXAMPLE_IDS.identity,
    channel: 'whatsapp',
    external_id: '15551234567',
    phone_e164: '+15551234567',
    display_name: 'Ada Lovelace',
    linked: 'first_seen',
  },
  message: {
    direction: 'inbound',
    channel: 'whatsapp',
    text: 'Do you ship to Canada?',
    status: 'answered',
    counterpart_id: '15551234567',
    created_at: '2026-12-01T10:00:00.000Z',
  },
  handoff: { kind: 'handoff', state: 'resolved', reason: 'the customer asked for a person' },
  event: { type: 'conversation.handoff', data: { customer_id: EXAMPLE_IDS.customer, text: 'A person please' } },
  toolCall: {
    tool: 'order_status',
    channel: 'whatsapp',
    arguments: { order_number: '10423' },
    status: 'ok',
    result: { status: 'shipped' },
  },
};

export class CustomerExportView {
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'The customer: id, agent, display name, phone, when first and last seen',
    example: EXPORT_EXAMPLE.customer,
  })
  customer: Record<string, unknown>;

  @ApiProperty({
    type: 'array',
    items: { type: 'object', additionalProperties: true },
    description: 'Every identity: channel, address, phone, name, how it joined the customer',
    example: [EXPORT_EXAMPLE.identity],
  })
  identities: Record<string, unknown>[];

  @ApiProperty({
    type: 'array',
    items: { type: 'object', additionalProperties: true },
    description: 'Every message both ways: text, media references, status, who wrote it, when',
    example: [EXPORT_EXAMPLE.message],
  })
  messages: Record<string, unknown>[];

  @ApiProperty({
    type: 'array',
    items: { type: 'object', additionalProperties: true },
    description: 'Every hand-off to a person and its outcome',
    example: [EXPORT_EXAMPLE.handoff],
  })
  handoffs: Record<string, unknown>[];

  @ApiProperty({
    type: 'array',
    items: { type: 'object', additionalProperties: true },
    description: 'Every event about the customer sent (or to be sent) to the backend',
    example: [EXPORT_EXAMPLE.event],
  })
  events: Record<string, unknown>[];

  @ApiProperty({
    type: 'array',
    items: { type: 'object', additionalProperties: true },
    description:
      "Every call of the agent's tools in the customer's turns: the tool, its arguments, the backend's answer",
    example: [EXPORT_EXAMPLE.toolCall],
  })
  tool_calls: Record<string, unknown>[];

  @ApiProperty({ format: 'date-time', example: '2026-12-07T09:00:00.000Z' })
  exported_at: string;
}
