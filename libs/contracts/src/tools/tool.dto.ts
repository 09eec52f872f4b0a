import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
} from 'class-validator';
import { CHANNELS, type Channel } from '../channels.js';
import { Length } from '../text/text-length.js';
import { TOOL_INTENTS, TOOL_NAME_PATTERN, type ToolIntent } from './tool-call.js';

export const TOOL_TIMEOUT_MS = { min: 100, max: 10_000, default: 3_000 } as const;

/** A function of the backend the agent may call mid-conversation (`POST`, or the whole tool on `PUT`). */
export class ToolBody {
  @ApiPropertyOptional({
    example: 'order_status',
    description:
      'Unique per agent; what the model calls it by: 1-64 lower-case letters, digits and `_`, starting with a letter. Required on POST; on PUT, absent or the name in the path.',
  })
  @IsOptional()
  @IsString()
  @Matches(TOOL_NAME_PATTERN, {
    message: 'name must be 1-64 lower-case letters, digits and _, starting with a letter',
  })
  name?: string;

  @ApiProperty({
    example: 'Looks up an order of the store by its number: its status, carrier and expected delivery date.',
    description: 'What the tool does and when to use it: the model reads it to decide when to call the tool',
  })
  @IsString()
  @Length(1, 1024)
  description: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: {
      type: 'object',
      properties: { order_number: { type: 'string', pattern: '^[0-9]{4,10}$', description: 'The order number' } },
      required: ['order_number'],
      additionalProperties: false,
    },
    description:
      'A JSON Schema (draft 2020-12 subset that ajv compiles) of the arguments, `type: object` at the top; checked when registered and against every call',
  })
  @IsObject()
  parameters: Record<string, unknown>;

  @ApiProperty({
    example: 'https://backend.example.com/voca/tools/order_status',
    description:
      "Where the engine POSTs each call: HTTPS (plain HTTP only outside production), never an address inside the engine's network",
  })
  @IsString()
  @Length(1, 2048)
  @IsUrl(
    { protocols: ['https', 'http'], require_protocol: true, require_tld: false },
    { message: 'url must be an absolute http(s) URL' },
  )
  url: string;

  @ApiPropertyOptional({
    example: 2000,
    default: TOOL_TIMEOUT_MS.default,
    minimum: TOOL_TIMEOUT_MS.min,
    maximum: TOOL_TIMEOUT_MS.max,
    description:
      'The longest a call may take, connecting included; on voice a call also ends in time for the caller to hear a reply',
  })
  @IsOptional()
  @IsInt()
  @Min(TOOL_TIMEOUT_MS.min)
  @Max(TOOL_TIMEOUT_MS.max)
  timeout_ms?: number;

  @ApiPropertyOptional({
    enum: CHANNELS,
    isArray: true,
    example: ['whatsapp', 'voice'],
    description: 'The channels on which the agent may use it; absent, every channel',
  })
  @IsOptional()
  @IsArray()
  @ArrayNotEmpty()
  @ArrayUnique()
  @ArrayMaxSize(CHANNELS.length)
  @IsIn(CHANNELS, { each: true, message: `each value in channels must be one of: ${CHANNELS.join(', ')}` })
  channels?: Channel[];

  @ApiPropertyOptional({
    default: false,
    description:
      'The tool changes something (cancels, books, refunds): the agent first tells the customer what it will do and calls only after a yes in their next message',
  })
  @IsOptional()
  @IsBoolean()
  requires_confirmation?: boolean;

  @ApiPropertyOptional({
    default: false,
    description: 'When a call fails (timeout, refused, an invalid answer), the customer is also passed to a person',
  })
  @IsOptional()
  @IsBoolean()
  handoff_on_failure?: boolean;

  @ApiPropertyOptional({
    enum: TOOL_INTENTS,
    example: 'order_status',
    description:
      'The kind of request it serves, for the offline `local` model, which recognises these itself; absent, inferred from the name (`order_status`, `track_order`, `book_appointment`, `check_stock`...)',
  })
  @IsOptional()
  @IsIn(TOOL_INTENTS, { message: `intent must be one of: ${TOOL_INTENTS.join(', ')}` })
  intent?: ToolIntent;
}
