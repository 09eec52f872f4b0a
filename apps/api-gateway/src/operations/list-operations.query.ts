import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { EXAMPLE_IDS } from '../http/api-docs.js';
import { PageLimitQuery } from '../http/page-limit.query.js';

export class ListOperationsQuery extends PageLimitQuery {
  @ApiPropertyOptional({
    format: 'uuid',
    example: EXAMPLE_IDS.operation,
    description: 'The next_cursor of the previous page',
  })
  @IsOptional()
  @IsUUID()
  before?: string;
}
