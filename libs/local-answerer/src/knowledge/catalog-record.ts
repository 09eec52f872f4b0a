import type { KnowledgeFieldValue, KnowledgePassage } from '@voca/contracts';
import { contentTerms } from '../text.js';
import {
  countOf,
  fieldsByKey,
  keyWords,
  listedValues,
  MAX_LIST_ITEMS,
  scalarText,
  spokenText,
  truthOf,
  type Fields,
} from './field-values.js';
import { currencyWritten, readPrice, type Price } from './prices.js';
import {
  attributeKey,
  attributesFromVariants,
  identifierOf,
  roleOf,
  stockTableVariants,
  variantsOf,
  type Attribute,
  type Variant,
} from './variants.js';

/**
 * One product of a business's catalog, read from a retrieved record whatever its shape: the business's own JSON,
 * Shopify's product (`variants`, `options`), or a CSV row (WooCommerce's "Regular price", "Attribute 1 name"...).
 * Each field is given its role (name, price, sizes, colours, materials, stock...); what is left are details asked for
 * by their name ("thread count").
 */
export interface CatalogRecord {
  passage: KnowledgePassage;
  name: string;
  nameTerms: Set<string>;
  identifiers: Set<string>;
  /** What a customer pays: the sale price when there is one. */
  price?: Price;
  /** The price before a sale. */
  regularPrice?: Price;
  attributes: Attribute[];
  variants: Variant[];
  /** The variants are every combination sold (Shopify's list), not only the ones a stock table mentions. */
  variantsComplete: boolean;
  /** The product as a whole in stock or not; undefined when the record does not say. */
  available?: boolean;
  description?: string;
  details: Detail[];
  /** Terms of the values that describe it (options, materials, category, tags, brand): "organic cotton duvets". */
  valueTerms: Set<string>;
  /** Terms of everything it says, description and details included. */
  terms: Set<string>;
}

/** A field with no role of its own, said when asked for by name ("what's the thread count?"). */
export interface Detail {
  /** Its name as words, without a unit: "thread count", "weight". */
  label: string;
  labelTerms: Set<string>;
  /** The value said ("400", "2.5 kg"), or a yes/no ("hypoallergenic: true"). */
  value: string | boolean;
  terms: Set<string>;
}

const NAME_KEYS = ['name', 'title', 'product name', 'product title', 'item name'];
const ID_KEYS = ['sku', 'id', 'barcode', 'gtin', 'upc', 'ean', 'mpn', 'model', 'model number', 'item number'];
const PRICE_KEYS = ['price', 'regular price', 'unit price', 'list price', 'retail price', 'msrp', 'cost'];
const SALE_KEYS = ['sale price', 'special price', 'discounted price', 'discount price', 'offer price'];
const WAS_KEYS = ['compare at price', 'original price', 'was price'];
const CURRENCY_KEYS = ['currency', 'currency code', 'price currency'];
const AVAILABLE_KEYS = [
  'in stock',
  'instock',
  'is in stock',
  'available',
  'is available',
  'availability',
  'stock status',
];
const COUNT_KEYS = ['stock', 'inventory', 'inventory quantity', 'stock quantity', 'quantity', 'qty', 'units in stock'];
const DESCRIPTION_KEYS = ['short description', 'description', 'body html', 'body', 'summary', 'product description'];
const KIND_KEYS = ['category', 'categories', 'product type', 'collection', 'collections', 'tags', 'vendor', 'brand'];
/** Fields about the listing rather than the product: never said. */
const INTERNAL =
  /\b(?:ids?|urls?|links?|handle|images?|src|position|created|updated|published|status|template|graphql|visible|global|visibility|featured|tax|taxable|backorders|reviews|parent|upsells|cross sells|grouped|downloads?|button|date|meta|purchase note|individually|shipping class|requires shipping|fulfillment|inventory policy|inventory management|variants?|variations?|options?|attribute \d+ (?:name|value s))\b|^type$/;

