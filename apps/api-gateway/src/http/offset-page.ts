import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { PageLimitQuery } from './page-limit.query.js';

const MAX_SKIP = 1_000_000_000;

/** `?skip=&limit=` of an offset-paged list. */
export class OffsetPageQuery extends PageLimitQuery {
  @ApiPropertyOptional({ minimum: 0, maximum: MAX_SKIP, default: 0, example: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_SKIP)
  skip?: number;
}

/** A page of an offset-paged list (read with `OFFSET skip LIMIT limit`), with how many items the whole list has. */
export function offsetPage<T>(
  items: T[],
  total: number,
  { skip, limit }: { skip: number; limit: number },
): { total: number; skip: number; limit: number; items: T[] } {
  return { total, skip, limit, items };
}
