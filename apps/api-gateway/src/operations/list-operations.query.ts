import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { EXAMPLE_IDS } from '../http/api-docs.js';

export const MAX_OPERATIONS_PAGE = 100;

export class ListOperationsQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_OPERATIONS_PAGE, default: 20, example: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_OPERATIONS_PAGE)
  limit?: number;

  @ApiPropertyOptional({
    format: 'uuid',
    example: EXAMPLE_IDS.operation,
    description: 'The next_cursor of the previous page',
  })
  @IsOptional()
  @IsUUID()
  before?: string;
}
