import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString } from 'class-validator';
import { CHANNELS, type Channel } from '../channels.js';
import { Length } from '../text/text-length.js';
import { CitationView } from '../knowledge/citation.view.js';
import { TOOL_CALLS_OF_TURN, ToolCallView } from '../tools/tool.views.js';

export const HANDOFF_STATES = ['open', 'resolved'] as const;
export const HANDOFF_KINDS = ['handoff', 'follow_up'] as const;

export class HandoffMessageView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: ['customer', 'agent', 'person'], example: 'customer' })
  from: 'customer' | 'agent' | 'person';

  @ApiProperty({ enum: CHANNELS, example: 'whatsapp' })
  channel: Channel;

  @ApiProperty({ example: 'I would like to talk to someone about my order' })
  text: string;

  @ApiProperty({ example: 'answered', description: 'The message status (follow_up: waiting for the person)' })
  status: string;

  @ApiPropertyOptional({ example: 'vendor:vendor_cozy_comfort:maria', description: "A person's reply: who wrote it" })
  author?: string;

  @ApiPropertyOptional({
    type: [CitationView],
    description: "An agent's reply: the chunks of the agent's documents it answered from",
  })
  citations?: CitationView[];

  @ApiPropertyOptional({ type: ToolCallView, isArray: true, description: TOOL_CALLS_OF_TURN })
  tool_calls?: ToolCallView[];

  @ApiProperty({ example: '2026-12-01T10:00:00.000Z' })
  at: string;
}

/** A conversation waiting for a person. */
export class HandoffView {
  @ApiProperty({ format: 'uuid', example: 'b3e9d7a1-4c2f-4e8b-9a6d-0f1e2d3c4b5a' })
  id: string;

  @ApiProperty({ format: 'uuid', example: '3f2b9c1e-8d4a-4f6b-9a2e-1c7d5e0f4a21' })
  agent_id: string;

  @ApiProperty({ example: 'vendor_cozy_comfort' })
  vendor_id: string;

  @ApiProperty({ format: 'uuid', example: 'c4a8e2f1-7b3d-4c9e-8f1a-5e6d2b0c9a34' })
  customer_id: string;

  @ApiPropertyOptional({ example: 'Ann Lee' })
  customer_name?: string;

  @ApiProperty({ enum: CHANNELS, example: 'whatsapp', description: "Where a person's reply goes" })
  channel: Channel;

  @ApiProperty({ enum: HANDOFF_STATES, example: 'open' })
  state: 'open' | 'resolved';

  @ApiProperty({
    enum: HANDOFF_KINDS,
    example: 'handoff',
    description:
      'handoff: the agent told the customer a person takes over and does not answer them until resolved; follow_up: a message needs a person (a failed or uncertain reply...), the agent goes on answering',
  })
  kind: 'handoff' | 'follow_up';

  @ApiProperty({ example: 'the agent handed the customer to a person' })
  reason: string;

  @ApiProperty({ example: '2026-12-01T10:00:00.000Z' })
  opened_at: string;

  @ApiProperty({ type: String, nullable: true, example: null })
  resolved_at: string | null;

  @ApiProperty({ type: String, nullable: true, example: null })
  resolved_by: string | null;

  @ApiProperty({ type: [HandoffMessageView], description: 'The latest messages of the conversation, oldest first' })
  messages: HandoffMessageView[];
}

export class HandoffPageView {
  @ApiProperty({ type: [HandoffView], description: 'Oldest opened first: the longest waiting at the top' })
  items: HandoffView[];

  @ApiProperty({ type: String, nullable: true, description: 'Pass as `after` for the next page' })
  next_cursor: string | null;
}

export class HandoffReplyDto {
  @ApiProperty({ example: "Hi Ann, this is Maria from Cozy Comfort. I've checked your order: it ships tomorrow." })
  @IsString()
  @Length(1, 4096)
  text: string;
}

export class HandoffReplyView {
  @ApiProperty({ format: 'uuid', example: 'b3e9d7a1-4c2f-4e8b-9a6d-0f1e2d3c4b5a' })
  handoff_id: string;

  @ApiProperty({
    format: 'uuid',
    description: 'The reply as a message of the conversation; its status follows the send',
  })
  message_id: string;

  @ApiProperty({ enum: CHANNELS, example: 'whatsapp' })
  channel: Channel;

  @ApiProperty({ example: 'pending' })
  status: string;
}
