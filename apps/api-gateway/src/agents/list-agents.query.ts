import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import {
  AGENT_STATUSES,
  BUSINESS_TYPES,
  CHANNELS,
  VENDOR_ID_PATTERN,
  type AgentStatus,
  type BusinessType,
  type Channel,
} from '@voca/contracts';
import { OffsetPageQuery } from '../http/offset-page.js';

export class ListAgentsQuery extends OffsetPageQuery {
  @ApiPropertyOptional({
    enum: AGENT_STATUSES,
    example: 'active',
    description: 'Deleted agents are listed only when asked for',
  })
  @IsOptional()
  @IsIn(AGENT_STATUSES)
  status?: AgentStatus;

  @ApiPropertyOptional({
    example: 'vendor_cozy_001',
    description: 'Service tokens only; a vendor token may only name its own vendor',
  })
  @IsOptional()
  @Matches(VENDOR_ID_PATTERN, { message: 'vendor_id must be 1-64 letters, digits, _ . or -' })
  vendor_id?: string;

  @ApiPropertyOptional({ enum: CHANNELS, example: 'whatsapp' })
  @IsOptional()
  @IsIn(CHANNELS)
  channel?: Channel;

  @ApiPropertyOptional({ enum: BUSINESS_TYPES, example: 'retail' })
  @IsOptional()
  @IsIn(BUSINESS_TYPES)
  business_type?: BusinessType;
}
