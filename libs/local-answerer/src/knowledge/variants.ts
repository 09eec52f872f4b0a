import type { KnowledgeFieldValue } from '@voca/contracts';
import { countOf, fieldsByKey, keyWords, MAX_LIST_ITEMS, scalarText, spokenText, truthOf } from './field-values.js';
import { readPrice, type Price } from './prices.js';

/**
 * A product's variants (one per size and colour...), from Shopify's `variants` list or from a stock table keyed by
 * combination (`stock: {"King/White": 4}`), with what each costs and whether it is in stock.
 */

export type Role = 'size' | 'color' | 'material';

/** What a product comes in: its sizes, colours, materials, or another option of its own ("Fill weight"). */
export interface Attribute {
  /** The role, or the option's name in plain words ("fill weight"): variants' options are keyed by it. */
  key: string;
  role?: Role;
  /** As the record names it: "Size", "Fill Weight". */
  label: string;
  values: string[];
}

export interface Variant {
  /** Attribute key -> the value as the record writes it. */
  options: Map<string, string>;
  price?: Price;
  /** Undefined when the record does not say. */
  available?: boolean;
  identifiers: string[];
}

/** The role an option or field name stands for ("Bed size" -> size), if any. */
export function roleOf(name: string): Role | undefined {
  const words = keyWords(name);
  if (/\bsizes?\b/.test(words)) return 'size';
  if (/\b(?:colou?rs?|colou?rway|shades?)\b/.test(words)) return 'color';
  if (/\b(?:materials?|fabrics?|composition|fib(?:er|re)s?|made of)\b/.test(words)) return 'material';
  return undefined;
}

/** The key an attribute and the variants' options share. */
export function attributeKey(name: string): string {
  return roleOf(name) ?? keyWords(name);
}

/** Identifiers as retrieval compares them: lower-case letters and digits only. */
export function identifierOf(value: KnowledgeFieldValue | undefined): string | undefined {
  const text = scalarText(value);
  const id = text?.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  return id && id.length >= 3 ? id : undefined;
}

/**
 * Shopify's variants (`option1`..`option3` named by the product's `options`, or a `title` like "King / White"), or
 * any list of objects whose fields name a size, colour or other option.
 */
export function variantsOf(
  list: KnowledgeFieldValue | undefined,
  optionNames: readonly string[],
  currency: string | undefined,
  host: string | undefined,
): Variant[] {
  if (!Array.isArray(list)) return [];
  return list.slice(0, MAX_LIST_ITEMS).flatMap((item): Variant[] => {
    if (!item || typeof item !== 'object' || Array.isArray(item)) return [];
    const fields = fieldsByKey(item);
    const options = new Map<string, string>();
    const put = (name: string, value: KnowledgeFieldValue | undefined) => {
      const text = scalarText(value);
      const spoken = text === undefined ? undefined : spokenText(text, host, 80);
      if (spoken && spoken.toLowerCase() !== 'default title') options.set(attributeKey(name), spoken);
    };
    for (const [words, { key, value }] of fields) {
      const numbered = /^option ?([123])$/.exec(words);
      if (numbered) put(optionNames[Number(numbered[1]) - 1] ?? `option ${numbered[1]}`, value);
      else if (roleOf(key) && !/\b(?:id|ids|name|names)\b/.test(words)) put(key, value);
      else if (
        (words === 'attributes' || words === 'options') &&
        value &&
        typeof value === 'object' &&
        !Array.isArray(value)
      )
        for (const [name, option] of Object.entries(value)) put(name, option as KnowledgeFieldValue);
    }
    const title = scalarText(fields.get('title')?.value);
    if (options.size === 0 && title) {
      title.split(/\s+\/\s+/).forEach((part, i) => put(optionNames[i] ?? `option ${i + 1}`, part));
    }
    const quantity = countOf(fields.get('inventory quantity')?.value ?? fields.get('stock quantity')?.value);
    const available =
      truthOf(fields.get('available')?.value ?? fields.get('in stock')?.value) ??
      (quantity === undefined ? undefined : quantity > 0);
    const price = readPrice(fields.get('price')?.value, currency);
    const sku = identifierOf(fields.get('sku')?.value);
    return [
      {
        options,
        ...(price ? { price } : {}),
        ...(available === undefined ? {} : { available }),
        identifiers: sku ? [sku] : [],
      },
    ];
  });
}

/**
 * A stock table keyed by combination (`{"King/White": 4, "Queen/Sage": 0}`): each key's parts are matched to the
 * attributes' values. It lists only some combinations, so one absent from it is not known, not unavailable.
 */
export function stockTableVariants(
  table: KnowledgeFieldValue | undefined,
  attributes: readonly Attribute[],
): Variant[] {
  if (!table || typeof table !== 'object' || Array.isArray(table)) return [];
  return Object.entries(table)
    .slice(0, MAX_LIST_ITEMS)
    .flatMap(([combination, stock]): Variant[] => {
      const count = countOf(stock);
      const available = count === undefined ? truthOf(stock) : count > 0;
      if (available === undefined) return [];
      const options = new Map<string, string>();
      combination.split(/\s*[/,|]\s*|\s+-\s+/).forEach((part, i) => {
        const attribute = attributes.find((a) => a.values.some((v) => v.toLowerCase() === part.toLowerCase()));
        const value = attribute?.values.find((v) => v.toLowerCase() === part.toLowerCase());
        if (attribute && value) options.set(attribute.key, value);
        else if (part) options.set(`option ${i + 1}`, part);
      });
      return [{ options, available, identifiers: [] }];
    });
}

/** The attributes the variants show that the record does not list itself ("King" seen only in a variant). */
export function attributesFromVariants(variants: readonly Variant[], labels: ReadonlyMap<string, string>): Attribute[] {
  const byKey = new Map<string, Attribute>();
  for (const variant of variants) {
    for (const [key, value] of variant.options) {
      if (key.startsWith('option ')) continue;
      const attribute = byKey.get(key) ?? {
        key,
        role: roleOf(key),
        label: labels.get(key) ?? key,
        values: [],
      };
      if (!attribute.values.includes(value)) attribute.values.push(value);
      byKey.set(key, attribute);
    }
  }
  return [...byKey.values()];
}