/** Undefined for a prose section or a record with neither a name nor a title. */
export function readRecord(passage: KnowledgePassage, host: string | undefined): CatalogRecord | undefined {
  if (passage?.kind !== 'record') return undefined;
  const fields = fieldsByKey(passage.fields);
  const first = (keys: readonly string[]) => keys.map((k) => fields.get(k)).find((f) => f !== undefined);
  const textOf = (keys: readonly string[], max?: number) => {
    const text = scalarText(first(keys)?.value);
    return text === undefined ? undefined : spokenText(text, host, max);
  };

  const name =
    textOf(NAME_KEYS, 200) ?? (typeof passage.title === 'string' ? spokenText(passage.title, host, 200) : undefined);
  if (!name) return undefined;
  const variantList = first(['variants', 'variations'])?.value;
  const currency = scalarText(first(CURRENCY_KEYS)?.value) ?? currencyOfPrices(fields, variantList);
  const { price, regularPrice } = pricePaid(
    (keys) => readPrice(first(keys)?.value, currency),
    typeof passage.price === 'number' ? readPrice(passage.price, currency) : undefined,
  );

  const attributes = attributesOf(fields, host);
  const optionNames = optionNamesOf(fields.get('options')?.value);
  const listed = variantsOf(variantList, optionNames, currency, host);
  const table = COUNT_KEYS.map((k) => fields.get(k)?.value).find(
    (value) => value && typeof value === 'object' && !Array.isArray(value),
  );
  const labels = new Map(optionNames.map((label) => [attributeKey(label), label]));
  const found = attributesFromVariants(listed, labels).filter((a) => !attributes.some((b) => b.key === a.key));
  attributes.push(...found);
  const variants = listed.length > 0 ? listed : stockTableVariants(table, attributes);

  const description = textOf(DESCRIPTION_KEYS, 1_000);
  const details = detailsOf(fields, host);
  const identifiers = new Set(
    [...ID_KEYS.map((k) => identifierOf(fields.get(k)?.value)), ...variants.flatMap((v) => v.identifiers)].filter(
      (id): id is string => id !== undefined,
    ),
  );
  const kinds = KIND_KEYS.flatMap((k) => listedValues(fields.get(k)?.value, host));
  const nameTerms = contentTerms(name);
  const valueTerms = new Set([...attributes.flatMap((a) => a.values), ...kinds].flatMap((v) => [...contentTerms(v)]));
  const idTerms = ID_KEYS.flatMap((k) => [...contentTerms(scalarText(fields.get(k)?.value))]);
  return {
    passage,
    name,
    nameTerms,
    identifiers,
    ...(price ? { price } : {}),
    ...(regularPrice ? { regularPrice } : {}),
    attributes,
    variants,
    variantsComplete: listed.length > 0,
    ...availabilityOf(first(AVAILABLE_KEYS)?.value, first(COUNT_KEYS)?.value),
    ...(description ? { description } : {}),
    details,
    valueTerms,
    terms: new Set([
      ...nameTerms,
      ...valueTerms,
      ...idTerms,
      ...contentTerms(description),
      ...details.flatMap((d) => [...d.terms]),
    ]),
  };
}

/** The price paid and, on a sale, the price before it; the retrieval's own reading when no field gives one. */
function pricePaid(
  read: (keys: readonly string[]) => Price | undefined,
  retrieved: Price | undefined,
): { price?: Price; regularPrice?: Price } {
  const listed = read(PRICE_KEYS) ?? retrieved;
  const sale = read(SALE_KEYS);
  const was = read(WAS_KEYS);
  if (listed && sale && sale.amount < listed.amount) return { price: sale, regularPrice: listed };
  if (listed && was && was.amount > listed.amount) return { price: listed, regularPrice: was };
  return listed ? { price: listed } : sale ? { price: sale } : {};
}

/** The currency one of its prices is written with ("$89.00"): that of its others written without one ("69.00"). */
function currencyOfPrices(fields: Fields, variants: KnowledgeFieldValue | undefined): string | undefined {
  const prices = [...PRICE_KEYS, ...SALE_KEYS, ...WAS_KEYS].map((k) => fields.get(k)?.value);
  for (const variant of Array.isArray(variants) ? variants.slice(0, MAX_LIST_ITEMS) : []) {
    if (variant && typeof variant === 'object' && !Array.isArray(variant)) prices.push(variant.price);
  }
  return prices.map(currencyWritten).find((c) => c !== undefined);
}

