import { listOf } from '../plain.js';
import { combinationText, isOf, type AskedOptions } from './asked-options.js';
import type { CatalogRecord } from './catalog-record.js';
import { lackingRole, nameOf, roleWords, sentence } from './record-phrases.js';
import type { Variant } from './variants.js';

/**
 * Whether a product is there in the size and colour asked, from its variants' stock (or the product's own, when it
 * has no variants): said plainly when a combination is out of stock or not made, with what there is instead.
 */

/** At most this many alternatives are offered. */
const MAX_ALTERNATIVES = 3;

type State = 'in stock' | 'out of stock' | 'not offered' | 'unknown';

export interface Availability {
  sentences: string[];
  missing: string[];
}

/** `wantsStock`: the customer asked about stock ("in stock?", "do you have"), not only what it comes in. */
export function availabilityOf(record: CatalogRecord, asked: AskedOptions, wantsStock: boolean): Availability {
  const sentences: string[] = [];
  const missing: string[] = [];
  const name = nameOf(record);

  for (const role of new Set(asked.unoffered.map((u) => u.role))) {
    const words = asked.unoffered.filter((u) => u.role === role).map((u) => u.word);
    const offered = roleWords(record, role);
    if (offered) sentences.push(sentence(`${name} doesn't come in ${listOf(words, 'or')}; it ${offered}`));
    else missing.push(lackingRole(record, role));
  }

  for (const combination of asked.combinations) {
    const text = combinationText(combination);
    const matching = record.variants.filter((v) => isOf(v, combination));
    if (matching.length === 0 && record.variants.length === 0) {
      // No variants: only the product as a whole is in stock or not.
      const values = listOf([...combination.values()]);
      if (record.available === false) sentences.push(sentence(`${name} comes in ${values}, but it's out of stock`));
      else if (record.available) sentences.push(sentence(`${name} comes in ${values} and is in stock`));
      else {
        sentences.push(sentence(`${name} comes in ${values}`));
        if (wantsStock) missing.push(`the stock of ${name}`);
      }
      continue;
    }
    const state = stateOf(matching, record.variantsComplete);
    if (state === 'unknown') {
      sentences.push(sentence(`${name} comes in ${listOf([...combination.values()])}`));
      if (wantsStock) missing.push(`the stock of ${name} in ${text}`);
      continue;
    }
    sentences.push(
      sentence(state === 'not offered' ? `${name} doesn't come in ${text}` : `${name} in ${text} is ${state}`),
    );
    if (state !== 'in stock') sentences.push(...alternatives(record.variants, combination));
  }

  if (asked.combinations.length === 0 && asked.unoffered.length === 0 && wantsStock) {
    const stock = overallStock(record);
    if (stock) sentences.push(stock);
    else missing.push(`the stock of ${name}`);
  }
  return { sentences, missing };
}

function stateOf(matching: readonly Variant[], complete: boolean): State {
  if (matching.length === 0) return complete ? 'not offered' : 'unknown';
  if (matching.some((v) => v.available === true)) return 'in stock';
  return matching.every((v) => v.available === false) ? 'out of stock' : 'unknown';
}

/** What there is instead: the variants in stock, those sharing most of the combination asked first. */
function alternatives(variants: readonly Variant[], combination: ReadonlyMap<string, string>): string[] {
  const known = variants.some((v) => v.available !== undefined);
  const others = variants
    .filter((v) => !isOf(v, combination) && (!known || v.available === true))
    .map((v, index) => ({
      v,
      index,
      shared: [...combination].filter(([k, value]) => v.options.get(k) === value).length,
    }))
    .sort((a, b) => b.shared - a.shared || a.index - b.index)
    .slice(0, MAX_ALTERNATIVES)
    .map(({ v }) => `in ${combinationText(v.options)}`);
  if (others.length > 0) return [sentence(`it's ${known ? 'in stock' : 'made'} ${listOf(others)}`)];
  return known ? ["It's out of stock in every option."] : [];
}

/**
 * "The Cloud Duvet is in stock in King, White.", from its variants, else from the product's own flag. `name`: how the
 * sentence names it ("it", after a sentence that named it).
 */
export function overallStock(record: CatalogRecord, name = nameOf(record)): string | undefined {
  const known = record.variants.filter((v) => v.available !== undefined);
  if (known.length > 0) {
    const inStock = known.filter((v) => v.available);
    if (inStock.length === 0) return sentence(`${name} is out of stock`);
    if (inStock.length === record.variants.length) return sentence(`${name} is in stock`);
    const listed = inStock.slice(0, MAX_ALTERNATIVES).map((v) => `in ${combinationText(v.options)}`);
    const more = inStock.length > MAX_ALTERNATIVES ? ', among others' : '';
    return sentence(`${name} is in stock ${listOf(listed)}${more}`);
  }
  if (record.available === undefined) return undefined;
  return sentence(`${name} is ${record.available ? 'in stock' : 'out of stock'}`);
}
