import type { KnowledgePassage } from '@voca/contracts';
import { describe, expect, it } from 'vitest';
import { readRecord, type CatalogRecord } from './catalog-record.js';
import { formatPrice } from './prices.js';
import samples from './sample-passages.json' with { type: 'json' };

const passages = samples as unknown as Record<keyof typeof samples, KnowledgePassage>;
const read = (passage: KnowledgePassage): CatalogRecord => readRecord(passage, 'cozycomfort.example')!;
const values = (record: CatalogRecord, key: string) => record.attributes.find((a) => a.key === key)?.values;
const variant = (record: CatalogRecord, ...options: string[]) =>
  record.variants.find((v) => options.every((o) => [...v.options.values()].includes(o)));

describe('readRecord', () => {
  it("reads the business's own JSON: name, SKU, price with its currency, options, a stock table, details", () => {
    const duvet = read(passages.cloudDuvet);
    expect(duvet.name).toBe('Cloud Duvet');
    expect(duvet.identifiers).toEqual(new Set(['cc1042']));
    expect(formatPrice(duvet.price!)).toBe('$129.00');
    expect(values(duvet, 'size')).toEqual(['Twin', 'Queen', 'King']);
    expect(values(duvet, 'color')).toEqual(['White', 'Sage']);
    expect(values(duvet, 'material')).toEqual(['Organic cotton']);
    expect(duvet.available).toBe(true);
    // The stock table names only some combinations: King / Sage is neither in nor out of stock.
    expect(duvet.variantsComplete).toBe(false);
    expect(variant(duvet, 'King', 'White')?.available).toBe(true);
    expect(variant(duvet, 'Queen', 'Sage')?.available).toBe(false);
    expect(variant(duvet, 'King', 'Sage')).toBeUndefined();
    expect(duvet.details).toEqual([expect.objectContaining({ label: 'thread count', value: '400' })]);
    expect(duvet.valueTerms).toEqual(expect.any(Set));
    expect(duvet.terms.has('washabl')).toBe(true);
  });

  it("reads Shopify's product: options name the variants' option1 and option2, each variant priced and stocked", () => {
    const alpine = read(passages.alpineDuvet);
    expect(alpine.name).toBe('Alpine Wool Duvet');
    expect(values(alpine, 'size')).toEqual(['Queen', 'King']);
    expect(values(alpine, 'color')).toEqual(['Natural', 'Grey']);
    expect(alpine.variantsComplete).toBe(true);
    expect(variant(alpine, 'King', 'Natural')).toMatchObject({ price: { amount: 149 }, available: true });
    expect(variant(alpine, 'Queen', 'Grey')).toMatchObject({ price: { amount: 129 }, available: false });
    // Shopify's prices carry no currency, and none is assumed.
    expect(formatPrice(variant(alpine, 'King', 'Natural')!.price!)).toBe('149.00');
    expect(alpine.identifiers.has('awd210kg')).toBe(true);
    expect(alpine.description).toBe('A warm merino wool duvet for cold winter nights.');
    // What the listing is (its handle, status, id) is never a detail to say.
    expect(alpine.details).toEqual([]);
    expect([...alpine.valueTerms]).toEqual(expect.arrayContaining(['wool', 'winter', 'cozy']));
  });

  it("reads a WooCommerce CSV row: strings everywhere, attribute pairs, 'In stock?' and a unit in the header", () => {
    const sheets = read(passages.percaleSheets);
    expect(sheets.name).toBe('Percale Sheet Set');
    expect(formatPrice(sheets.price!)).toBe('89.00');
    expect(values(sheets, 'size')).toEqual(['Twin', 'Full', 'Queen', 'King']);
    expect(values(sheets, 'color')).toEqual(['White', 'Ivory']);
    expect(sheets.available).toBe(true);
    expect(sheets.identifiers).toEqual(new Set(['ps200']));
    expect(sheets.description).toBe('Crisp, cool long-staple cotton percale.');
    expect(sheets.details).toEqual([expect.objectContaining({ label: 'weight', value: '1.2 kg' })]);
  });

  it('reads a sale, and variants written as plain objects with their own prices', () => {
    const fields = { ...passages.percaleSheets.fields, 'Sale price': '69.00' };
    const onSale = read({ ...passages.percaleSheets, fields });
    expect([formatPrice(onSale.price!), formatPrice(onSale.regularPrice!)]).toEqual(['69.00', '89.00']);
    // One price written with its currency tells the others'.
    const written = read({ ...passages.percaleSheets, fields: { ...fields, 'Regular price': '$89.00' } });
    expect([formatPrice(written.price!), formatPrice(written.regularPrice!)]).toEqual(['$69.00', '$89.00']);
    const pillow = read(passages.bambooPillow);
    expect(values(pillow, 'size')).toEqual(['Standard', 'Queen', 'King']);
    expect(variant(pillow, 'King')).toMatchObject({ price: { amount: 55, symbol: '$' }, available: false });
    expect(pillow.details).toEqual([expect.objectContaining({ label: 'fill', value: 'Shredded memory foam' })]);
    const comforter = read({ ...passages.sleepMask, fields: { name: 'Down Comforter', fill_weight_gsm: 350 } });
    expect(comforter.details).toEqual([expect.objectContaining({ label: 'fill weight', value: '350 gsm' })]);
  });

  it('reads nothing from prose, and no file names or markup from values', () => {
    expect(readRecord(passages.returnsSection, undefined)).toBeUndefined();
    const record = read({
      ...passages.sleepMask,
      fields: {
        name: '**Lavender** Sleep Mask',
        description: 'See masks.pdf for sizing. <b>Blocks all light.</b>',
        care: 'Hand wash',
      },
    });
    expect(record.name).toBe('Lavender Sleep Mask');
    expect(record.description).toBe('Blocks all light.');
  });
});
