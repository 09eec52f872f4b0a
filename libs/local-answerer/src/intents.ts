import type { Weekday } from '@voca/contracts';
import { weekdayOf } from './hours.js';
import { term, words, type Words } from './text.js';

/**
 * What the customer asks about, from keywords. A strong keyword names its topic on its own ("refund" -> returns); a
 * weak one only hints at it ("tomorrow" -> hours) and counts when nothing else in the message explains it.
 */
export type FactTopic =
  | 'about'
  | 'hours'
  | 'products'
  | 'specialties'
  | 'returns'
  | 'shipping'
  | 'payment'
  | 'warranty'
  | 'contact'
  | 'website';

export type ContactKind = 'phone' | 'email' | 'address';

interface Rule {
  topic: FactTopic;
  strong: string[];
  weak?: string[];
}

const DAY_WORDS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'weekend', 'weekday'];

/** The keywords, as words; they are turned into terms (stemmed, synonyms folded) when the module loads. */
export const INTENT_KEYWORDS: readonly Rule[] = [
  {
    topic: 'hours',
    strong: ['hours', 'open', 'close'],
    weak: ['when', 'time', 'today', 'tonight', 'tomorrow', ...DAY_WORDS],
  },
  {
    topic: 'products',
    strong: ['sell', 'catalog', 'catalogue', 'inventory', 'collection', 'merchandise', 'menu'],
    weak: ['product', 'price', 'buy', 'purchase', 'range', 'doyouhave', 'recommend', 'suggest'],
  },
  { topic: 'specialties', strong: ['specialty', 'known', 'famous'] },
  { topic: 'returns', strong: ['return', 'exchange'] },
  { topic: 'shipping', strong: ['ship', 'arrive'], weak: ['howlong', 'track', 'tracking'] },
  {
    topic: 'payment',
    strong: [
      'pay',
      'paycard',
      'paypal',
      'visa',
      'mastercard',
      'amex',
      'cash',
      'cheque',
      'installment',
      'instalment',
      'klarna',
      'afterpay',
      'venmo',
      'zelle',
      'mpesa',
      'bitcoin',
      'crypto',
    ],
    weak: ['card'],
  },
  { topic: 'warranty', strong: ['warranty'] },
  { topic: 'contact', strong: ['contact', 'phone', 'email', 'address', 'reach'], weak: ['where', 'number', 'visit'] },
  { topic: 'website', strong: ['website', 'link'], weak: ['order'] },
];

const CONTACT_KINDS: Record<ContactKind, string[]> = {
  phone: ['phone', 'number'],
  email: ['email'],
  address: ['address', 'where', 'visit', 'find'],
};

/** Words that the rules below read from the flat text, so they never count as an unexplained subject. */
const OTHER_KEYWORDS = [
  'hello',
  'thank',
  'bye',
  'human',
  'person',
  'people',
  'someone',
  'somebody',
  'anyone',
  'anybody',
  'staff',
  'team',
  'representative',
  'rep',
  'operator',
  'manager',
  'supervisor',
  'agent',
  'employee',
  'owner',
  'talk',
  'speak',
  'chat',
  'connect',
  'transfer',
  'put',
  'real',
  'live',
  'bot',
  'chatbot',
  'robot',
  'ai',
  'machine',
  'computer',
  'automated',
  'automatic',
  'status',
  'package',
  'parcel',
  'late',
  'delayed',
  'delay',
  'missing',
  'lost',
  'stuck',
  'arrived',
  'received',
  'yet',
  'never',
  'about',
  'yourself',
  'yourselves',
  'visit',
  'find',
  'callback',
  'shopping',
];

const RULE_TERMS = INTENT_KEYWORDS.map((rule) => ({
  topic: rule.topic,
  strong: new Set(rule.strong.map(term)),
  weak: new Set((rule.weak ?? []).map(term)),
}));

/** Every term a rule reads: what is left of a message after removing these is its subject. */
export const KEYWORD_TERMS: ReadonlySet<string> = new Set([
  ...RULE_TERMS.flatMap((rule) => [...rule.strong, ...rule.weak]),
  ...Object.values(CONTACT_KINDS).flat().map(term),
  ...OTHER_KEYWORDS.map(term),
]);

const SHOPPING_TERMS = ['need', 'want', 'looking', 'shopping'].map(term);

const SOCIAL_TERMS = { greeting: term('hello'), thanks: term('thank'), goodbye: term('bye') };

