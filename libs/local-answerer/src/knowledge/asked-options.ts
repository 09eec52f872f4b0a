import { contentTerms, term } from '../text.js';
import type { CatalogMessage } from './catalog-message.js';
import type { CatalogRecord } from './catalog-record.js';
import type { Role, Variant } from './variants.js';

/** The sizes, colours and other options of one record that a message names: "the Cloud Duvet in King, Sage". */
export interface AskedOptions {
  /** Each combination asked, attribute key -> value: one, or several when two values of one option are named. */
  combinations: Map<string, string>[];
  /** Sizes or colours named that the record does not list, in the customer's words ("California King"). */
  unoffered: { word: string; role: Role }[];
  /** The message's terms these account for. */
  explained: Set<string>;
}

const MAX_COMBINATIONS = 4;

/**
 * Sizes and colours common enough to know one when a customer names it: a word of these the record does not list is
 * one it does not come in. Words with other meanings ("full", "natural", "large") are left out.
 */
const UNOFFERED_WORDS: Record<'size' | 'color', string> = {
  size: 'twin queen king california xl xxl xs toddler crib',
  color: `white black grey gray silver red pink blue navy teal green sage olive yellow gold orange brown beige cream
    ivory purple lilac lavender charcoal blush`,
};
/** Words that name a size only before another ("California King"). */
const ONLY_IN_A_RUN = new Set(['california'].map(term));
const WORD_ROLES = new Map(
  (Object.entries(UNOFFERED_WORDS) as ['size' | 'color', string][]).flatMap(([role, words]) =>
    words.split(/\s+/).map((word) => [term(word), role] as const),
  ),
);

export function askedOptions(record: CatalogRecord, message: CatalogMessage): AskedOptions {
  const named = [...sizeAndColorWords(message.flat)];
  const explained = new Set<string>();
  const unoffered: AskedOptions['unoffered'] = [];
  // Two size or colour words together that the record does not list as one value ("California King") are one value
  // it does not come in, not the "King" it has; unless each is a value of its own ("White, Sage" reads "white sage").
  const values = record.attributes.flatMap((a) => a.values.map(contentTerms));
  for (const run of named.filter((r) => r.terms.size > 1)) {
    const listed = values.some((v) => sameTerms(v, run.terms));
    const each = [...run.terms].every((t) => values.some((v) => sameTerms(v, new Set([t]))));
    if (listed || each || [...run.terms].every((t) => record.nameTerms.has(t))) continue;
    unoffered.push({ word: run.words, role: run.role });
    for (const t of run.terms) explained.add(t);
  }

  const perAttribute: [string, string[]][] = [];
  for (const attribute of record.attributes) {
    // Materials are part of what a product is, not an option to pick, unless its variants differ by them.
    if (attribute.role === 'material' && !record.variants.some((v) => v.options.has(attribute.key))) continue;
    const matched = attribute.values
      .map((value) => ({ value, terms: contentTerms(value) }))
      .filter(
        ({ terms }) =>
          terms.size > 0 &&
          [...terms].every((t) => message.lookup.has(t) && !explained.has(t)) &&
          ![...terms].every((t) => record.nameTerms.has(t)),
      );
    const longest = matched.filter(
      (m) => !matched.some((other) => other.terms.size > m.terms.size && [...m.terms].every((t) => other.terms.has(t))),
    );
    if (longest.length === 0) continue;
    perAttribute.push([attribute.key, longest.map((v) => v.value)]);
    for (const v of longest) for (const t of v.terms) explained.add(t);
  }

  // "In size 10": a size the record does not list, whatever it is.
  const size = /\bsize (\d{1,3})\b/.exec(message.flat)?.[1];
  const sizes = record.attributes.filter((a) => a.role === 'size').flatMap((a) => a.values.map(contentTerms));
  if (size && sizes.length > 0 && !sizes.some((v) => v.has(size))) {
    unoffered.push({ word: size, role: 'size' });
    explained.add(size);
  }
  for (const run of named.filter((r) => r.terms.size === 1)) {
    const [t] = run.terms;
    if (ONLY_IN_A_RUN.has(t!) || explained.has(t!) || record.nameTerms.has(t!) || record.valueTerms.has(t!)) continue;
    unoffered.push({ word: run.words, role: run.role });
    explained.add(t!);
  }
  // A variant's own SKU names its whole combination ("is AWD210-KG in stock?").
  const bySku = record.variants.find((v) => v.identifiers.some((id) => message.identifiers.includes(id)));
  const combinations = bySku ? [new Map(bySku.options)] : combinationsOf(perAttribute);
  return { combinations, unoffered, explained };
}

/** Whether a variant is the combination asked (or includes it: "King" matches "King / White"). */
export function isOf(variant: Variant, combination: ReadonlyMap<string, string>): boolean {
  return [...combination].every(([key, value]) => variant.options.get(key)?.toLowerCase() === value.toLowerCase());
}

/** "King, Sage". */
export function combinationText(combination: ReadonlyMap<string, string>): string {
  return [...combination.values()].join(', ');
}

function combinationsOf(perAttribute: [string, string[]][]): Map<string, string>[] {
  let out: Map<string, string>[] = perAttribute.length > 0 ? [new Map()] : [];
  for (const [key, values] of perAttribute) {
    out = out.flatMap((combination) => values.map((value) => new Map([...combination, [key, value]])));
  }
  return out.slice(0, MAX_COMBINATIONS);
}

/** Runs of common size or colour words in the message, each run of one kind: "california king", "blue". */
function* sizeAndColorWords(flat: string): Generator<{ words: string; terms: Set<string>; role: Role }> {
  let run: { words: string[]; role: 'size' | 'color' } | undefined;
  for (const word of [...flat.split(' '), '']) {
    const role = WORD_ROLES.get(term(word));
    if (run && role === run.role) {
      run.words.push(word);
      continue;
    }
    if (run) yield { words: titleCase(run.words.join(' ')), terms: new Set(run.words.map(term)), role: run.role };
    run = role ? { words: [word], role } : undefined;
  }
}

/** "california king" -> "California King", as sizes and colours are written. */
function titleCase(words: string): string {
  return words.replace(/\b[a-z]/g, (letter) => letter.toUpperCase());
}

function sameTerms(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a.size === b.size && [...a].every((t) => b.has(t));
}
