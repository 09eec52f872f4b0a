import type { BusinessProfile, KnowledgePassage } from '@voca/contracts';
import { readFacts, type Facts } from './facts.js';
import { KEYWORD_TERMS, readMessage, type FactTopic, type Reading } from './intents.js';
import { answerFromDocuments, NO_DOCUMENT_ANSWER, type DocumentAnswer } from './knowledge/document-answer.js';
import { matchFacts, matchFaqs, type FactMatches, type FaqMatch } from './lookup.js';
import { listOf, plainText } from './plain.js';
import { productReply, quotedReply, specialtyReply, topicReply, type Asked, type Reply, type Said } from './replies.js';
import { contentTerms, flatten, term } from './text.js';
import { voiceOf, type Voice } from './tone.js';

export interface LocalTurn {
  profile: BusinessProfile;
  /** The customer's message this turn. */
  text: string;
  customerName?: string;
  /** True when the agent has not spoken to this customer before (in any channel). */
  firstContact: boolean;
  /** Earlier turns, oldest first, for pronoun-free follow-ups like "and on Sunday?" (optional use). */
  history?: { role: 'customer' | 'agent'; text: string }[];
  /** Passages of the business's documents retrieved for this message, best first; absent when it has none. */
  knowledge?: KnowledgePassage[];
}

export interface LocalAnswer {
  text: string;
  /** The customer asked for a person, or the question cannot be answered from the facts. */
  handoff: boolean;
  /** What the answer covered, e.g. ['hours'], ['returns','shipping'], ['unknown'] (for logs and tests). */
  topics: string[];
  /** The passages the answer's words came from, for the engine to cite; empty when none. */
  sources: KnowledgePassage[];
}

/** The order in which topics are answered and listed, whatever the order of the customer's words. */
const TOPIC_ORDER = [
  'greeting',
  'identity',
  'about',
  'hours',
  'products',
  'specialties',
  'returns',
  'shipping',
  'payment',
  'warranty',
  'contact',
  'website',
  'faq',
  'knowledge',
  'order_status',
  'handoff',
  'unknown',
  'thanks',
  'goodbye',
  'clarify',
] as const;
type Topic = (typeof TOPIC_ORDER)[number];
const FACT_TOPICS: readonly FactTopic[] = [
  'about',
  'hours',
  'products',
  'specialties',
  'returns',
  'shipping',
  'payment',
  'warranty',
  'contact',
  'website',
];

/** Only the last few turns are looked at, and only a short message is taken as a follow-up of the previous one. */
const HISTORY_WINDOW = 6;
const MAX_FOLLOW_UP_TERMS = 8;
/** A greeting may carry a couple of words we do not understand ("hi, Sam here") without being a question. */
const GREETING_SLACK = 2;

const SOCIAL_TERMS = new Set(['hello', 'thank', 'bye'].map(term));
const NAMED = /\b(?:my name is|my names|call me|im called|this is) ([a-z]+)/;

/** What to answer, once the message has been held against the facts. */
interface Plan {
  topics: FactTopic[];
  /** The topics came from weak keywords only ("and on Sunday?"). */
  hintedOnly: boolean;
  faqs: FaqMatch[];
  matches: FactMatches;
  /** Asked about something the facts do not cover. */
  unknownSubject: boolean;
  asked: Asked;
}

/**
 * The offline answerer: replies to a customer from the business's own facts only, deterministically (same turn, same
 * answer), and hands over to a person whenever it does not know.
 */
export function answerLocally(turn: LocalTurn): LocalAnswer {
  const facts = readFacts(turn.profile);
  const voice = voiceOf(facts.tone);
  const customer = firstName(turn.customerName);
  const text = typeof turn.text === 'string' ? turn.text : '';
  const reading = readMessage(text, facts.name);
  const previous = previousCustomerText(turn.history);
  const documents = answerFromDocuments({ passages: turn.knowledge, text, reading, facts, previous });
  let plan = planFor(reading, facts, customer, documents);
  if (isBareFollowUp(plan, reading)) {
    const earlier = previous === undefined ? undefined : planFor(readMessage(previous, facts.name), facts, customer);
    if (earlier && !earlier.hintedOnly && !earlier.unknownSubject && hasSubstance(earlier)) {
      plan = {
        ...earlier,
        asked: {
          days: reading.days.length > 0 ? reading.days : earlier.asked.days,
          contactKinds: earlier.asked.contactKinds,
          askedPrice: reading.askedPrice || earlier.asked.askedPrice,
        },
      };
    }
  }
  return compose(plan, reading, facts, voice, turn.firstContact === true, customer, documents);
}

