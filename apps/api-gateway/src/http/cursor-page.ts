/**
 * A page of a cursor-paged list, from one more row than the page holds (read with `LIMIT limit + 1`): the extra row
 * only says there is a next page, whose cursor is the id of this page's last item.
 */
export function cursorPage<T>(
  rows: T[],
  limit: number,
  idOf: (item: T) => string,
): { items: T[]; next_cursor: string | null } {
  const items = rows.slice(0, limit);
  return { items, next_cursor: rows.length > limit ? idOf(items[items.length - 1]!) : null };
}
