import type { KnowledgePassage } from '@voca/contracts';
import type { Facts } from '../facts.js';
import { readMessage, type Reading } from '../intents.js';
import type { Reply } from '../replies.js';
import { contentTerms, term } from '../text.js';
import { readCatalogMessage } from './catalog-message.js';
import { readRecord, type CatalogRecord } from './catalog-record.js';
import { catalogAnswer } from './catalog-reply.js';
import { HOW_LONG, sectionAnswer } from './section-reply.js';

/**
 * What the business's documents answer of one message: a catalog reply from the records it names, quotes from the
 * policy sections it matches, and the passages those words came from, for the engine to cite.
 */
export interface DocumentAnswer {
  /** Said with the products. */
  catalog?: Reply;
  /** Said with the business's other knowledge. */
  sections?: Reply;
  sources: KnowledgePassage[];
  /** The message's terms the documents account for: not unknown, and not answered again from the profile. */
  covered: ReadonlySet<string>;
  answered: boolean;
  /** Whether a profile fact only says again what a quoted section says ("30-day returns"). */
  restates(text: string | undefined): boolean;
  /** Whether the quoted sections answer these words of the message ("ship" in "do you ship to Canada?"). */
  answers(terms: ReadonlySet<string>): boolean;
}

export const NO_DOCUMENT_ANSWER: DocumentAnswer = {
  sources: [],
  covered: new Set(),
  answered: false,
  restates: () => false,
  answers: () => false,
};

/** Bounds the work one turn costs, whatever retrieval passes. */
const MAX_PASSAGES = 20;
const SOCIAL_TERMS = new Set(['hello', 'thank', 'bye'].map(term));

export interface DocumentTurn {
  passages: readonly KnowledgePassage[] | undefined;
  text: string;
  reading: Reading;
  facts: Facts;
  /** The customer's message before this one, for a follow-up about the same product. */
  previous?: string;
}

export function answerFromDocuments(turn: DocumentTurn): DocumentAnswer {
  const passages = Array.isArray(turn.passages) ? turn.passages.slice(0, MAX_PASSAGES) : [];
  if (passages.length === 0) return NO_DOCUMENT_ANSWER;
  const { facts, reading } = turn;
  const ignored = new Set([...facts.nameTerms, ...SOCIAL_TERMS]);
  const message = readCatalogMessage(turn.text, reading, ignored);
  const previous =
    turn.previous === undefined
      ? undefined
      : readCatalogMessage(turn.previous, readMessage(turn.previous, facts.name), ignored);

  const catalog = catalogAnswer(distinctRecords(passages, facts.websiteHost), message, previous);
  const answeredByCatalog = catalog && catalog.reply.said.length > 0 ? catalog.explained : new Set<string>();
  const topicTerms = new Set([...reading.strong.values()].flatMap((hits) => [...hits]));
  const lookup = new Set([...message.lookup].filter((t) => !answeredByCatalog.has(t)));
  // "How long" is a stop word to the facts, but a sentence stating a duration answers it.
  if (reading.terms.includes(HOW_LONG)) lookup.add(HOW_LONG);
  // "Where is my order?" needs the order system; a shipping policy that mentions orders does not answer it.
  const sections = reading.orderStatus ? undefined : sectionAnswer(passages, lookup, topicTerms, facts.websiteHost);

  const covered = new Set([...(catalog?.explained ?? []), ...(sections?.explained ?? [])]);
  const quoted = sections?.quotedTerms ?? new Set<string>();
  const sectionTerms = sections?.explained ?? new Set<string>();
  return {
    ...(catalog ? { catalog: catalog.reply } : {}),
    ...(sections ? { sections: sections.reply } : {}),
    sources: [...(catalog?.sources ?? []), ...(sections?.sources ?? [])],
    covered,
    answered: !!catalog || !!sections,
    restates: (text) => {
      const terms = contentTerms(text);
      return terms.size > 0 && [...terms].every((t) => quoted.has(t));
    },
    answers: (terms) => terms.size > 0 && [...terms].every((t) => sectionTerms.has(t)),
  };
}

/** The records retrieved, read, each product once (two documents may list the same one). */
function distinctRecords(passages: readonly KnowledgePassage[], host: string | undefined): CatalogRecord[] {
  const seen = new Set<string>();
  return passages.flatMap((passage) => {
    const record = readRecord(passage, host);
    if (!record || seen.has(record.name.toLowerCase())) return [];
    seen.add(record.name.toLowerCase());
    return [record];
  });
}
