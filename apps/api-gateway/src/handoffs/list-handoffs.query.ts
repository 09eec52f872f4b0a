import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { CHANNELS, HANDOFF_STATES, VENDOR_ID_PATTERN, type Channel } from '@voca/contracts';
import { EXAMPLE_IDS } from '../http/api-docs.js';
import { PageLimitQuery } from '../http/page-limit.query.js';

export class ListHandoffsQuery extends PageLimitQuery {
  @ApiPropertyOptional({ enum: HANDOFF_STATES, default: 'open', example: 'open' })
  @IsOptional()
  @IsIn(HANDOFF_STATES)
  state?: 'open' | 'resolved';

  @ApiPropertyOptional({
    example: 'vendor_cozy_comfort',
    description: 'Service tokens only; a vendor token may only name its own vendor',
  })
  @IsOptional()
  @Matches(VENDOR_ID_PATTERN, { message: 'vendor_id must be 1-64 letters, digits, _ . or -' })
  vendor_id?: string;

  @ApiPropertyOptional({ format: 'uuid', example: EXAMPLE_IDS.agent })
  @IsOptional()
  @IsUUID()
  agent_id?: string;

  @ApiPropertyOptional({ enum: CHANNELS, example: 'whatsapp' })
  @IsOptional()
  @IsIn(CHANNELS)
  channel?: Channel;

  @ApiPropertyOptional({
    format: 'uuid',
    example: EXAMPLE_IDS.handoff,
    description: 'The next_cursor of the previous page',
  })
  @IsOptional()
  @IsUUID()
  after?: string;
}
