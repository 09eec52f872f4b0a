import { describe, expect, it } from 'vitest';
import { awaitingUpload } from './awaiting-upload.js';

const SPEC_KNOWLEDGE_BASE = {
  product_catalog: 'bedding_products.json',
  return_policy: '30-day returns',
  shipping_info: 'Free shipping over $50',
};

describe('awaitingUpload', () => {
  it("lists the spec's product_catalog while no document answers for it, and nothing that states a fact", () => {
    expect(awaitingUpload(SPEC_KNOWLEDGE_BASE, new Set())).toEqual(['product_catalog']);
  });

  it('is satisfied by an answering document named by the key or by the file', () => {
    expect(awaitingUpload(SPEC_KNOWLEDGE_BASE, new Set(['product_catalog']))).toEqual([]);
    expect(awaitingUpload(SPEC_KNOWLEDGE_BASE, new Set(['bedding_products.json']))).toEqual([]);
    expect(awaitingUpload(SPEC_KNOWLEDGE_BASE, new Set(['Bedding_Products.json', 'catalog']))).toEqual([
      'product_catalog',
    ]);
  });

  it('reads every document extension, in any case, and the value trimmed', () => {
    const base = {
      a: 'a.csv',
      b: 'b.MD',
      c: 'c.markdown',
      d: 'd.txt',
      e: ' e.html ',
      f: 'f.htm',
      g: 'g.pdf',
      h: 'h.docx',
      i: 'json',
      j: 'Prices are in the .json file we sent you',
    };
    expect(awaitingUpload(base, new Set(['e.html']))).toEqual(['a', 'b', 'c', 'd', 'f', 'g']);
  });

  it('finds nothing in a knowledge base of statements, or none', () => {
    expect(awaitingUpload(['Gift wrap is free', 'see catalog.pdf'], new Set())).toEqual([]);
    expect(awaitingUpload(undefined, new Set())).toEqual([]);
  });
});
