import type { KnowledgePassage } from '@voca/contracts';
import { listOf, sentencesOf } from '../plain.js';
import type { Reply } from '../replies.js';
import { contentTerms, intersection } from '../text.js';
import { askedOptions } from './asked-options.js';
import { availabilityOf, overallStock } from './availability.js';
import type { CatalogMessage } from './catalog-message.js';
import type { CatalogRecord } from './catalog-record.js';
import { namedRecords, type Naming } from './named-records.js';
import { priceRangeReply } from './price-range-reply.js';
import { formatSpan } from './prices.js';
import {
  detailSentence,
  lackingPrice,
  lackingRole,
  nameOf,
  priceWords,
  pricesOf,
  roleWords,
  rolesWords,
  sentence,
  summarySentence,
} from './record-phrases.js';
import type { Role } from './variants.js';

/**
 * Answers a catalog question from the records the customer names: a price, sizes, colours, materials, another detail
 * asked by name, stock; two products side by side; or what there is within a price range.
 */
export interface CatalogAnswer {
  reply: Reply;
  /** The records whose fields the reply's words came from. */
  sources: KnowledgePassage[];
  /** The message's terms it accounts for. */
  explained: Set<string>;
}

/** At most this many products are listed or compared: a call must stay short enough to follow. */
const MAX_LISTED = 3;
/** What a comparison says of each product when the customer names no aspect. */
const COMPARED: readonly Role[] = ['material', 'size'];

/** `previous`: the customer's message before, for a bare follow-up ("and in Queen?", "how much is it?"). */
export function catalogAnswer(
  records: readonly CatalogRecord[],
  message: CatalogMessage,
  previous?: CatalogMessage,
): CatalogAnswer | undefined {
  let naming = namedRecords(records, message);
  if (naming.records.length === 0 && previous) naming = followedUp(records, message, previous);
  if (message.range && !(naming.records.length > 0 && naming.whole && !naming.kind)) {
    return priceRangeReply(records, message.range, message);
  }
  if (naming.records.length === 0) return undefined;
  return naming.records.length === 1 && !naming.kind
    ? aboutOne(naming.records[0]!, naming, message)
    : aboutSeveral(naming, message);
}

/** The products named before, when this message only adds what it asks of them. */
function followedUp(records: readonly CatalogRecord[], message: CatalogMessage, previous: CatalogMessage): Naming {
  const asks = message.price || message.roles.size > 0 || message.stock || message.have || message.compare;
  const earlier = namedRecords(records, previous);
  const rest = [...message.lookup].filter((t) => !message.vocabulary.has(t) && !/^\d+$/.test(t));
  const described = rest.every((t) => earlier.records.some((r) => r.valueTerms.has(t)));
  if (earlier.records.length === 0 || !described || (!asks && rest.length === 0)) return { ...earlier, records: [] };
  return { ...earlier, explained: new Set(rest) };
}

function aboutOne(record: CatalogRecord, naming: Naming, message: CatalogMessage): CatalogAnswer | undefined {
  const options = askedOptions(record, message);
  const explained = new Set([...naming.explained, ...options.explained, ...message.asked]);
  const sentences: string[] = [];
  const missing: string[] = [];

  const aspects: string[] = [];
  if (message.price || message.range) {
    const price = priceWords(record, options.combinations);
    if (price) aspects.push(price);
    else missing.push(lackingPrice(record));
  }
  // "In size 10", "in King size" pick a size; "what sizes?" asks for them.
  const picked = new Set<string>([
    ...options.unoffered.map((u) => u.role),
    ...options.combinations.flatMap((c) => [...c.keys()]),
  ]);
  const roles = [...message.roles].filter((role) => !picked.has(role));
  for (const role of roles) if (!roleWords(record, role)) missing.push(lackingRole(record, role));
  aspects.push(...rolesWords(record, roles));
  if (aspects.length > 0) sentences.push(sentence(`${nameOf(record)} ${listOf(aspects)}`));

  const details = askedDetails([record], message);
  for (const label of details) {
    const detail = record.details.find((d) => d.label === label);
    if (detail) sentences.push(detailSentence(record, detail));
    else missing.push(`the ${label} of ${nameOf(record)}`);
    for (const t of detail?.labelTerms ?? []) explained.add(t);
  }

  const onlyOptions = aspects.length === 0 && details.length === 0;
  const optionsAsked = options.combinations.length > 0 || options.unoffered.length > 0;
  if (message.stock || (optionsAsked && (message.have || onlyOptions))) {
    const stock = availabilityOf(record, options, message.stock || message.have);
    sentences.push(...stock.sentences);
    missing.push(...stock.missing);
  }

  const rest = [...message.lookup].filter((t) => !explained.has(t) && !/^\d+$/.test(t));
  if (rest.length > 0) {
    const quote = describing(record, rest);
    if (quote) {
      sentences.push(quote.text);
      for (const t of quote.terms) explained.add(t);
    } else if (sentences.length === 0 && missing.length === 0) {
      // Something about it that the record does not say ("is it warm enough for winter?"): not answered here.
      return undefined;
    }
  }
  if (sentences.length === 0 && missing.length === 0) {
    // "Can I return the Cloud Duvet?" is about returns: the product only explains the words.
    if (message.otherTopic && !message.have) return undefined;
    // "Do you have the Cloud Duvet?": what it is and costs, and whether it is in stock when the record says.
    sentences.push(summarySentence(record));
    const stock = message.have ? overallStock(record, 'it') : undefined;
    if (stock) sentences.push(stock);
  }
  return { reply: replyOf(sentences, missing), sources: sentences.length > 0 ? [record.passage] : [], explained };
}

