import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { DELIVERY_STATUSES, type DeliveryStatus } from '@voca/contracts';
import { EXAMPLE_IDS } from '../http/api-docs.js';

export const MAX_DELIVERIES_PAGE = 100;

export class ListDeliveriesQuery {
  @ApiPropertyOptional({ enum: DELIVERY_STATUSES, example: 'failed' })
  @IsOptional()
  @IsIn(DELIVERY_STATUSES)
  status?: DeliveryStatus;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_DELIVERIES_PAGE, default: 20, example: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_DELIVERIES_PAGE)
  limit?: number;

  @ApiPropertyOptional({
    format: 'uuid',
    example: EXAMPLE_IDS.delivery,
    description: 'The next_cursor of the previous page',
  })
  @IsOptional()
  @IsUUID()
  before?: string;
}
