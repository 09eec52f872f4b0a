import { describe, expect, it } from 'vitest';
import { parseDocument } from './parse-document.js';
import { isHeadingLike } from './text-sections.js';

const readText = (text: string, name = 'policies.txt') =>
  parseDocument({ bytes: Buffer.from(text), format: 'text', name }, { maxChunks: 100 });

describe('plain-text documents', () => {
  it('starts a section at each heading-like line, titled by it, located at its text', async () => {
    const chunks = await readText(
      [
        'Northpass Outfitters policies, updated in October.',
        '',
        'RETURNS',
        'Unworn items within 60 days.',
        'Refunds in 5 business days.',
        '',
        'Gift returns',
        '',
        'Refunded as store credit.',
        '',
        'SHIPPING',
        '',
        'International',
        '',
        'We ship to 38 countries.',
        '- Duties are paid on delivery.',
        '',
        'Thank you for shopping with us',
      ].join('\n'),
    );
    expect(chunks.map(({ kind, title, text, location }) => [kind, title, text, location])).toEqual([
      ['section', 'policies', 'Northpass Outfitters policies, updated in October.', 'line 1'],
      ['section', 'RETURNS', 'Unworn items within 60 days.\nRefunds in 5 business days.', 'line 4'],
      ['section', 'Gift returns', 'Refunded as store credit.', 'line 9'],
      ['section', 'SHIPPING > International', 'We ship to 38 countries.\n- Duties are paid on delivery.', 'line 15'],
      ['section', 'Thank you for shopping with us', 'Thank you for shopping with us', 'line 18'],
    ]);
    expect(chunks[2].searchText).toBe('Gift returns\nRefunded as store credit.');
  });

  it('groups paragraphs into chunks of up to 1,500 characters', async () => {
    const paragraphs = Array.from({ length: 12 }, (_, at) => `Paragraph ${at + 1} says this. `.repeat(12).trim());
    const chunks = await readText(paragraphs.join('\n\n'));
    expect(chunks.length).toBeGreaterThan(2);
    expect(chunks.every((chunk) => chunk.text.length <= 1500 && chunk.title === 'policies')).toBe(true);
    expect(chunks[1].location).toBe(`line ${1 + 2 * paragraphs.indexOf(chunks[1].text.split('\n\n')[0])}`);
    expect(chunks.map((chunk) => chunk.text).join('\n\n')).toBe(paragraphs.join('\n\n'));
  });

  it('has no text when it is blank', async () => {
    await expect(readText(' \n\n\t\n')).rejects.toThrow('Text: the document holds no text');
  });
});

describe('isHeadingLike', () => {
  it('takes short lines that do not read as sentences, and ALL CAPS lines', () => {
    expect(isHeadingLike('Shipping & delivery', true)).toBe(true);
    expect(isHeadingLike('Can I return a gift?', true)).toBe(true);
    expect(isHeadingLike('FAQ', false)).toBe(true);
    expect(isHeadingLike('Shipping & delivery', false)).toBe(false);
    expect(isHeadingLike('We ship worldwide.', true)).toBe(false);
    expect(isHeadingLike('Our stores are at:', true)).toBe(false);
    expect(isHeadingLike('- Free returns', true)).toBe(false);
    expect(isHeadingLike('2024', true)).toBe(false);
    expect(isHeadingLike('A heading that goes on and on with far too many words to be a heading at all', true)).toBe(
      false,
    );
  });
});