function aboutSeveral(naming: Naming, message: CatalogMessage): CatalogAnswer | undefined {
  const records = naming.records.slice(0, MAX_LISTED);
  const more = naming.records.length > MAX_LISTED ? ', among others' : '';
  const explained = new Set([...naming.explained, ...message.asked]);
  const sentences: string[] = [];
  const missing: string[] = [];
  const used = new Set<CatalogRecord>();
  const details = askedDetails(records, message);
  const asked = message.price || message.roles.size > 0 || details.length > 0 || message.stock;
  if (!asked && message.otherTopic && !message.have && !message.compare) return undefined;

  if (naming.kind && message.roles.size === 0 && details.length === 0 && !message.stock) {
    const items = records.map((record) => {
      const price = formatSpan(pricesOf(record));
      if (!price && message.price) missing.push(lackingPrice(record));
      used.add(record);
      return price ? `${nameOf(record)} at ${price}` : nameOf(record);
    });
    sentences.push(`We have ${listOf(items)}${more}.`);
  } else {
    // Nothing in particular asked ("what's the difference?"): the price, and for a comparison what each is made of.
    const roles = asked ? [...message.roles] : naming.kind ? [] : COMPARED;
    const withPrice = message.price || !asked;
    const clauses = records.flatMap((record) => {
      const aspects: string[] = [];
      const price = withPrice ? priceWords(record, [], { brief: true }) : undefined;
      if (price) aspects.push(price);
      else if (message.price) missing.push(lackingPrice(record));
      for (const role of message.roles) if (!roleWords(record, role)) missing.push(lackingRole(record, role));
      aspects.push(...rolesWords(record, roles));
      if (aspects.length === 0) return [];
      used.add(record);
      return [`${nameOf(record)} ${listOf(aspects)}`];
    });
    if (clauses.length > 0) sentences.push(sentence(`${clauses.join('; ')}${more}`));
  }

  for (const record of records) {
    for (const label of details) {
      const detail = record.details.find((d) => d.label === label);
      if (detail) sentences.push(detailSentence(record, detail));
      else missing.push(`the ${label} of ${nameOf(record)}`);
      if (detail) used.add(record);
      for (const t of detail?.labelTerms ?? []) explained.add(t);
    }
    if (message.stock) {
      const stock = availabilityOf(record, askedOptions(record, message), true);
      sentences.push(...stock.sentences);
      missing.push(...stock.missing);
      if (stock.sentences.length > 0) used.add(record);
    }
  }
  return {
    reply: replyOf(sentences, missing),
    sources: records.filter((r) => used.has(r)).map((r) => r.passage),
    explained,
  };
}

/** One statement about the products: the tone's "Also," belongs between answers to different questions. */
function replyOf(sentences: readonly string[], missing: string[]): Reply {
  return { said: sentences.length > 0 ? [{ text: sentences.join(' '), connectable: true }] : [], missing };
}

/** Details asked by their name ("thread count"), of the fields these records have. */
function askedDetails(records: readonly CatalogRecord[], message: CatalogMessage): string[] {
  const labels = records.flatMap((r) => r.details).filter((d) => [...d.labelTerms].every((t) => message.lookup.has(t)));
  return [...new Set(labels.map((d) => d.label))];
}

/** "Is it machine washable?": the detail or sentence of its description that holds most of the customer's words. */
function describing(record: CatalogRecord, rest: readonly string[]): { text: string; terms: Set<string> } | undefined {
  const wanted = new Set(rest);
  const enough = Math.ceil(wanted.size / 2);
  let best: { text: string; terms: Set<string> } | undefined;
  for (const detail of record.details) {
    const terms = intersection(detail.terms, wanted);
    if (terms.size >= enough && terms.size > (best?.terms.size ?? 0))
      best = { text: detailSentence(record, detail), terms };
  }
  for (const part of sentencesOf(record.description ?? '')) {
    const terms = intersection(contentTerms(part), wanted);
    if (terms.size >= enough && terms.size > (best?.terms.size ?? 0))
      best = { text: sentence(`${nameOf(record)}: ${part.replace(/[.!?]+$/, '')}`), terms };
  }
  return best;
}
