/** A page of an offset-paged list (read with `OFFSET skip LIMIT limit`), with how many items the whole list has. */
export function offsetPage<T>(
  items: T[],
  total: number,
  { skip, limit }: { skip: number; limit: number },
): { total: number; skip: number; limit: number; items: T[] } {
  return { total, skip, limit, items };
}
