import { describe, expect, it } from 'vitest';
import { cursorPage } from './cursor-page.js';

describe('cursorPage', () => {
  it('gives the last item as the cursor only when a row beyond the page was read', () => {
    const rows = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
    expect(cursorPage(rows, 2, (row) => row.id)).toEqual({ items: [{ id: 'a' }, { id: 'b' }], next_cursor: 'b' });
    expect(cursorPage(rows, 3, (row) => row.id)).toEqual({ items: rows, next_cursor: null });
    expect(cursorPage([], 3, (row: { id: string }) => row.id)).toEqual({ items: [], next_cursor: null });
  });
});
