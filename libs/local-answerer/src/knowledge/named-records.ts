import { intersection } from '../text.js';
import type { CatalogMessage } from './catalog-message.js';
import type { CatalogRecord } from './catalog-record.js';

/**
 * Which of the retrieved records the customer actually names. Retrieval returns the records nearest the message, and
 * the nearest may be another product ("the Alpine Duvet" retrieves the Cloud Duvet): a record counts only when the
 * message says its name (or its SKU), so a product not among the records is never answered with a similar one.
 */
export interface Naming {
  /** In the order the customer named them; a kind's in retrieval's order (best first). */
  records: CatalogRecord[];
  /** They share the same words ("duvets" names every duvet): a kind of product, not products named one by one. */
  kind: boolean;
  /** Every record was named in full, or by its SKU ("the Cloud Duvet", not "duvets"). */
  whole: boolean;
  /** The message's terms the named records account for: their names, and values of theirs it mentions. */
  explained: Set<string>;
}

/** At most this many records are taken as named: past it, a reply says "among others". */
const MAX_NAMED = 4;

interface Candidate {
  record: CatalogRecord;
  index: number;
  hits: Set<string>;
  byIdentifier: boolean;
  /** Every word of its name is in the message, or its SKU is. */
  whole: boolean;
}

const NO_NAMING: Naming = { records: [], kind: false, whole: false, explained: new Set() };

export function namedRecords(records: readonly CatalogRecord[], message: CatalogMessage): Naming {
  const candidates = records
    .map((record, index): Candidate => {
      const hits = intersection(record.nameTerms, message.lookup);
      const byIdentifier = message.identifiers.some((id) => record.identifiers.has(id));
      return { record, index, hits, byIdentifier, whole: byIdentifier || hits.size === record.nameTerms.size };
    })
    .filter((c) => c.byIdentifier || c.hits.size > 0)
    .sort(
      (a, b) =>
        Number(b.byIdentifier) - Number(a.byIdentifier) ||
        b.hits.size - a.hits.size ||
        b.hits.size / b.record.nameTerms.size - a.hits.size / a.record.nameTerms.size ||
        a.index - b.index,
    );

  // Greedy, as the profile's own products are matched: each record taken must add words of the message, except
  // records named by exactly the same words as one taken (a kind: "duvets"), unless that one was named in full.
  const picked: (Candidate & { twin: boolean })[] = [];
  const named = new Set<string>();
  for (const candidate of candidates) {
    if (picked.length === MAX_NAMED) break;
    const fresh = candidate.byIdentifier || [...candidate.hits].some((t) => !named.has(t));
    const twin = picked.some(
      (p) => !p.byIdentifier && sameSet(p.hits, candidate.hits) && (!p.whole || candidate.whole),
    );
    if (!fresh && !twin) continue;
    picked.push({ ...candidate, twin: !fresh });
    for (const t of candidate.hits) named.add(t);
  }

  const wholeHits = new Set(picked.filter((c) => c.whole).flatMap((c) => [...c.hits]));
  const subject = (t: string) => message.lookup.has(t) && !message.vocabulary.has(t) && !/^\d+$/.test(t);
  const leftover = [...message.lookup].filter((t) => subject(t) && !named.has(t));
  const kept = picked.filter((c) => {
    if (c.byIdentifier) return true;
    const own = c.whole ? c.record.terms : new Set([...c.record.nameTerms, ...describing(c.record)]);
    // A word of another product's name beside this one's ("the Cloud Duvet Deluxe", "the Alpine Duvet" for the
    // Cloud Duvet): the customer means that other product.
    const foreign = (t: string | undefined) => t !== undefined && subject(t) && !own.has(t) && !wholeHits.has(t);
    const beside = message.terms.some(
      (t, i) => c.hits.has(t) && (foreign(message.terms[i - 1]) || foreign(message.terms[i + 1])),
    );
    if (beside) return false;
    // Part of a name counts only when the rest of the message describes this record ("organic cotton duvets") or
    // names one of its fields ("the fill weight of the down comforter").
    return c.whole || leftover.every((t) => describing(c.record).has(t));
  });
  if (kept.length === 0) return NO_NAMING;

  // Products named one by one are answered in the order the customer named them; a kind in retrieval's order.
  const kind = kept.some((c) => c.twin);
  kept.sort((a, b) => (kind ? a.index - b.index : firstMention(a, message) - firstMention(b, message)));
  const explained = new Set(kept.flatMap((c) => [...c.hits]));
  for (const t of leftover) if (kept.some((c) => describing(c.record).has(t))) explained.add(t);
  return {
    records: kept.map((c) => c.record),
    kind,
    whole: kept.every((c) => c.whole),
    explained,
  };
}

/** The terms of a record's values and of its fields' names: words that describe it without naming it. */
function describing(record: CatalogRecord): Set<string> {
  return new Set([...record.valueTerms, ...record.details.flatMap((d) => [...d.labelTerms])]);
}

function firstMention(candidate: Candidate, message: CatalogMessage): number {
  const at = message.terms.findIndex((t) => candidate.hits.has(t));
  return at === -1 ? message.terms.length : at;
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a.size === b.size && [...a].every((t) => b.has(t));
}
