import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
} from 'class-validator';
import { VENDOR_ID_PATTERN } from '../http/agent-config.dto.js';
import { Length } from '../text/text-length.js';
import { EVENT_TYPES, type EventType } from './event-types.js';

/** Where the backend wants to hear about events, and which. */
export class CreateEventEndpointDto {
  @ApiProperty({
    example: 'https://backend.example.com/voca/events',
    description: 'HTTPS (plain HTTP only outside production)',
  })
  @IsString()
  @Length(1, 2048)
  @IsUrl(
    { protocols: ['https', 'http'], require_protocol: true, require_tld: false },
    { message: 'url must be an absolute http(s) URL' },
  )
  url: string;

  @ApiProperty({
    enum: EVENT_TYPES,
    isArray: true,
    example: ['operation.completed', 'operation.failed', 'conversation.handoff'],
  })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayUnique()
  @ArrayMaxSize(EVENT_TYPES.length)
  @IsIn(EVENT_TYPES, { each: true, message: `each value in events must be one of: ${EVENT_TYPES.join(', ')}` })
  events: EventType[];

  @ApiPropertyOptional({
    example: 'vendor_cozy_comfort',
    description:
      "With a service token: the vendor whose events it receives; omitted, it receives every vendor's. A vendor token may only name itself.",
  })
  @IsOptional()
  @IsString()
  @Matches(VENDOR_ID_PATTERN, { message: 'vendor_id must be 1-64 letters, digits, _ . or -' })
  vendor_id?: string;

  @ApiPropertyOptional({ example: 'production backend' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  description?: string;
}