const PERSON = String.raw`(?:humans?|person|people|someone|somebody|anyone|anybody|staff|team|representatives?|rep|operators?|manager|supervisor|agents?|employees?|owner)`;
const WANTS_PERSON = [
  /\b(?:humans?|representatives?|operators?|supervisor|live (?:agent|person|chat)|real (?:person|human|people)|agent|call (?:me|us)|call ?back)\b/,
  new RegExp(
    String.raw`\b(?:talk|speak|chat|connect|transfer|put|get|want|need|call|reach)(?:\s+\w+){0,4}?\s+${PERSON}\b`,
  ),
  new RegExp(String.raw`\b${PERSON}(?:\s+\w+){0,2}?\s+(?:call|contact|help|phone|text|get back to)\s+(?:me|us)\b`),
  new RegExp(String.raw`\b${PERSON}\s+(?:i|we)\s+(?:can|could)\s+(?:talk|speak|chat)\b`),
];
const IDENTITY =
  /\bwhat(?: is|s) your name\b|\bwho are (?:you|u)\b|\bwho am i (?:talking|speaking|chatting) (?:to|with)\b|\b(?:are you|are u|r u|is this|am i (?:talking|speaking|chatting) (?:to|with)|you are|youre|ur)\b(?:\s+\w+){0,3}?\s+(?:humans?|real|person|bot|robot|ai|machine|computer|automated|automatic|chatbot|agent|live)\b|\b(?:bot|chatbot|robot)\b/;
const ORDER = '(?:order|package|parcel|delivery|shipment|purchase)';
const ORDER_STATUS = [
  new RegExp(
    String.raw`\b(?:where(?: is| are| s)?|wheres|track|tracking|status of)(?:\s+\w+){0,3}?\s+(?:my|our)\s+${ORDER}\b`,
  ),
  new RegExp(
    String.raw`\b(?:my|our)\s+${ORDER}s?\b(?:\s+\w+){0,4}?\s+(?:status|late|delayed|missing|lost|stuck|not arrived|hasnt arrived|havent arrived|never arrived|didnt arrive|not here|not received|still not|not come|hasnt come|yet)\b`,
  ),
  new RegExp(String.raw`\b${ORDER} status\b`),
];
const ABOUT =
  /\b(?:about (?:you|yourselves|yourself|your (?:company|business|store|shop|brand))|what do you do|what is this (?:company|business|store|shop))\b/;

/** What a message asks, before it is checked against the business's facts. */
export interface Reading extends Words {
  /** Topics named by a strong keyword, with the terms that named them. */
  strong: Map<FactTopic, Set<string>>;
  /** Topics only hinted at. */
  weak: Set<FactTopic>;
  greeting: boolean;
  thanks: boolean;
  goodbye: boolean;
  /** "Are you a bot?" */
  identity: boolean;
  wantsPerson: boolean;
  /** "Where is my order?": needs the order system, which this answerer cannot see. */
  orderStatus: boolean;
  /** Days named, for the hours of a given day. */
  days: Weekday[];
  contactKinds: Set<ContactKind>;
  /** Whether the customer asked about a price. */
  askedPrice: boolean;
  /** Asks about products, or says they need or look for something ("I need sheets for a king bed"). */
  shopping: boolean;
  question: boolean;
}

/** `businessName` is blanked out first, so "Hi Open Road Bikes" does not ask about opening hours. */
export function readMessage(text: string, businessName?: string): Reading {
  const w = words(text, businessName);
  const terms = new Set(w.terms);
  const strong = new Map<FactTopic, Set<string>>();
  const weak = new Set<FactTopic>();
  for (const rule of RULE_TERMS) {
    const hits = new Set(w.terms.filter((t) => rule.strong.has(t)));
    if (hits.size > 0) strong.set(rule.topic, hits);
    else if (w.terms.some((t) => rule.weak.has(t))) weak.add(rule.topic);
  }
  if (ABOUT.test(w.flat)) strong.set('about', new Set());

  const identityMatch = IDENTITY.exec(w.flat);
  const rest = identityMatch ? w.flat.replace(identityMatch[0], ' ') : w.flat;
  const contactKinds = new Set(
    (Object.keys(CONTACT_KINDS) as ContactKind[]).filter((kind) => CONTACT_KINDS[kind].some((k) => terms.has(term(k)))),
  );
  return {
    ...w,
    strong,
    weak,
    greeting: terms.has(SOCIAL_TERMS.greeting),
    thanks: terms.has(SOCIAL_TERMS.thanks),
    goodbye: terms.has(SOCIAL_TERMS.goodbye),
    identity: identityMatch !== null,
    wantsPerson: WANTS_PERSON.some((pattern) => pattern.test(rest)),
    orderStatus: ORDER_STATUS.some((pattern) => pattern.test(w.flat)),
    days: daysIn(w.flat),
    contactKinds,
    askedPrice: terms.has(term('price')),
    shopping: strong.has('products') || weak.has('products') || SHOPPING_TERMS.some((t) => terms.has(t)),
    question: typeof text === 'string' && text.includes('?'),
  };
}

function daysIn(flat: string): Weekday[] {
  const days = flat.split(' ').flatMap((word): Weekday[] => {
    if (word === 'weekend' || word === 'weekends') return ['SATURDAY', 'SUNDAY'];
    return [weekdayOf(word.replace(/s$/, ''))].flatMap((day) => day ?? []);
  });
  return [...new Set(days)];
}
