import { describe, expect, it } from 'vitest';
import { identifiersOf, indexFields, keyOf, priceOf, priceValue, titleOf } from './record-facts.js';

describe('priceValue', () => {
  it('reads amounts whatever their currency sign and separators', () => {
    expect(priceValue(49.99)).toBe(49.99);
    expect(priceValue('$49.99')).toBe(49.99);
    expect(priceValue('49,99')).toBe(49.99);
    expect(priceValue('€ 1.299,00')).toBe(1299);
    expect(priceValue('1,299.50 USD')).toBe(1299.5);
    expect(priceValue('$1,299')).toBe(1299);
    expect(priceValue("CHF 1'250.00")).toBe(1250);
    expect(priceValue('From 19.99 to 29.99')).toBe(19.99);
    expect(priceValue('0')).toBe(0);
  });

  it('is no price when no amount is there', () => {
    expect(priceValue('')).toBeUndefined();
    expect(priceValue('Call for a quote')).toBeUndefined();
    expect(priceValue('-5')).toBeUndefined();
    expect(priceValue(null)).toBeUndefined();
    expect(priceValue(true)).toBeUndefined();
    expect(priceValue(Number.NaN)).toBeUndefined();
  });
});

describe('record facts', () => {
  it('compares field names however they are written', () => {
    expect(keyOf(' Product Name ')).toBe('product_name');
    expect(keyOf('Price (USD)')).toBe('price_usd');
    expect(keyOf('In stock?')).toBe('in_stock');
  });

  it('takes the sale price first, then any price-like field, then a variant list', () => {
    expect(priceOf(indexFields({ 'Sale price': '', 'Regular price': '49.00' }))).toBe(49);
    expect(priceOf(indexFields({ 'Sale price': '39.00', 'Regular price': '49.00' }))).toBe(39);
    expect(priceOf(indexFields({ price_usd: '12' }))).toBe(12);
    expect(priceOf(indexFields({ Cost: 7 }))).toBe(7);
    expect(priceOf(indexFields({ variants: [{ price: '24.00' }, { price: '19.99' }, { price: 'n/a' }] }))).toBe(19.99);
    expect(priceOf(indexFields({ name: 'Gift wrap' }))).toBeUndefined();
  });

  it('names a record by its name or title, else its SKU or id', () => {
    expect(titleOf(indexFields({ SKU: 'A-1', Name: '  Trail  Mug ' }))).toBe('Trail Mug');
    expect(titleOf(indexFields({ product_name: 'Beanie', label: 'x' }))).toBe('Beanie');
    expect(titleOf(indexFields({ sku: 'A-1', id: 4 }))).toBe('A-1');
    expect(titleOf(indexFields({ id: 4 }))).toBe('4');
    expect(titleOf(indexFields({ color: 'red' }))).toBeUndefined();
  });

  it("gathers identifiers, its variants' SKUs included, lower-cased and compacted, each once", () => {
    const fields = indexFields({
      ID: 101,
      SKU: 'TEE-BLK',
      handle: 'Classic-Tee',
      barcode: '',
      variants: [{ sku: 'TEE-BLK-S' }, { sku: 'tee blk s' }, { sku: null }],
    });
    expect(identifiersOf(fields)).toEqual(['teeblk', '101', 'classictee', 'teeblks']);
  });
});
