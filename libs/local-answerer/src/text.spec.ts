import { describe, expect, it } from 'vitest';
import { MAX_TERMS, contentTerms, stem, term, words } from './text.js';

describe('text', () => {
  it('folds plurals, verb forms and synonyms into one term', () => {
    const same = (...forms: string[]) => expect(new Set(forms.map(term)).size, forms.join(',')).toBe(1);
    same('shipping', 'shipped', 'ships', 'delivery', 'deliveries', 'delivered');
    same('return', 'returns', 'refund', 'refunded');
    same('hours', 'hour', 'schedule');
    same('close', 'closed', 'closing');
    same('price', 'prices', 'priced', 'cost');
    same('sheet', 'sheets');
    same('wrap', 'wrapping');
    expect(stem('address')).toBe('address');
    expect(stem('business')).toBe('business');
  });

  it('keeps the meaningful words of a message', () => {
    expect(words("What's your RETURN policy??").content).toEqual(new Set(['return']));
    expect(contentTerms('All sheets are OEKO-TEX certified.')).toEqual(new Set(['sheet', 'oeko', 'tex', 'certifi']));
    expect(words('How much does it cost to send it back?').terms).toContain('return');
    expect(words('').terms).toEqual([]);
  });

  it('bounds the work done on long text', () => {
    expect(words('word '.repeat(100_000)).terms.length).toBeLessThanOrEqual(MAX_TERMS);
  });
});