function planFor(
  reading: Reading,
  facts: Facts,
  customer: string | undefined,
  documents: DocumentAnswer = NO_DOCUMENT_ANSWER,
): Plan {
  const named = NAMED.exec(reading.flat)?.[1];
  const ignored = new Set([...facts.nameTerms, ...contentTerms(customer), ...(named ? [term(named)] : [])]);
  const lookup = new Set([...reading.content].filter((t) => !SOCIAL_TERMS.has(t) && !ignored.has(t)));
  const subject = new Set([...lookup].filter((t) => !KEYWORD_TERMS.has(t)));

  const asked: Asked = { days: reading.days, contactKinds: reading.contactKinds, askedPrice: reading.askedPrice };
  const faqs = matchFaqs(facts.faqs, lookup).filter((m) => !documents.restates(m.faq.answer));
  const faqTerms = new Set(faqs.flatMap((m) => [...m.matched]));
  const strong = new Map(reading.strong);
  for (const [topic, hits] of strong) {
    // The vendor's own FAQ answer is more specific than the general policy it would repeat.
    if (hits.size > 0 && [...hits].every((t) => faqTerms.has(t))) strong.delete(topic);
    // The policy document's own sentences already say what the profile's short policy would repeat, or what the
    // profile does not say at all ("do you ship to Canada?" from the shipping FAQ).
    else if (documents.restates(policyOf(facts, topic))) strong.delete(topic);
    else if (documents.answers(hits) && topicReply(topic, facts, asked).said.length === 0) strong.delete(topic);
  }
  if (reading.orderStatus) strong.delete('shipping');

  const covered = new Set([...faqTerms, ...documents.covered, ...[...strong.values()].flatMap((hits) => [...hits])]);
  let matches = matchFacts(facts, lookup, covered, subject, reading.shopping);
  const aboutProducts =
    reading.strong.has('products') || reading.weak.has('products') || reading.strong.has('specialties');
  if (!aboutProducts && (strong.size > 0 || faqs.length > 0)) {
    // "Can I return the comforter?" is about returns: the comforter only explains the words, it is not an answer.
    matches = { ...matches, products: [], specialties: [] };
  }
  const explained = new Set([...covered, ...matches.explained]);
  let unexplained = [...subject].filter((t) => !explained.has(t));
  const found =
    documents.answered ||
    faqs.length + matches.products.length + matches.specialties.length + matches.knowledge.length > 0;

  let topics = [...strong.keys()];
  let hintedOnly = false;
  const directed = reading.wantsPerson || reading.orderStatus || reading.identity;
  if (reading.greeting && !reading.question && !found && topics.length === 0 && unexplained.length <= GREETING_SLACK) {
    unexplained = [];
  }
  if (topics.length === 0 && !found && unexplained.length === 0 && !directed) {
    topics = [...reading.weak];
    hintedOnly = topics.length > 0;
  }

  let unknownSubject = false;
  if (topics.includes('products') && subject.size > 0) {
    // "Do you sell X?": answered by X's entry, or not at all, never by the whole catalogue.
    topics = topics.filter((t) => t !== 'products');
    if (!found) unknownSubject = true;
  }
  if (unexplained.length > 0 && topics.length === 0 && !found && !reading.wantsPerson && !reading.orderStatus) {
    unknownSubject = true;
  }
  return {
    topics,
    hintedOnly,
    faqs,
    matches,
    unknownSubject,
    asked,
  };
}

function policyOf(facts: Facts, topic: FactTopic): string | undefined {
  const policies: Partial<Record<FactTopic, string>> = {
    returns: facts.returns,
    shipping: facts.shipping,
    warranty: facts.warranty,
    payment: facts.payment,
  };
  return policies[topic];
}

function hasSubstance(plan: Plan): boolean {
  const { matches } = plan;
  return (
    plan.topics.length +
      plan.faqs.length +
      matches.products.length +
      matches.specialties.length +
      matches.knowledge.length >
    0
  );
}

function isBareFollowUp(plan: Plan, reading: Reading): boolean {
  return (
    plan.hintedOnly &&
    reading.terms.length <= MAX_FOLLOW_UP_TERMS &&
    !reading.greeting &&
    !reading.thanks &&
    !reading.goodbye &&
    !reading.identity &&
    !reading.wantsPerson &&
    !reading.orderStatus
  );
}

function previousCustomerText(history: LocalTurn['history']): string | undefined {
  if (!Array.isArray(history)) return undefined;
  const recent = history.slice(-HISTORY_WINDOW);
  for (let i = recent.length - 1; i >= 0; i--) {
    const entry = recent[i];
    if (entry?.role === 'customer' && typeof entry.text === 'string' && flatten(entry.text)) return entry.text;
  }
  return undefined;
}

