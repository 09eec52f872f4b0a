import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CHANNELS, type Channel } from '../channels.js';
import { TOOL_CALL_STATUSES, TOOL_INTENTS, type ToolCallStatus, type ToolIntent } from './tool-call.js';

/** A registered tool as the API shows it (never its signing secret, but when it is created). */
export class ToolView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  agent_id: string;

  @ApiProperty({ example: 'order_status' })
  name: string;

  @ApiProperty()
  description: string;

  @ApiProperty({ type: 'object', additionalProperties: true })
  parameters: Record<string, unknown>;

  @ApiProperty({ example: 'https://backend.example.com/voca/tools/order_status' })
  url: string;

  @ApiProperty({ example: 3000 })
  timeout_ms: number;

  @ApiProperty({ enum: CHANNELS, isArray: true, nullable: true, description: 'null: every channel' })
  channels: Channel[] | null;

  @ApiProperty()
  requires_confirmation: boolean;

  @ApiProperty()
  handoff_on_failure: boolean;

  @ApiProperty({
    type: 'string',
    // OpenAPI 3.0 takes null in a nullable enum only when the enum lists it.
    enum: [...TOOL_INTENTS, null],
    nullable: true,
    example: 'order_status',
    description:
      'The kind of request it serves, for the offline `local` model: as registered, else inferred from the name; null when neither says',
  })
  intent: ToolIntent | null;

  @ApiProperty({ format: 'date-time' })
  created_at: string;

  @ApiProperty({ format: 'date-time' })
  updated_at: string;
}

export class ToolCreatedView extends ToolView {
  @ApiProperty({
    example: 'whsec_3q2Kx...',
    description: 'Verifies the voca-signature header of every call of this tool; shown once, store it now',
  })
  signing_secret: string;
}

export class ToolListView {
  @ApiProperty({ type: [ToolView] })
  items: ToolView[];
}

/**
 * Where the conversation views show a turn's tool calls (TurnView, HandoffMessageView), said once for both: each call
 * once, under the customer's message whose turn made the HTTP call.
 */
export const TOOL_CALLS_OF_TURN =
  "A customer's message: the tool calls its turn made, and the requests it made of the customer (a confirmation, a " +
  'missing value), oldest first; absent when none. Each call is shown once, under the message whose turn made the ' +
  'HTTP call: the message that confirmed it (resolved_by_message_id) when it was proposed first and confirmed, ' +
  'else the message that asked for it (message_id), as is a request still waiting, declined, abandoned or answered';

/**
 * One call of a tool during a turn (or a request the agent made of the customer before calling: a confirmation, a
 * missing value), as the conversation views and the customer's context show it.
 */
export class ToolCallView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'order_status' })
  tool: string;

  @ApiProperty({ type: 'object', additionalProperties: true, example: { order_number: '10423' } })
  arguments: Record<string, unknown>;

  @ApiProperty({ enum: TOOL_CALL_STATUSES })
  status: ToolCallStatus;

  @ApiProperty({ format: 'uuid', description: "The customer's message whose turn asked for it" })
  message_id: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The message that confirmed it or gave the missing value' })
  resolved_by_message_id?: string;

  @ApiPropertyOptional({ type: [String], description: 'Arguments the agent asked the customer for' })
  missing?: string[];

  @ApiPropertyOptional({ example: 182, description: 'From sending the call to its answer' })
  latency_ms?: number;

  @ApiPropertyOptional({ example: 96, description: "The answer's size" })
  response_bytes?: number;

  @ApiPropertyOptional({ example: 200 })
  http_status?: number;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    example: { order_number: '10423', status: 'shipped', carrier: 'UPS' },
    description: "The backend's answer (what the agent answered from), when it gave one; bounded in size",
  })
  result?: Record<string, unknown>;

  @ApiPropertyOptional({ example: 'no answer within 2000 ms' })
  error?: string;

  @ApiProperty({ format: 'date-time' })
  created_at: string;
}
