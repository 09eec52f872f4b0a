import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export const MAX_PAGE = 100;
const MAX_SKIP = 1_000_000_000;

/** `?skip=&limit=` of an offset-paged list: the same bounds, defaults and errors on every list that pages so. */
export class OffsetPageQuery {
  @ApiPropertyOptional({ minimum: 0, maximum: MAX_SKIP, default: 0, example: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_SKIP)
  skip?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE, default: 20, example: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE)
  limit?: number;
}

/** A page of an offset-paged list (read with `OFFSET skip LIMIT limit`), with how many items the whole list has. */
export function offsetPage<T>(
  items: T[],
  total: number,
  { skip, limit }: { skip: number; limit: number },
): { total: number; skip: number; limit: number; items: T[] } {
  return { total, skip, limit, items };
}
