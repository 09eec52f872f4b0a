import { describe, expect, it } from 'vitest';
import { orderReferences, productCodes } from './codes.js';

describe('orderReferences', () => {
  it('reads digits and alphanumeric references, without the #', () => {
    expect(orderReferences('where is my order 10423?')).toEqual(['10423']);
    expect(orderReferences('Has order #A-10423 shipped?')).toEqual(['A-10423']);
    expect(orderReferences('it’s #10423')).toEqual(['10423']);
    expect(orderReferences('# 55012 please')).toEqual(['55012']);
    expect(orderReferences('10423')).toEqual(['10423']);
    expect(orderReferences('my ref is ORD_2026/77')).toEqual(['ORD_2026/77']);
  });

  it('puts a code written after an order word or a # first', () => {
    expect(orderReferences('I live at 221 Baker St, my order number is 99881')).toEqual(['99881', '221']);
    expect(orderReferences('call 5550123 about pedido nº 4455')).toEqual(['4455', '5550123']);
  });

  it('takes a # code without digits, never a plain word', () => {
    expect(orderReferences('order #ABCDE')).toEqual(['ABCDE']);
    expect(orderReferences('order ABCDE')).toEqual([]);
  });

  it('does not take times, dates, sizes, amounts or small counts for a reference', () => {
    expect(orderReferences('tomorrow at 7pm or 19:00, 19h30, 12/08, 2026-12-08 for 4')).toEqual([]);
    expect(orderReferences('the 8th, 500ml, 30cm, 2x4, 3XL, $12.50')).toEqual([]);
  });

  it('does not take the groups of a phone number for references, unless named', () => {
    expect(orderReferences('call me on +44 20 7946 0958')).toEqual([]);
    expect(orderReferences('(555) 123-4567, order 10423')).toEqual(['10423']);
    expect(orderReferences('order 4455667')).toEqual(['4455667']);
  });

  it('keeps at most ten, once each', () => {
    expect(orderReferences('111, 111, 222')).toEqual(['111', '222']);
    expect(orderReferences(Array.from({ length: 20 }, (_, i) => `${1000 + i}`).join(', '))).toHaveLength(10);
  });
});

describe('productCodes', () => {
  it('reads SKU-looking codes as written, then long digit codes', () => {
    expect(productCodes('do you have SKU BS-100 available?')).toEqual(['BS-100']);
    expect(productCodes('is awd210-kg in stock, or 0123456789?')).toEqual(['awd210-kg', '0123456789']);
  });

  it('leaves words, times, sizes and short numbers alone', () => {
    expect(productCodes('is the queen bedding set in stock?')).toEqual([]);
    expect(productCodes('do you have 2 of the 500ml bottles at 5pm')).toEqual([]);
  });
});
