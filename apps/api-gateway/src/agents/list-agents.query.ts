import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import {
  AGENT_STATUSES,
  BUSINESS_TYPES,
  CHANNELS,
  VENDOR_ID_PATTERN,
  type AgentStatus,
  type BusinessType,
  type Channel,
} from '@voca/contracts';

export const MAX_AGENTS_PAGE = 100;
const MAX_SKIP = 1_000_000_000;

export class ListAgentsQuery {
  @ApiPropertyOptional({ minimum: 0, maximum: MAX_SKIP, default: 0, example: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_SKIP)
  skip?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_AGENTS_PAGE, default: 20, example: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_AGENTS_PAGE)
  limit?: number;

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
