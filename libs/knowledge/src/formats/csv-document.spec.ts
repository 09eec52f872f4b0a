import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DocumentFormatError, DocumentLimitError } from './document-errors.js';
import { parseDocument } from './parse-document.js';

const fixture = (name: string): Buffer =>
  readFileSync(new URL(`../../../../test/fixtures/knowledge/${name}`, import.meta.url));
const readCsv = (text: string | Buffer, maxChunks = 100) =>
  parseDocument(
    { bytes: typeof text === 'string' ? Buffer.from(text) : text, format: 'csv', name: 't.csv' },
    { maxChunks },
  );

describe('CSV documents', () => {
  it('reads a WooCommerce product export: one record per row, located at the line it starts on', async () => {
    const chunks = await readCsv(fixture('woocommerce-products.csv'));
    expect(
      chunks.map(({ ordinal, title, location, price, identifiers }) => ({
        ordinal,
        title,
        location,
        price,
        identifiers,
      })),
    ).toEqual([
      {
        ordinal: 0,
        title: 'Oak Desk Lamp, Warm White',
        location: 'row 2',
        price: 39,
        identifiers: ['lampoak01', '201'],
      },
      {
        ordinal: 1,
        title: 'Wool Throw "Highland"',
        location: 'row 6',
        price: undefined,
        identifiers: ['throwwool', '202'],
      },
      {
        ordinal: 2,
        title: 'Wool Throw "Highland" - Heather',
        location: 'row 7',
        price: 89,
        identifiers: ['throwwoolhea', '203'],
      },
      {
        ordinal: 3,
        title: 'Wool Throw "Highland" - Slate',
        location: 'row 8',
        price: 79.5,
        identifiers: ['throwwoolslt', '204'],
      },
      { ordinal: 4, title: 'Fig & Cedar Candle', location: 'row 10', price: 22, identifiers: ['candlefig', '205'] },
    ]);
    const lamp = chunks[0];
    expect(lamp.kind).toBe('record');
    expect(lamp.fields).toMatchObject({
      ID: '201',
      Name: 'Oak Desk Lamp, Warm White',
      'Short description': 'Solid oak base, linen shade.',
      Description:
        'Hand-turned oak base with a linen shade.\nTakes one E27 bulb (not included).\n\nCord: 1.8 m, with an inline switch.',
      'Sale price': '39.00',
      'Regular price': '49.00',
      Parent: '',
      'Attribute 1 name': '',
    });
    expect(Object.keys(lamp.fields ?? {})).toHaveLength(21);
    expect(lamp.text.split('\n')).toEqual([
      'ID: 201',
      'Type: simple',
      'SKU: LAMP-OAK-01',
      'Name: Oak Desk Lamp, Warm White',
      'Published: 1',
      'Is featured?: 1',
      'Visibility in catalog: visible',
      'Short description: Solid oak base, linen shade.',
      'Description: Hand-turned oak base with a linen shade. Takes one E27 bulb (not included). Cord: 1.8 m, with an inline switch.',
      'In stock?: 1',
      'Stock: 14',
      'Sale price: 39.00',
      'Regular price: 49.00',
      'Categories: Home > Lighting, Home > Office',
      'Tags: oak|lamp',
      'Images: https://shop.example/wp-content/uploads/lamp.jpg',
    ]);
    expect(lamp.searchText).not.toMatch(/Regular price|Categories|https:/);
    expect(chunks[1].fields?.['Attribute 1 value(s)']).toBe('Heather, Slate');
  });

  it('finds a semicolon delimiter and reads decimal commas', async () => {
    const chunks = await readCsv(fixture('price-list-semicolon.csv'));
    expect(chunks.map(({ title, price, location }) => [title, price, location])).toEqual([
      ['Bamboo toothbrush, soft', 3.49, 'row 2'],
      ['Refill tablets (60)', 8.9, 'row 3'],
      ['Cotton tote', 1299, 'row 4'],
    ]);
    expect(chunks[0].fields).toEqual({
      SKU: 'BX-100',
      Product: 'Bamboo toothbrush, soft',
      'Price (EUR)': '3,49',
      Unit: 'piece',
      Notes: 'Compostable handle; nylon bristles',
    });
  });

  it('reads tabs, a BOM, Windows line endings, padded and blank header names', async () => {
    const chunks = await readCsv('\ufeff sku \tname\t\r\nA-1\tMug, blue\tgift\r\n\r\n');
    expect(chunks).toHaveLength(1);
    expect(chunks[0].fields).toEqual({ sku: 'A-1', name: 'Mug, blue', 'column 3': 'gift' });
  });

  it('names the line of a row with too few fields', async () => {
    const error = await readCsv('sku,name,price,stock\nA-1,Mug,12,3\n\nA-2,"Cup,\nlarge",9\n').catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(DocumentFormatError);
    expect(error).toMatchObject({
      message:
        'CSV: line 4 has 3 fields where the header has 4 (a cell holding the delimiter must be in double quotes)',
      where: { line: 4 },
    });
  });

  it('names the row where a quote is never closed, and a stray quote', async () => {
    await expect(readCsv('sku,name\nA-1,Mug\n\nA-2,"Cup\nA-3,Bowl\n')).rejects.toMatchObject({
      message: 'CSV: the row starting on line 4 opens a quote that is never closed (a closing " is missing)',
      where: { line: 4 },
    });
    await expect(readCsv('sku,name\nA-1,12" plate\n')).rejects.toMatchObject({
      message: expect.stringMatching(/^CSV: line 2 has a " inside a cell that does not start with one/) as string,
      where: { line: 2 },
    });
    await expect(readCsv('sku,name\nA-1,"12" plate"\n')).rejects.toMatchObject({
      message: expect.stringMatching(/^CSV: line 2 has text right after a closing quote/) as string,
    });
  });

  it('has no text without rows', async () => {
    await expect(readCsv('sku,name\n\n')).rejects.toThrow('CSV: the file has a header row but no rows under it');
    await expect(readCsv('\n,,\n')).rejects.toThrow('CSV: the document holds no text');
  });

  it('stops at the chunk limit without reading the rest of the file', async () => {
    const rows = Array.from({ length: 500 }, (_, at) => `SKU-${at},Item ${at},${at}.99`);
    // The last row is broken: reading it would be a DocumentFormatError, so the limit must come first.
    const text = ['sku,name,price', ...rows, 'broken,"row'].join('\n');
    const error = await readCsv(text, 10).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DocumentLimitError);
    expect(error).toMatchObject({ limit: 10 });
    await expect(readCsv(['sku,name,price', ...rows.slice(0, 10)].join('\n'), 10)).resolves.toHaveLength(10);
  });
});
