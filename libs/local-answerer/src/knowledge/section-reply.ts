import type { KnowledgePassage } from '@voca/contracts';
import { KEYWORD_TERMS } from '../intents.js';
import { asSentence, clip, MAX_FACT_CHARS, plainText, sentencesOf, withoutFileNames } from '../plain.js';
import { quotedReply, type Reply } from '../replies.js';
import { contentTerms, intersection, term } from '../text.js';

/**
 * Prose questions (returns, shipping, warranty, an FAQ) answered from the sections of the business's policies: the
 * sentences of the best matching section that hold the customer's words, quoted as written, a few at most.
 */
export interface SectionAnswer {
  reply: Reply;
  sources: KnowledgePassage[];
  /** The message's terms the quoted sections account for. */
  explained: Set<string>;
  /** Terms of every sentence quoted: a profile fact made only of these would say the same thing again. */
  quotedTerms: Set<string>;
}

/** A section matches on its heading, or when it holds this share of the message's terms (two at least). */
const COVERAGE = 0.5;
const MAX_SECTIONS = 2;
/** Bounds the work one section costs: past this, its text is not read. */
const MAX_SECTION_CHARS = 8_000;
/** A line this short that does not end a sentence is a heading, not something to quote. */
const HEADING_WORDS = 6;
const MAX_SENTENCES = 3;
/** Words that only link a question's parts ("refunds after you get my return"): they pick no section or sentence. */
const LINKING = new Set(['after', 'before', 'during', 'until', 'while', 'since'].map(term));
const PRICE = term('price');
/** "How long" as the message's terms write it (a stop word there): sentences stating a duration answer it. */
export const HOW_LONG = 'howlong';
const AMOUNT = /[$€£]\s?\d|\b\d+[.,]\d\d\b|\b\d+\s?(?:dollars?|euros?|pounds?|usd|eur|gbp)\b/i;
const DURATION =
  /\b\d+(?:\s?(?:-|to)\s?\d+)?\s(?:business\s|working\s)?(?:minutes?|hours?|days?|weeks?|months?|years?)\b/i;

interface Sentence {
  text: string;
  terms: Set<string>;
  index: number;
}

/**
 * `terms`: the message's meaningful terms ("howlong" among them for "how long"); `topicTerms`: those that name a
 * topic on their own ("return", "ship").
 */
export function sectionAnswer(
  passages: readonly KnowledgePassage[],
  terms: ReadonlySet<string>,
  topicTerms: ReadonlySet<string>,
  host: string | undefined,
): SectionAnswer | undefined {
  const lookup = new Set([...terms].filter((t) => !LINKING.has(t)));
  if (lookup.size === 0) return undefined;
  // "How much is the Nordic Down Duvet?" asks a price: a care section about down duvets holds its other words only.
  const asking = intersection(lookup, KEYWORD_TERMS);
  const candidates = passages
    .filter((p) => p?.kind === 'section' && typeof p.text === 'string')
    .map((passage, index) => {
      const sentences = sentencesIn(passage.text, host);
      const titleTerms = contentTerms(typeof passage.title === 'string' ? passage.title : '');
      const terms = new Set([...titleTerms, ...sentences.flatMap((s) => [...s.terms])]);
      const matched = intersection(terms, lookup);
      // Its heading names the topic asked ("Returns" for "can I send it back?"), or the only word asked.
      const byHeading = intersection(titleTerms, lookup.size === 1 ? lookup : topicTerms).size > 0;
      const best = Math.max(0, ...sentences.map((s) => intersection(s.terms, lookup).size));
      return { passage, index, sentences, titleTerms, matched, byHeading, best };
    })
    .filter(
      (c) =>
        c.sentences.length > 0 &&
        (c.byHeading ||
          (c.matched.size >= 2 &&
            c.matched.size / lookup.size >= COVERAGE &&
            (asking.size === 0 || intersection(c.matched, asking).size > 0))),
    )
    // The section holding most of the message, then the one with the sentence holding most, then retrieval's order.
    .sort(
      (a, b) =>
        b.matched.size - a.matched.size ||
        b.best - a.best ||
        Number(b.byHeading) - Number(a.byHeading) ||
        a.index - b.index,
    );

  const quotes: string[] = [];
  const sources: KnowledgePassage[] = [];
  const explained = new Set<string>();
  const quotedTerms = new Set<string>();
  let budget = MAX_FACT_CHARS;
  for (const candidate of candidates) {
    if (sources.length === MAX_SECTIONS || budget <= 0) break;
    // A second section only for words of the message the first did not answer.
    if (sources.length > 0 && [...candidate.matched].every((t) => explained.has(t))) continue;
    // Asked only what its heading says ("what is your return window?"): its opening sentences say what it is.
    const headingOnly = [...lookup].every((t) => candidate.titleTerms.has(t));
    const chosen = relevantSentences(candidate.sentences, headingOnly ? new Set() : lookup, budget);
    if (chosen.length === 0) continue;
    const quote = chosen.map((s) => asSentence(s.text)).join(' ');
    quotes.push(quote);
    budget -= quote.length;
    sources.push(candidate.passage);
    for (const t of candidate.matched) explained.add(t);
    for (const s of chosen) for (const t of s.terms) quotedTerms.add(t);
  }
  if (quotes.length === 0) return undefined;
  return { reply: quotedReply(quotes), sources, explained, quotedTerms };
}

