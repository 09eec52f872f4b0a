import { describe, expect, it } from 'vitest';
import {
  coerce,
  firstFitting,
  fits,
  missingRequired,
  nameWords,
  propertiesOf,
  type PropertySpec,
} from './argument-schema.js';

const property = (schema: Record<string, unknown>, name = 'p'): PropertySpec =>
  propertiesOf({ properties: { [name]: schema } })[0]!;

describe('propertiesOf', () => {
  it('reads properties in order, their types, descriptions and whether required', () => {
    const specs = propertiesOf({
      type: 'object',
      properties: {
        order_number: { type: 'string', description: ' The order number ' },
        email: { type: ['string', 'null'] },
        size: { enum: ['S', 'M'] },
        count: { const: 2 },
      },
      required: ['order_number', 'zip'],
    });
    expect(specs.map((s) => [s.name, [...s.types], s.required, s.description])).toEqual([
      ['order_number', ['string'], true, 'The order number'],
      ['email', ['string', 'null'], false, undefined],
      ['size', ['string'], false, undefined],
      ['count', ['integer'], false, undefined],
      ['zip', [], true, undefined],
    ]);
  });

  it('reads nothing from what is not an object schema', () => {
    expect(propertiesOf(null)).toEqual([]);
    expect(propertiesOf({ properties: [1, 2] })).toEqual([]);
    expect(propertiesOf({ properties: { a: 'x' }, required: ['a', 3] })).toEqual([
      { name: 'a', schema: {}, types: new Set(), required: true },
    ]);
  });

  it('lists the required properties still absent', () => {
    const specs = propertiesOf({ properties: { a: {}, b: {}, c: {} }, required: ['c', 'a'] });
    expect(missingRequired(specs, { a: 1 })).toEqual(['c']);
    expect(missingRequired(specs, { a: null })).toEqual(['a', 'c']);
  });
});

describe('coerce and fits', () => {
  it("converts a value to the property's type", () => {
    expect(coerce('10423', property({ type: 'integer' }))).toBe(10423);
    expect(coerce('A-10423', property({ type: 'integer' }))).toBeUndefined();
    expect(coerce('4.5', property({ type: 'number' }))).toBe(4.5);
    expect(coerce('10423', property({ type: 'string' }))).toBe('10423');
    expect(coerce(4, property({ type: 'string' }))).toBe('4');
    expect(coerce(4, property({ type: 'integer' }))).toBe(4);
    expect(coerce(4, property({ type: 'boolean' }))).toBeUndefined();
    expect(coerce('x', property({}))).toBe('x');
  });

  it('checks patterns, enums, lengths and bounds', () => {
    expect(fits('10423', property({ type: 'string', pattern: '^[0-9]{4,10}$' }))).toBe(true);
    expect(fits('A-10423', property({ type: 'string', pattern: '^[0-9]{4,10}$' }))).toBe(false);
    expect(fits('x', property({ type: 'string', pattern: '(' }))).toBe(false);
    expect(fits('M', property({ enum: ['S', 'M'] }))).toBe(true);
    expect(fits('L', property({ enum: ['S', 'M'] }))).toBe(false);
    expect(fits('ab', property({ type: 'string', minLength: 3 }))).toBe(false);
    expect(fits('abcd', property({ type: 'string', maxLength: 3 }))).toBe(false);
    expect(fits(4, property({ type: 'integer', minimum: 1, maximum: 12 }))).toBe(true);
    expect(fits(20, property({ type: 'integer', maximum: 12 }))).toBe(false);
    expect(fits(1, property({ type: 'integer', exclusiveMinimum: 1 }))).toBe(false);
    expect(fits(4.5, property({ type: 'integer' }))).toBe(false);
    expect(fits(3, property({ type: 'integer', multipleOf: 2 }))).toBe(false);
    expect(fits(2, property({ const: 2 }))).toBe(true);
    expect(fits(true, property({}))).toBe(false);
  });

  it('checks the date and time formats as ajv does', () => {
    expect(fits('2026-12-08', property({ type: 'string', format: 'date' }))).toBe(true);
    expect(fits('2026-13-08', property({ type: 'string', format: 'date' }))).toBe(false);
    expect(fits('19:00', property({ type: 'string', format: 'time' }))).toBe(false);
    expect(fits('19:00:00-05:00', property({ type: 'string', format: 'time' }))).toBe(true);
    expect(fits('19:00:00', property({ type: 'string', format: 'iso-time' }))).toBe(true);
    expect(fits('2026-12-08T19:00:00', property({ type: 'string', format: 'date-time' }))).toBe(false);
    expect(fits('2026-12-08T19:00:00Z', property({ type: 'string', format: 'date-time' }))).toBe(true);
    expect(fits('2026-12-08T19:00:00', property({ type: 'string', format: 'iso-date-time' }))).toBe(true);
    expect(fits('ann@example.com', property({ type: 'string', format: 'email' }))).toBe(true);
    expect(fits('ann', property({ type: 'string', format: 'email' }))).toBe(false);
    expect(fits('anything', property({ type: 'string', format: 'uri' }))).toBe(true);
  });

  it('takes the first candidate that fits', () => {
    const digits = property({ type: 'integer', minimum: 1000 });
    expect(firstFitting(['A-10423', '99', '10423'], digits)).toBe(10423);
    expect(firstFitting(['A-1'], digits)).toBeUndefined();
  });
});

describe('nameWords', () => {
  it('spells property names as words', () => {
    expect(nameWords('estimated_delivery')).toBe('estimated delivery');
    expect(nameWords('orderId')).toBe('order id');
    expect(nameWords('partySize')).toBe('party size');
    expect(nameWords('SKU')).toBe('sku');
    expect(nameWords('productSKUCode')).toBe('product sku code');
    expect(nameWords('number-of-guests')).toBe('number of guests');
  });
});
