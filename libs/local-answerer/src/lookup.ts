import type { Facts, FaqFact, ProductFact, TextFact } from './facts.js';
import { intersection } from './text.js';

/**
 * Finds the business's own entries (FAQs, products, specialties, knowledge) that a message is about, by word overlap.
 */

/** An FAQ matches when the message covers this share of its question's words. */
const FAQ_COVERAGE = 0.6;
const MAX_FAQS = 2;
const MAX_PRODUCTS = 3;
const MAX_KNOWLEDGE = 2;

export interface FaqMatch {
  faq: FaqFact;
  matched: Set<string>;
}

export function matchFaqs(faqs: readonly FaqFact[], lookup: ReadonlySet<string>): FaqMatch[] {
  const candidates = faqs
    .map((faq, index) => ({ faq, index, matched: intersection(faq.terms, lookup) }))
    .filter(
      ({ faq, matched }) =>
        faq.terms.size > 0 &&
        matched.size >= Math.min(2, faq.terms.size) &&
        matched.size / faq.terms.size >= FAQ_COVERAGE,
    )
    .sort(
      (a, b) =>
        b.matched.size / b.faq.terms.size - a.matched.size / a.faq.terms.size ||
        b.matched.size - a.matched.size ||
        a.index - b.index,
    );
  const accepted: FaqMatch[] = [];
  const covered = new Set<string>();
  for (const { faq, matched } of candidates) {
    if (accepted.length === MAX_FAQS) break;
    if ([...matched].every((t) => covered.has(t))) continue;
    accepted.push({ faq, matched });
    for (const t of matched) covered.add(t);
  }
  return accepted;
}

export interface FactMatches {
  products: ProductFact[];
  specialties: TextFact[];
  knowledge: TextFact[];
  /** The message terms these entries account for. */
  explained: Set<string>;
}

type Candidate =
  | { kind: 'product'; fact: ProductFact; index: number; matched: Set<string>; nameHits: number }
  | { kind: 'specialty' | 'knowledge'; fact: TextFact; index: number; matched: Set<string>; nameHits: number };

const KIND_RANK = { product: 0, specialty: 1, knowledge: 2 } as const;

/**
 * Greedy cover of the message's subject: the entry sharing most words first, then only entries that explain a word
 * not yet explained (products sharing exactly the same words are all kept, so "cotton" lists every cotton product).
 * `covered` are terms already answered by a topic or an FAQ; `subject` the terms no keyword explains. Nothing is
 * returned unless the entries explain the whole subject, or half of it when the customer is shopping ("sheets for a
 * king bed"): "is the comforter machine washable?" must not be answered with the comforter's price.
 */
export function matchFacts(
  facts: Facts,
  lookup: ReadonlySet<string>,
  covered: ReadonlySet<string>,
  subject: ReadonlySet<string>,
  shopping: boolean,
): FactMatches {
  const none: FactMatches = { products: [], specialties: [], knowledge: [], explained: new Set() };
  if (subject.size === 0) return none;
  const candidates: Candidate[] = [
    ...facts.products.map((fact, index) => ({
      kind: 'product' as const,
      fact,
      index,
      matched: intersection(fact.terms, lookup),
      nameHits: intersection(fact.nameTerms, lookup).size,
    })),
    ...facts.specialties.map((fact, index) => ({
      kind: 'specialty' as const,
      fact,
      index,
      matched: intersection(fact.terms, lookup),
      nameHits: 0,
    })),
    ...facts.knowledge.map((fact, index) => ({
      kind: 'knowledge' as const,
      fact,
      index,
      matched: intersection(fact.terms, lookup),
      nameHits: 0,
    })),
  ]
    .filter((c) => [...c.matched].some((t) => subject.has(t)))
    .sort(
      (a, b) =>
        b.matched.size - a.matched.size ||
        KIND_RANK[a.kind] - KIND_RANK[b.kind] ||
        b.nameHits - a.nameHits ||
        a.index - b.index,
    );

  const out: FactMatches = { products: [], specialties: [], knowledge: [], explained: new Set(covered) };
  const productSets: Set<string>[] = [];
  for (const candidate of candidates) {
    const fresh = [...candidate.matched].some((t) => !out.explained.has(t));
    if (candidate.kind === 'product') {
      const twin = productSets.some((set) => sameSet(set, candidate.matched));
      if ((!fresh && !twin) || out.products.length === MAX_PRODUCTS) continue;
      out.products.push(candidate.fact);
      productSets.push(candidate.matched);
    } else if (!fresh) {
      continue;
    } else if (candidate.kind === 'specialty') {
      out.specialties.push(candidate.fact);
    } else {
      if (out.knowledge.length === MAX_KNOWLEDGE) continue;
      out.knowledge.push(candidate.fact);
    }
    for (const t of candidate.matched) out.explained.add(t);
  }
  const explainedSubject = [...subject].filter((t) => out.explained.has(t)).length;
  const enough = shopping ? explainedSubject * 2 >= subject.size : explainedSubject === subject.size;
  return enough ? out : none;
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a.size === b.size && [...a].every((t) => b.has(t));
}