/**
 * The sentences holding most of the message's words, then any holding a word those do not, a few at most within
 * `budget` characters, in the section's own order. Questions (an FAQ's) are matched on, never quoted back.
 */
function relevantSentences(sentences: readonly Sentence[], lookup: ReadonlySet<string>, budget: number): Sentence[] {
  const scored = sentences
    .filter((s) => !s.text.endsWith('?'))
    .map((s) => ({ s, hits: intersection(s.terms, lookup) }));
  const top = Math.max(0, ...scored.map((x) => x.hits.size));
  // Matched on its heading only: its opening sentences say what it is about.
  const ranked =
    top === 0
      ? scored
      : [...scored.filter((x) => x.hits.size === top), ...scored.filter((x) => x.hits.size > 0 && x.hits.size < top)];
  const chosen: Sentence[] = [];
  const covered = new Set<string>();
  let left = budget;
  for (const { s, hits } of ranked) {
    if (chosen.length === MAX_SENTENCES || left <= 0) break;
    if (hits.size < top && [...hits].every((t) => covered.has(t))) continue;
    if (chosen.length > 0 && s.text.length + 1 > left) continue;
    const text = chosen.length === 0 ? clip(s.text, Math.max(left, 80)) : s.text;
    chosen.push({ ...s, text });
    for (const t of hits) covered.add(t);
    left -= text.length + 1;
  }
  return chosen.sort((a, b) => a.index - b.index);
}

/**
 * A section's text as plain sentences, markup and file names dropped. A paragraph's lines are joined (a PDF or Markdown
 * wraps sentences); list items and table rows stay apart, and a short line on its own is a heading, not a sentence.
 * A sentence stating an amount answers "how much", one stating a duration "how long".
 */
function sentencesIn(text: string, host: string | undefined): Sentence[] {
  const lines: string[] = [];
  for (const paragraph of text.slice(0, MAX_SECTION_CHARS).split(/\n\s*\n/)) {
    let open = false;
    for (const raw of paragraph.split('\n')) {
      const item = /^\s*(?:[-*+]|\d+[.)]|\|)\s|:\s*\S.*;/.test(raw);
      if (open && !item && lines.length > 0) lines[lines.length - 1] += ` ${raw}`;
      else lines.push(raw);
      const heading = raw.trim().split(/\s+/).length < HEADING_WORDS;
      open = !item && !heading && !/[.!?]\s*$/.test(raw);
    }
  }
  return lines
    .map((line) => plainText(line, host))
    .filter((line) => /[.!?]$/.test(line) || /:\s*\S/.test(line) || line.split(/\s+/).length >= HEADING_WORDS)
    .flatMap((line) => sentencesOf(withoutFileNames(line)))
    .map((t, index) => {
      const terms = contentTerms(t);
      if (AMOUNT.test(t)) terms.add(PRICE);
      if (DURATION.test(t)) terms.add(HOW_LONG);
      return { text: t, terms, index };
    });
}
