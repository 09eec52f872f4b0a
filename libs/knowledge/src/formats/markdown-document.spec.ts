import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocument } from './parse-document.js';

const readMarkdown = (text: string | Buffer, name = 'faq.md') =>
  parseDocument(
    { bytes: typeof text === 'string' ? Buffer.from(text) : text, format: 'markdown', name },
    { maxChunks: 100 },
  );

describe('Markdown documents', () => {
  it('reads a help center FAQ into sections titled by their heading path', async () => {
    const chunks = await readMarkdown(
      readFileSync(new URL('../../../../test/fixtures/knowledge/help-center-faq.md', import.meta.url)),
      'help-center-faq.md',
    );
    expect(chunks.map(({ ordinal, kind, title, location }) => [ordinal, kind, title, location])).toEqual([
      [0, 'section', 'help-center-faq', 'line 5'],
      [1, 'section', 'Orders > Changing an order', 'line 12'],
      [2, 'section', 'Shipping > Rates', 'line 24'],
      [3, 'section', 'Shipping > International', 'line 32'],
      [4, 'section', 'Returns > Damaged items', 'line 44'],
      [5, 'section', 'Returns > Return window', 'line 50'],
      [6, 'section', 'Returns > Return window', 'line 58'],
    ]);
    const text = (ordinal: number): string => chunks[ordinal].text;
    expect(text(0)).toBe(
      'Answers to what customers of Northpass Outfitters ask most. Still stuck? Write to\nour team [help@northpass.example].',
    );
    expect(text(1)).toBe(
      [
        'You can change or cancel an order within 2 hours of placing it. After that it is\nalready being packed.',
        '',
        '- Sign in and open Orders',
        '- Choose the order, then Edit',
        '  - Sizes and colors can be swapped',
        '  - Items can be removed, not added',
      ].join('\n'),
    );
    expect(text(2)).toBe(
      [
        'Zone: Contiguous US; Standard: $6.95 (free over $75); Express: $18',
        'Zone: Alaska & Hawaii; Standard: $14; Express: $32',
        'Zone: Canada; Standard: $19; Express: not offered',
      ].join('\n'),
    );
    expect(text(3)).toContain(
      '1. Check the country list [https://northpass.example/pages/countries].\n2. Pick a carrier at checkout.\n\nOrders to the EU travel with DHL and take 6 to 10 business days.',
    );
    expect(chunks.every((chunk) => !/[*_`#|>]{1}\s|\*\*|\]\(/.test(chunk.text))).toBe(true);
    expect(chunks.every((chunk) => chunk.text.length <= 1500)).toBe(true);
    expect(chunks[5].searchText.startsWith('Returns > Return window\nUnworn items')).toBe(true);
    expect(chunks.some((chunk) => chunk.text.includes('updated: 2024'))).toBe(false);
  });

  it('reads setext headings, code, HTML blocks, task lists and entities', async () => {
    const chunks = await readMarkdown(
      [
        'Care guide',
        '==========',
        '',
        'Wash at 30 &#176;C &amp; dry flat.',
        '',
        '- [x] Zip pockets',
        '- [ ] Tumble dry',
        '',
        '```',
        'care-code: W30',
        '```',
        '',
        '<div class="note">Ask <b>us</b><script>x()</script></div>',
      ].join('\n'),
    );
    expect(chunks).toHaveLength(1);
    expect(chunks[0].title).toBe('Care guide');
    expect(chunks[0].location).toBe('line 4');
    expect(chunks[0].text).toBe(
      'Wash at 30 °C & dry flat.\n\n- [x] Zip pockets\n- [ ] Tumble dry\n\ncare-code: W30\n\nAsk us',
    );
  });

  it('refuses nesting deeper than any document has, which would exhaust the lexer', async () => {
    await expect(readMarkdown(`# Deep\n\n${'>'.repeat(300)} quoted`)).rejects.toMatchObject({
      message: 'Markdown: line 3 is nested too deeply (indented or quoted) to be read',
      where: { line: 3 },
    });
  });

  it('has no text when it holds only headings and markup', async () => {
    await expect(readMarkdown('# Title\n\n## Section\n\n---\n')).rejects.toThrow(
      'Markdown: the document holds no text',
    );
  });
});
