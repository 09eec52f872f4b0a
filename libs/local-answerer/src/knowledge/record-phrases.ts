import { clip, listOf, withoutFinalStop } from '../plain.js';
import { capitalised, firstSentence, the } from '../replies.js';
import { combinationText, isOf } from './asked-options.js';
import type { CatalogRecord, Detail } from './catalog-record.js';
import { formatPrice, formatSpan, type Price } from './prices.js';
import type { Role, Variant } from './variants.js';

/**
 * What one record says, as the words that follow its name ("is $129.00", "comes in White and Sage") or as whole
 * sentences. Only the record's own values are said; what it lacks is a noun for "I don't have ... on hand".
 */

/** At most this many values of one option are read out (a call must stay short). */
const MAX_VALUES = 6;

const ROLE_NOUNS: Record<Role, { one: string; many: string }> = {
  size: { one: 'size', many: 'sizes' },
  color: { one: 'color', many: 'colors' },
  material: { one: 'material', many: 'materials' },
};

export function nameOf(record: CatalogRecord): string {
  return the(record.name);
}

export function sentence(text: string): string {
  return `${capitalised(text)}.`;
}

/** "the price of the Cloud Duvet". */
export function lackingPrice(record: CatalogRecord): string {
  return `the price of ${nameOf(record)}`;
}

/** "the colors of the Alpine Duvet". */
export function lackingRole(record: CatalogRecord, role: Role): string {
  return `the ${ROLE_NOUNS[role].many} of ${nameOf(record)}`;
}

/**
 * "is $129.00", "is $149.00 in King", "is $129.00 to $149.00, depending on the size", "is $99.00, reduced from
 * $129.00"; undefined when the record gives no price. `brief`: without what the price depends on, for a clause among
 * others.
 */
export function priceWords(
  record: CatalogRecord,
  combinations: readonly ReadonlyMap<string, string>[],
  { brief = false } = {},
): string | undefined {
  const priced = record.variants.filter((v): v is Variant & { price: NonNullable<Variant['price']> } => !!v.price);
  if (combinations.length > 0 && priced.length > 0) {
    const asked = combinations.flatMap((combination) => {
      const span = formatSpan(priced.filter((v) => isOf(v, combination)).map((v) => v.price));
      return span ? [`${span} in ${combinationText(combination)}`] : [];
    });
    if (asked.length > 0) return `is ${listOf(asked)}`;
  }
  if (priced.length > 0) {
    const span = formatSpan(priced.map((v) => v.price))!;
    const by = span.includes(' to ') && !brief ? decidingOption(record, priced) : undefined;
    return by ? `is ${span}, depending on the ${by}` : `is ${span}`;
  }
  if (!record.price) return undefined;
  const was = record.regularPrice ? `, reduced from ${formatPrice(record.regularPrice)}` : '';
  return `is ${formatPrice(record.price)}${was}`;
}

/** Every price it is sold at: its variants', else its own. */
export function pricesOf(record: CatalogRecord): Price[] {
  const variants = record.variants.flatMap((v) => (v.price ? [v.price] : []));
  return variants.length > 0 ? variants : record.price ? [record.price] : [];
}

/** "comes in Twin, Queen and King", "is made of Organic cotton"; undefined when the record does not say. */
export function roleWords(record: CatalogRecord, role: Role): string | undefined {
  const values = valuesOf(record, role);
  if (!values) return undefined;
  return role === 'material' ? `is made of ${values}` : `comes in ${values}`;
}

/** What follows the name for several roles at once, sizes and colours sharing one "comes in". */
export function rolesWords(record: CatalogRecord, roles: readonly Role[]): string[] {
  const out: string[] = [];
  let comesIn: number | undefined;
  for (const role of roles) {
    const words = roleWords(record, role);
    if (!words) continue;
    if (role === 'material') out.push(words);
    else if (comesIn === undefined) comesIn = out.push(words) - 1;
    else out[comesIn] += `, and ${words.replace(/^comes /, '')}`;
  }
  return out;
}

/** "the Cloud Duvet's thread count is 400.", "the Cloud Duvet is hypoallergenic." */
export function detailSentence(record: CatalogRecord, detail: Detail): string {
  if (typeof detail.value === 'boolean') {
    return sentence(`${nameOf(record)} is ${detail.value ? '' : 'not '}${detail.label}`);
  }
  return sentence(`${nameOf(record)}'s ${detail.label} is ${withoutFinalStop(detail.value)}`);
}

/** "the Cloud Duvet (an all-season organic cotton duvet) is $129.00.", naming it with a short description. */
export function summarySentence(record: CatalogRecord): string {
  const about = record.description ? ` (${aside(clip(firstSentence(record.description), 120))})` : '';
  const price = priceWords(record, []);
  return price ? sentence(`${nameOf(record)}${about} ${price}`) : `We have ${nameOf(record)}${about}.`;
}

/** A sentence put in brackets after a name: "(an all-season duvet)", not "(An all-season duvet.)". */
function aside(text: string): string {
  return withoutFinalStop(text).replace(/^(?:A|An|The|Our)\b/, (word) => word.toLowerCase());
}

function valuesOf(record: CatalogRecord, role: Role): string | undefined {
  const values = record.attributes.filter((a) => a.role === role).flatMap((a) => a.values);
  if (values.length === 0) return undefined;
  const shown = values.slice(0, MAX_VALUES);
  return values.length > MAX_VALUES ? `${shown.join(', ')}, among others` : listOf(shown);
}

/** The option whose value alone sets the price ("depending on the size"), if there is one. */
function decidingOption(
  record: CatalogRecord,
  priced: readonly (Variant & { price: { amount: number } })[],
): string | undefined {
  for (const attribute of record.attributes) {
    const byValue = new Map<string, Set<number>>();
    for (const variant of priced) {
      const value = variant.options.get(attribute.key);
      if (value === undefined) continue;
      byValue.set(value, (byValue.get(value) ?? new Set()).add(variant.price.amount));
    }
    if (byValue.size > 1 && [...byValue.values()].every((amounts) => amounts.size === 1)) {
      return attribute.role ? ROLE_NOUNS[attribute.role].one : attribute.label.toLowerCase();
    }
  }
  return undefined;
}
