import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocument } from './parse-document.js';

const readHtml = (html: string | Buffer, name = 'page.html') =>
  parseDocument(
    { bytes: typeof html === 'string' ? Buffer.from(html) : html, format: 'html', name },
    { maxChunks: 100 },
  );

describe('HTML documents', () => {
  it('reads a store page by its headings, without scripts, styles, navigation or images', async () => {
    const chunks = await readHtml(
      readFileSync(new URL('../../../../test/fixtures/knowledge/store-page.html', import.meta.url)),
      'shipping.html',
    );
    expect(chunks.map(({ kind, title, text, location }) => ({ kind, title, text, location }))).toEqual([
      {
        kind: 'section',
        title: 'shipping',
        text: 'Free standard shipping on orders over $75 within the contiguous US.',
        location: 'section 1',
      },
      {
        kind: 'section',
        title: 'Shipping & returns',
        text: 'Orders placed before 1 pm Pacific ship the same business day.',
        location: 'section 2',
      },
      {
        kind: 'section',
        title: 'Shipping & returns > Shipping',
        text: "Track a parcel on the carrier's site [https://carrier.example/track] or on your orders page.",
        location: 'section 3',
      },
      {
        kind: 'section',
        title: 'Shipping & returns > Shipping > Delivery times',
        text: 'Zone: West coast; Days: 2-3\nZone: East coast; Days: 4-6',
        location: 'section 4',
      },
      {
        kind: 'section',
        title: 'Shipping & returns > Returns',
        text: [
          '- Unworn items within 60 days\n- Free exchanges',
          'Questions? Email our team [help@northpass.example].',
          'Northpass Outfitters, 418 Alder St, Portland, OR',
        ].join('\n\n'),
        location: 'section 5',
      },
    ]);
    const everything = chunks.map((chunk) => `${chunk.title}\n${chunk.text}`).join('\n');
    expect(everything).not.toMatch(/marker|font-family|analytics|Shop all|<|\/account\/orders/);
  });

  it('reads a fragment with no body, and headings nested in other elements', async () => {
    const chunks = await readHtml(
      '<section><div><h2>Gift cards</h2></div><p>They never expire.</p><h2><img src="x.png"></h2><p>Sold online.</p></section>',
    );
    expect(chunks.map(({ title, text }) => [title, text])).toEqual([
      ['Gift cards', 'They never expire.\n\nSold online.'],
    ]);
  });

  it('reads what is shallow in a page nested absurdly deep, without exhausting the stack', async () => {
    const html = `<p>Top</p>${'<div>'.repeat(20_000)}<p>Deep</p>${'</div>'.repeat(20_000)}`;
    const chunks = await readHtml(html);
    expect(chunks.map((chunk) => chunk.text)).toEqual(['Top']);
  });

  it('has no text when only scripts and images are there', async () => {
    await expect(readHtml('<html><body><script>x()</script><img src="a.png"></body></html>')).rejects.toThrow(
      'HTML: the document holds no text',
    );
  });
});
