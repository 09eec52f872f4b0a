import { describe, expect, it } from 'vitest';
import { formatPrice, formatSpan, readPrice } from './prices.js';

const said = (...args: Parameters<typeof readPrice>) => {
  const price = readPrice(...args);
  return price && formatPrice(price);
};

describe('catalog prices', () => {
  it('says the currency the record gives, and none it does not', () => {
    expect(said(129, 'USD')).toBe('$129.00');
    expect(said('129.00', 'eur')).toBe('€129.00');
    expect(said(129, 'CAD')).toBe('129.00 CAD');
    expect(said('$39.00')).toBe('$39.00');
    expect(said('£24.5')).toBe('£24.50');
    expect(said('149.00')).toBe('149.00');
    expect(said(89)).toBe('89.00');
    expect(said('$89.00', 'CAD')).toBe('89.00 CAD');
  });

  it('reads amounts as businesses write them', () => {
    expect(said('1,299.00', 'USD')).toBe('$1,299.00');
    expect(said('1.299,00 €')).toBe('€1,299.00');
    expect(said('129,00', 'EUR')).toBe('€129.00');
    expect(said('USD 45')).toBe('$45.00');
  });

  it('refuses what is not one price', () => {
    for (const value of ['', 'call us', '$129 - $149', -5, Number.NaN, 1e13, true, null]) {
      expect(readPrice(value as never)).toBeUndefined();
    }
  });

  it('gives a span when prices differ', () => {
    const prices = [readPrice('149.00', 'USD')!, readPrice('129.00', 'USD')!, readPrice('149.00', 'USD')!];
    expect(formatSpan(prices)).toBe('$129.00 to $149.00');
    expect(formatSpan([readPrice(45, 'USD')!])).toBe('$45.00');
    expect(formatSpan([])).toBeUndefined();
  });
});
