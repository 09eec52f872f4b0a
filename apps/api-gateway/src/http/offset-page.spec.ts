import { describe, expect, it } from 'vitest';
import { offsetPage } from './offset-page.js';

describe('offsetPage', () => {
  it('gives the page with the window it was read from and the total of the whole list', () => {
    expect(offsetPage(['c', 'd'], 5, { skip: 2, limit: 2 })).toEqual({
      total: 5,
      skip: 2,
      limit: 2,
      items: ['c', 'd'],
    });
  });
});
