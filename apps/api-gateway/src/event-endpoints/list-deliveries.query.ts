import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { DELIVERY_STATUSES, type DeliveryStatus } from '@voca/contracts';
import { EXAMPLE_IDS } from '../http/api-docs.js';
import { PageLimitQuery } from '../http/page-limit.query.js';

export class ListDeliveriesQuery extends PageLimitQuery {
  @ApiPropertyOptional({ enum: DELIVERY_STATUSES, example: 'failed' })
  @IsOptional()
  @IsIn(DELIVERY_STATUSES)
  status?: DeliveryStatus;

  @ApiPropertyOptional({
    format: 'uuid',
    example: EXAMPLE_IDS.delivery,
    description: 'The next_cursor of the previous page',
  })
  @IsOptional()
  @IsUUID()
  before?: string;
}
