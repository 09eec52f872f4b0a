import type { KnowledgeFieldValue } from '@voca/contracts';

type Fields = Record<string, KnowledgeFieldValue>;

/** Keys already worked out: a catalog repeats the same few field names in every record. */
const KEYS = new Map<string, string>();

/** A field name as the rules below compare it: `Product Name`, `product-name` and `PRODUCT_NAME` are one key. */
export function keyOf(field: string): string {
  let key = KEYS.get(field);
  if (key === undefined) {
    key = field
      .trim()
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '_')
      .replace(/^_+|_+$/g, '');
    if (KEYS.size >= 10_000) KEYS.clear();
    KEYS.set(field, key);
  }
  return key;
}

const NAME_KEYS = ['name', 'title', 'product_name', 'product', 'label', 'question'];
const ID_KEYS = [
  'sku',
  'id',
  'product_id',
  'code',
  'product_code',
  'item_code',
  'model',
  'model_number',
  'part_number',
  'item_number',
  'mpn',
  'barcode',
  'gtin',
  'upc',
  'ean',
  'isbn',
  'handle',
];
/** Price fields by preference: a sale price is what the customer pays now; a cost or amount is a weaker sign. */
const PRICE_KEYS = ['sale_price', 'price', 'unit_price', 'regular_price', 'retail_price', 'list_price'];
const WEAK_PRICE_KEYS = ['cost', 'amount'];
const VARIANT_KEYS = ['variants', 'variations'];
const VARIANT_ID_KEYS = ['sku', 'barcode'];

/** The record's name (its name or title field), else its SKU or id; undefined when it has none. */
export function titleOf(fields: FieldIndex): string | undefined {
  for (const key of [...NAME_KEYS, ...ID_KEYS]) {
    const value = fields.get(key);
    if (typeof value === 'number') return String(value);
    if (typeof value === 'string' && value.trim()) return value.replace(/\s+/g, ' ').trim().slice(0, 200);
  }
  return undefined;
}

/**
 * The record's price when a price-like field holds a number or a numeric string (`$49.99`, `49,99`, `1.299,00 €`);
 * for a record without one whose variants have prices (Shopify's `variants: [{ price: "19.99" }]`), the lowest.
 */
export function priceOf(fields: FieldIndex): number | undefined {
  const own = ownPrice(fields);
  if (own !== undefined) return own;
  const prices = variantsOf(fields)
    .map(ownPrice)
    .filter((price) => price !== undefined);
  return prices.length > 0 ? prices.reduce((lowest, price) => Math.min(lowest, price)) : undefined;
}

function ownPrice(fields: FieldIndex): number | undefined {
  const generic = [...fields.keys()].filter((key) => /(^|_)price(_|$)/.test(key));
  for (const key of [...PRICE_KEYS, ...generic, ...WEAK_PRICE_KEYS]) {
    const price = priceValue(fields.get(key));
    if (price !== undefined) return price;
  }
  return undefined;
}

/** A price from a number or from a string holding one amount, whatever its currency sign and separators. */
export function priceValue(value: KnowledgeFieldValue | undefined): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const match = /\d[\d\s.,']*/.exec(value);
  if (!match || /-\s*$/.test(value.slice(0, match.index))) return undefined;
  const amount = match[0].replace(/[\s']/g, '').replace(/[.,]+$/, '');
  const price = Number(withDotDecimal(amount));
  return Number.isFinite(price) ? price : undefined;
}

/** `1,299.00`, `1.299,00`, `49,99`, `1,299`: the last separator is the decimal point unless it groups thousands. */
function withDotDecimal(amount: string): string {
  const lastComma = amount.lastIndexOf(',');
  const lastDot = amount.lastIndexOf('.');
  if (lastComma >= 0 && lastDot >= 0) {
    const decimal = lastComma > lastDot ? ',' : '.';
    const grouping = decimal === ',' ? '.' : ',';
    return amount.split(grouping).join('').replace(decimal, '.');
  }
  if (lastComma >= 0) {
    return /^\d{1,3}(,\d{3})+$/.test(amount)
      ? amount.replace(/,/g, '')
      : amount.replace(/,(?=\d*$)/, '.').replace(/,/g, '');
  }
  const dots = amount.split('.').length - 1;
  return dots > 1 ? amount.replace(/\.(?=.*\.)/g, '') : amount;
}

/**
 * The record's identifiers (SKU, id, code, model, barcode, handle, its variants' SKUs and barcodes), lower-cased,
 * letters and digits only, each once.
 */
export function identifiersOf(fields: FieldIndex): string[] {
  const values = ID_KEYS.flatMap((key) => scalars(fields.get(key)));
  for (const variant of variantsOf(fields)) {
    values.push(...VARIANT_ID_KEYS.flatMap((key) => scalars(variant.get(key))));
  }
  const identifiers = values.map((value) =>
    value
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]/gu, ''),
  );
  return [...new Set(identifiers.filter((identifier) => identifier.length > 0))];
}

function variantsOf(fields: FieldIndex): FieldIndex[] {
  return VARIANT_KEYS.flatMap((key) => {
    const value = fields.get(key);
    return Array.isArray(value) ? value.filter(isFields).map(indexFields) : [];
  });
}

function scalars(value: KnowledgeFieldValue | undefined): string[] {
  if (typeof value === 'string' || typeof value === 'number') return [String(value)];
  return Array.isArray(value) ? value.flatMap((item) => (Array.isArray(item) ? [] : scalars(item))) : [];
}

/** A record's fields by `keyOf` their names (the first of two that compare equal wins). */
export type FieldIndex = ReadonlyMap<string, KnowledgeFieldValue>;

export function indexFields(fields: Fields): FieldIndex {
  const index = new Map<string, KnowledgeFieldValue>();
  for (const [field, value] of Object.entries(fields)) {
    const key = keyOf(field);
    if (!index.has(key)) index.set(key, value);
  }
  return index;
}

export function isFields(value: KnowledgeFieldValue | undefined): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
