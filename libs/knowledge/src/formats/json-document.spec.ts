import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DocumentFormatError } from './document-errors.js';
import { parseDocument } from './parse-document.js';

const fixture = (name: string): Buffer =>
  readFileSync(new URL(`../../../../test/fixtures/knowledge/${name}`, import.meta.url));
const readJson = (json: unknown, name = 'doc.json') =>
  parseDocument(
    { bytes: Buffer.from(typeof json === 'string' ? json : JSON.stringify(json, null, 2)), format: 'json', name },
    { maxChunks: 100 },
  );

describe('JSON documents', () => {
  it('reads a Shopify products.json: one record per product, priced by its cheapest variant', async () => {
    const chunks = await parseDocument(
      { bytes: fixture('shopify-products.json'), format: 'json', name: 'products.json' },
      { maxChunks: 100 },
    );
    expect(
      chunks.map(({ ordinal, kind, title, location, price }) => ({ ordinal, kind, title, location, price })),
    ).toEqual([
      { ordinal: 0, kind: 'record', title: 'Ridgeline Trail Runner', location: 'record 1', price: 119 },
      { ordinal: 1, kind: 'record', title: 'Merino Ridge Beanie', location: 'record 2', price: 34.5 },
      { ordinal: 2, kind: 'record', title: 'Enamel Camp Mug', location: 'record 3', price: 18 },
    ]);
    const [shoe, , mug] = chunks;
    expect(shoe.identifiers).toEqual(['8123450001', 'ridgelinetrailrunner', 'rtr08slt', 'rtr09slt', 'rtr09emb']);
    expect(mug.identifiers).toEqual(['8123450003', 'enamelcampmug']);
    expect((shoe.fields?.variants as unknown[]).length).toBe(3);
    expect(shoe.fields?.options).toEqual([
      { name: 'Size', position: 1, values: ['8', '9'] },
      { name: 'Color', position: 2, values: ['Slate', 'Ember'] },
    ]);
    const lines = shoe.text.split('\n');
    expect(lines).toContain('title: Ridgeline Trail Runner');
    expect(lines).toContain('tags: running, trail, waterproof');
    expect(lines).toContain(
      'body_html: A light trail shoe with a rock plate and 5 mm lugs, for muddy climbs and fast descents. - Weight: 290 g - Drop: 6 mm',
    );
    expect(lines).toContain(
      'variants 2: id: 45012000102; title: 9 / Slate; option1: 9; option2: Slate; sku: RTR-09-SLT; requires_shipping: yes; taxable: yes; available: no; price: 119.00; grams: 300; compare_at_price: 149.00; position: 2; product_id: 8123450001',
    );
    expect(lines).toContain('options 2: name: Color; position: 2; values: Slate, Ember');
    expect(shoe.searchText.startsWith('Ridgeline Trail Runner\n')).toBe(true);
    expect(shoe.searchText).toContain('Northpass Outfitters');
    expect(shoe.searchText).toContain('RTR-09-EMB');
    expect(shoe.searchText).not.toMatch(/price|vendor|body_html|<p>|2024-03-01T|cdn\.shop\.example/);
  });

  it('keeps nested objects as dotted lines and caps a long record', async () => {
    const [chunk] = await readJson([
      {
        sku: 'PK-40',
        name: 'Summit 40 pack',
        specs: { volume_l: 40, frame: { material: 'aluminium', removable: true }, colors: ['red', 'black'] },
        description: 'Roomy. '.repeat(1000),
      },
    ]);
    expect(chunk.text.split('\n').slice(0, 6)).toEqual([
      'sku: PK-40',
      'name: Summit 40 pack',
      'specs.volume_l: 40',
      'specs.frame.material: aluminium',
      'specs.frame.removable: yes',
      'specs.colors: red, black',
    ]);
    expect(chunk.text.length).toBeLessThanOrEqual(4001);
    expect(chunk.text.endsWith('…')).toBe(true);
    expect(chunk.fields?.description).toBe('Roomy. '.repeat(1000));
    expect(chunk.identifiers).toEqual(['pk40']);
    expect(chunk.price).toBeUndefined();
  });

  it('titles a record with no name or id by its place', async () => {
    const chunks = await readJson({ items: [{ color: 'red', size: 'M', price: '$12' }, { color: 'blue' }] });
    expect(chunks.map(({ title, location, price, searchText }) => ({ title, location, price, searchText }))).toEqual([
      { title: 'record 1', location: 'record 1', price: 12, searchText: 'record 1\nred\nM\n$12' },
      { title: 'record 2', location: 'record 2', price: undefined, searchText: 'record 2\nblue' },
    ]);
  });

  it('reads nested policies as one section per key, located at its line', async () => {
    const chunks = await readJson(
      {
        returns: { window_days: 60, conditions: ['unworn', 'tags attached'], final_sale: 'no returns' },
        shipping: 'Free over $75.\n\nExpress in 2 days.',
        loyalty: { tiers: { silver: '5% off', gold: '10% off' } },
      },
      'policies.json',
    );
    expect(chunks.map(({ kind, title, text, location }) => ({ kind, title, text, location }))).toEqual([
      {
        kind: 'section',
        title: 'returns',
        text: 'window_days: 60\nconditions: unworn, tags attached\nfinal_sale: no returns',
        location: 'line 2',
      },
      { kind: 'section', title: 'shipping', text: 'Free over $75.\n\nExpress in 2 days.', location: 'line 10' },
      { kind: 'section', title: 'loyalty', text: 'tiers.silver: 5% off\ntiers.gold: 10% off', location: 'line 11' },
    ]);
    expect(chunks[1].searchText).toBe('shipping\nFree over $75.\n\nExpress in 2 days.');
    expect(chunks.every((chunk) => chunk.fields === undefined && chunk.price === undefined)).toBe(true);
  });

  it('divides a long object by its keys, splits a long text, and finds a catalog beside other keys', async () => {
    const long = 'We answer within a day. '.repeat(70);
    const chunks = await readJson({
      store: { name: 'Northpass', about: long, hours: { weekdays: '9-5' } },
      products: [{ sku: 'A-1', title: 'Mug' }],
      count: 1,
      next: 'https://shop.example/products.json?page=2',
    });
    expect(chunks.map(({ kind, title, location }) => [kind, title, location])).toEqual([
      ['section', 'store > name', 'line 3'],
      ['section', 'store > about', 'line 4'],
      ['section', 'store > about', 'line 4'],
      ['section', 'store > hours', 'line 5'],
      ['record', 'Mug', 'record 1'],
    ]);
  });

  it('reads an array of strings as one section each', async () => {
    const chunks = await readJson(['Gift cards never expire.', 'We do not sell your data.'], 'notes.json');
    expect(chunks.map(({ kind, title, text, location }) => [kind, title, text, location])).toEqual([
      ['section', 'notes', 'Gift cards never expire.', 'record 1'],
      ['section', 'notes', 'We do not sell your data.', 'record 2'],
    ]);
  });

  it('shows values nested past a few levels as an ellipsis', async () => {
    const deep = `{"guide": ${'{"more": '.repeat(50_000)}"x"${'}'.repeat(50_000)}}`;
    const [chunk] = await readJson(deep);
    expect(chunk.title).toBe('guide');
    expect(chunk.text).toBe('more.more.more: more: more: more: more: …');
  });

  it('drops NUL characters a \\u0000 escape would put in the text', async () => {
    const [chunk] = await readJson('[{"name": "Mug\\u0000 large"}]');
    expect(chunk.title).toBe('Mug large');
    expect(chunk.fields).toEqual({ name: 'Mug large' });
  });

  it('names the line and column of a syntax error', async () => {
    const text = readFileSync(
      new URL('../../../../test/fixtures/knowledge/shopify-products.json', import.meta.url),
      'utf8',
    ).replace('"vendor": "Northpass Outfitters",', '"vendor": "Northpass Outfitters"');
    const error = await readJson(text).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DocumentFormatError);
    expect(error).toMatchObject({
      message: `JSON: unexpected '"' where ',' or '}' belongs (is a comma missing?) at line 12, column 7`,
      where: { line: 12, column: 7 },
    });
  });

  it('has no text in an empty array, object or null', async () => {
    for (const empty of ['[]', '{}', 'null', '[{}, {"tags": []}]', '{"products": []}']) {
      await expect(readJson(empty)).rejects.toThrow(new DocumentFormatError('JSON: the document holds no text'));
    }
  });
});