function compose(
  plan: Plan,
  reading: Reading,
  facts: Facts,
  voice: Voice,
  firstContact: boolean,
  customer: string | undefined,
  documents: DocumentAnswer,
): LocalAnswer {
  const topics = new Set<Topic>();
  const replies = repliesFor(plan, reading, facts, topics, documents);
  const said = replies.flatMap((r) => r.said);
  const missing = replies.flatMap((r) => r.missing);
  const unknown = plan.unknownSubject || missing.length > 0;
  const handoff = unknown || reading.wantsPerson || reading.orderStatus;
  const hasBody = said.length > 0 || handoff;
  const closingOnly = !hasBody && (reading.thanks || reading.goodbye);

  const out: string[] = [];
  let greeted = false;
  if (firstContact && !closingOnly) {
    out.push(firstGreeting(facts, voice, customer, hasBody));
    greeted = true;
  } else if (reading.greeting) {
    out.push(hasBody ? voice.hello(customer) : voice.welcomeBack(facts.name, customer));
    greeted = true;
  }
  if (greeted) {
    topics.add('greeting');
    if (!hasBody && !out[out.length - 1]!.endsWith('?')) out.push(voice.offer);
  }

  out.push(...connected(said, voice, greeted));
  if (missing.length > 0) out.push(`I don't have ${listOf(missing, 'or')} on hand.`);
  if (plan.unknownSubject) out.push(voice.unknown);
  if (unknown) topics.add('unknown');
  if (reading.orderStatus) {
    topics.add('order_status');
    out.push("I can't look up individual orders from here.");
  }
  if (reading.wantsPerson) topics.add('handoff');

  if (handoff) {
    out.push(voice.handoff);
    const hours = facts.storeHours ?? facts.week;
    if (hours && !topics.has('hours')) out.push(`Our team is available ${hours.replace(/[.\s]+$/, '')}.`);
  } else if (said.length > 0) {
    if (!facts.concise) out.push(voice.anythingElse);
  } else if (reading.thanks || reading.goodbye) {
    if (reading.thanks) topics.add('thanks');
    if (reading.goodbye) topics.add('goodbye');
    out.push(reading.thanks ? voice.thanks : voice.goodbye(facts.name));
  } else if (!greeted) {
    topics.add('clarify');
    out.push(voice.offer, ...capabilities(facts));
  }

  return {
    text: plainText(out.filter(Boolean).join(' '), facts.websiteHost),
    handoff,
    topics: TOPIC_ORDER.filter((t) => topics.has(t)),
    sources: [...documents.sources],
  };
}

/** The answers to what was asked, in topic order; `topics` gets each topic actually answered. */
function repliesFor(
  plan: Plan,
  reading: Reading,
  facts: Facts,
  topics: Set<Topic>,
  documents: DocumentAnswer,
): Reply[] {
  const replies: Reply[] = [];
  const add = (topic: Topic, reply: Reply) => {
    if (reply.said.length > 0) topics.add(topic);
    replies.push(reply);
  };
  if (reading.identity) {
    const offer = reading.wantsPerson ? '' : ' I can bring in someone from our team whenever you like.';
    add('identity', {
      said: [{ text: `I'm the automated assistant for ${facts.name}, not a person.${offer}`, connectable: false }],
      missing: [],
    });
  }
  for (const topic of FACT_TOPICS) {
    if (plan.topics.includes(topic)) add(topic, topicReply(topic, facts, plan.asked));
    if (topic === 'products' && plan.matches.products.length > 0)
      add('products', productReply(plan.matches.products, plan.asked));
    if (topic === 'products' && documents.catalog) add('products', documents.catalog);
    if (topic === 'specialties' && plan.matches.specialties.length > 0)
      add('specialties', specialtyReply(plan.matches.specialties));
  }
  if (plan.faqs.length > 0) add('faq', quotedReply(plan.faqs.map((m) => m.faq.answer)));
  if (plan.matches.knowledge.length > 0) add('knowledge', quotedReply(plan.matches.knowledge.map((k) => k.text)));
  if (documents.sections) add('knowledge', documents.sections);
  return replies;
}

/** The business's configured greeting, or the tone's. Before an answer, a greeting's own question is left out. */
function firstGreeting(facts: Facts, voice: Voice, customer: string | undefined, beforeAnswer: boolean): string {
  if (!facts.greeting) return voice.welcome(facts.name, customer);
  if (!beforeAnswer) return facts.greeting;
  const statements = facts.greeting.split(/(?<=[.!?])\s+/).filter((s) => s && !s.endsWith('?'));
  return statements.length > 0 ? statements.join(' ') : voice.welcome(facts.name, customer);
}

/** The tone's lead-in before the first answer (unless greeted), and its connector before the second. */
function connected(said: Said[], voice: Voice, greeted: boolean): string[] {
  return said.map((part, i) => {
    if (i === 0 && !greeted && voice.lead && part.connectable) return `${voice.lead} ${part.text}`;
    if (i === 1 && part.connectable) return `${voice.also} ${part.text.charAt(0).toLowerCase()}${part.text.slice(1)}`;
    return part.text;
  });
}

function capabilities(facts: Facts): string[] {
  const known = [
    facts.storeHours || facts.week ? 'our hours' : undefined,
    facts.products.length > 0 || facts.specialties.length > 0 ? 'our products' : undefined,
    facts.shipping ? 'shipping' : undefined,
    facts.returns ? 'returns' : undefined,
  ].filter((k): k is string => k !== undefined);
  return known.length > 0 ? [`I can tell you about ${listOf(known)}.`] : [];
}

/** The customer's first name as letters only, so a display name cannot inject text into the answer. */
function firstName(name: string | undefined): string | undefined {
  if (typeof name !== 'string') return undefined;
  const first = name
    .trim()
    .split(/\s+/)[0]
    ?.replace(/[^\p{L}\p{M}'’-]/gu, '')
    .replace(/^['’-]+|['’-]+$/g, '');
  return first && first.length <= 30 ? first : undefined;
}
