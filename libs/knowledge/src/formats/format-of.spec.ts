import { describe, expect, it } from 'vitest';
import { documentTitle, formatOf } from './format-of.js';

describe('formatOf', () => {
  it('reads a specific content type first, whatever the name says', () => {
    expect(formatOf('catalog', 'application/json')).toBe('json');
    expect(formatOf('export.txt', 'text/csv; charset=utf-8')).toBe('csv');
    expect(formatOf('faq', 'text/markdown')).toBe('markdown');
    expect(formatOf('page', 'TEXT/HTML')).toBe('html');
    expect(formatOf('scan.bin', 'application/pdf')).toBe('pdf');
    expect(formatOf('notes', 'text/plain')).toBe('text');
  });

  it('falls back to the extension when the type is generic or missing', () => {
    expect(formatOf('products.JSON', 'application/octet-stream')).toBe('json');
    expect(formatOf('Products Export.csv', 'application/vnd.ms-excel')).toBe('csv');
    expect(formatOf('docs/faq.markdown')).toBe('markdown');
    expect(formatOf('faq.md')).toBe('markdown');
    expect(formatOf('policy.txt')).toBe('text');
    expect(formatOf('about.htm')).toBe('html');
    expect(formatOf('guide.pdf', '')).toBe('pdf');
  });

  it('lets a text/plain upload keep the text format its extension names', () => {
    expect(formatOf('faq.md', 'text/plain')).toBe('markdown');
    expect(formatOf('prices.csv', 'text/plain')).toBe('csv');
    expect(formatOf('guide.pdf', 'text/plain')).toBe('text');
  });

  it('knows no other format', () => {
    expect(formatOf('sheet.xlsx')).toBeUndefined();
    expect(formatOf('README')).toBeUndefined();
    expect(formatOf('.csv')).toBeUndefined();
    expect(formatOf('photo.png', 'image/png')).toBeUndefined();
  });
});

describe('documentTitle', () => {
  it("is the name without its format's extension", () => {
    expect(documentTitle('returns-policy.md')).toBe('returns-policy');
    expect(documentTitle('product_catalog')).toBe('product_catalog');
    expect(documentTitle('notes.v2.txt')).toBe('notes.v2');
    expect(documentTitle('archive.zip')).toBe('archive.zip');
  });
});
