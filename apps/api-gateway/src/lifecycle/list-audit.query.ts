import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { EXAMPLE_IDS } from '../http/api-docs.js';
import { PageLimitQuery } from '../http/page-limit.query.js';

export class ListAuditQuery extends PageLimitQuery {
  @ApiPropertyOptional({
    format: 'uuid',
    example: EXAMPLE_IDS['audit entry'],
    description: 'The next_cursor of the previous page',
  })
  @IsOptional()
  @IsUUID()
  after?: string;
}