function availabilityOf(
  flag: KnowledgeFieldValue | undefined,
  count: KnowledgeFieldValue | undefined,
): { available?: boolean } {
  const stated = truthOf(flag);
  if (stated !== undefined) return { available: stated };
  const quantity = countOf(count);
  return quantity === undefined ? {} : { available: quantity > 0 };
}

/** Sizes, colours and materials from their own fields, Shopify's `options`, and WooCommerce's attribute pairs. */
function attributesOf(fields: Fields, host: string | undefined): Attribute[] {
  const byKey = new Map<string, Attribute>();
  const add = (label: string, values: string[]) => {
    if (values.length === 0) return;
    const key = attributeKey(label);
    const attribute = byKey.get(key) ?? { key, role: roleOf(label), label, values: [] };
    for (const value of values) if (!attribute.values.includes(value)) attribute.values.push(value);
    byKey.set(key, attribute);
  };
  for (const [words, { key, value }] of fields) {
    if (roleOf(key) && !INTERNAL.test(words)) add(key, listedValues(value, host));
    const pair = /^attribute (\d+) name$/.exec(words);
    const label = pair ? scalarText(value) : undefined;
    if (pair && label) add(label, listedValues(fields.get(`attribute ${pair[1]} value s`)?.value, host));
  }
  const options = fields.get('options')?.value;
  if (Array.isArray(options)) {
    for (const option of options.slice(0, MAX_LIST_ITEMS)) {
      if (!option || typeof option !== 'object' || Array.isArray(option)) continue;
      const label = scalarText(option.name);
      if (label) add(label, listedValues(option.values, host));
    }
  }
  return [...byKey.values()];
}

/** Shopify's option names in order (`option1` is the first): `[{name: "Size"}, ...]` or `["Size", ...]`. */
function optionNamesOf(options: KnowledgeFieldValue | undefined): string[] {
  if (!Array.isArray(options)) return [];
  return options.slice(0, 3).map((option) => {
    const name = option && typeof option === 'object' && !Array.isArray(option) ? option.name : option;
    return scalarText(name ?? undefined) ?? '';
  });
}

/** The fields left once every role is read: "thread_count": 400, "care": "Machine wash cold", "Weight (kg)": "2.5". */
function detailsOf(fields: Fields, host: string | undefined): Detail[] {
  const roles = new Set([
    ...NAME_KEYS,
    ...ID_KEYS,
    ...PRICE_KEYS,
    ...SALE_KEYS,
    ...WAS_KEYS,
    ...CURRENCY_KEYS,
    ...AVAILABLE_KEYS,
    ...COUNT_KEYS,
    ...DESCRIPTION_KEYS,
    ...KIND_KEYS,
  ]);
  return [...fields].flatMap(([words, { key, value }]): Detail[] => {
    if (roles.has(words) || roleOf(key) || INTERNAL.test(words)) return [];
    // A unit in the name ("Weight (kg)", "fill_weight_gsm") goes with the number it measures: "1.2 kg".
    let unit = /\(([^)]{1,12})\)/.exec(key)?.[1];
    let label = keyWords(key.replace(/\([^)]*\)/g, ' '));
    const trailing = / (gsm|cm|mm|kg|g|lbs?|oz|in|inches|ml|w|mah)$/.exec(label);
    if (!unit && trailing) [unit, label] = [trailing[1], label.slice(0, trailing.index)];
    const labelTerms = contentTerms(label);
    if (labelTerms.size === 0) return [];
    if (typeof value === 'boolean') return [{ label, labelTerms, value, terms: labelTerms }];
    const values = Array.isArray(value) ? listedValues(value, host) : [scalarText(value)].flatMap((v) => v ?? []);
    const text = values.length > 0 ? spokenText(values.join(', '), host) : undefined;
    if (!text) return [];
    const said = unit && /^[\d.,\s]+$/.test(text) ? `${text} ${unit}` : text;
    return [{ label, labelTerms, value: said, terms: new Set([...labelTerms, ...contentTerms(said)]) }];
  });
}
