import type { Weekday } from '@voca/contracts';
import type { Facts, ProductFact, TextFact } from './facts.js';
import { dayName } from './hours.js';
import type { ContactKind, FactTopic } from './intents.js';
import { asSentence, clip, listOf, withoutFinalStop } from './plain.js';

/**
 * The sentences that answer each topic, quoting the business's facts. When a fact is missing the reply names it
 * instead (a noun phrase for "I don't have ... on hand"), so nothing is ever made up.
 */

export interface Said {
  text: string;
  /** Starts with one of our own words, so a connector may precede it ("Also, our returns policy..."). */
  connectable: boolean;
}

export interface Reply {
  said: Said[];
  missing: string[];
}

export interface Asked {
  days: readonly Weekday[];
  contactKinds: ReadonlySet<ContactKind>;
  askedPrice: boolean;
}

const MAX_LISTED_PRODUCTS = 3;
const MAX_LISTED_SPECIALTIES = 5;
const MAX_DAYS = 2;

const ours = (text: string): Said => ({ text, connectable: true });
const quoted = (text: string): Said => ({ text: asSentence(text), connectable: false });
const answered = (...said: Said[]): Reply => ({ said, missing: [] });
const lacking = (missing: string): Reply => ({ said: [], missing: [missing] });

export function topicReply(topic: FactTopic, facts: Facts, asked: Asked): Reply {
  switch (topic) {
    case 'about':
      return aboutReply(facts);
    case 'hours':
      return hoursReply(facts, asked);
    case 'products':
      return facts.products.length > 0
        ? answered(ours(`We offer ${productList(facts.products)}.`))
        : facts.specialties.length > 0
          ? answered(specialtiesSaid(facts.specialties))
          : facts.description
            ? aboutReply(facts)
            : lacking('our product list');
    case 'specialties':
      return facts.specialties.length > 0
        ? answered(specialtiesSaid(facts.specialties))
        : facts.products.length > 0
          ? answered(ours(`We offer ${productList(facts.products)}.`))
          : lacking('details of our specialties');
    case 'returns':
      return policy(facts.returns, 'Our returns policy', 'our returns policy');
    case 'shipping':
      return policy(facts.shipping, 'Our shipping policy', 'our shipping details');
    case 'payment':
      return policy(facts.payment, 'Our payment options', 'our payment options');
    case 'warranty':
      return policy(facts.warranty, 'Our warranty', 'our warranty details');
    case 'contact':
      return contactReply(facts, asked.contactKinds);
    case 'website':
      return facts.website
        ? answered(ours(`You can find us online at ${facts.website}.`))
        : lacking('a website address');
  }
}

function policy(fact: string | undefined, label: string, noun: string): Reply {
  return fact ? answered(ours(`${label}: ${asSentence(fact)}`)) : lacking(noun);
}

function aboutReply(facts: Facts): Reply {
  if (facts.description)
    return answered({ text: `About ${facts.name}: ${asSentence(facts.description)}`, connectable: false });
  if (facts.specialties.length > 0) return answered(ours(`We're ${facts.name}.`), specialtiesSaid(facts.specialties));
  return answered(ours(`We're ${facts.name}.`));
}

function hoursReply(facts: Facts, asked: Asked): Reply {
  const said: Said[] = [];
  if (facts.storeHours) said.push(ours(`Our store hours are ${withoutFinalStop(facts.storeHours)}.`));
  const days = facts.hoursByDay.size > 0 ? asked.days.slice(0, MAX_DAYS) : [];
  for (const day of days) {
    const ranges = facts.hoursByDay.get(day);
    said.push(ours(ranges ? `On ${dayName(day)} we're open ${ranges}.` : `On ${dayName(day)} we're closed.`));
  }
  if (said.length === 0 && facts.week) said.push(ours(`We're open ${facts.week}.`));
  return said.length > 0 ? answered(...said) : lacking('our opening hours');
}

const CONTACT_NOUNS: Record<ContactKind, string> = {
  phone: 'phone number',
  email: 'email address',
  address: 'street address',
};

function contactReply(facts: Facts, kinds: ReadonlySet<ContactKind>): Reply {
  const known = (['phone', 'email', 'address'] as const).filter((kind) => facts[kind]);
  // Free-text contact details cannot be split by kind: they answer any contact question the structured ones do not.
  if (facts.contactText && !known.some((kind) => kinds.has(kind))) {
    return answered(ours(`You can reach us at ${withoutFinalStop(facts.contactText)}.`));
  }
  if (known.length === 0) return lacking('our contact details');
  const wanted = kinds.size > 0 ? known.filter((kind) => kinds.has(kind)) : known;
  const said: Said[] = [];
  if (wanted.length === 0) {
    const absent = [...kinds].map((kind) => CONTACT_NOUNS[kind]);
    said.push({ text: `I don't have our ${listOf(absent, 'or')} on hand.`, connectable: false });
  }
  const shown = wanted.length > 0 ? wanted : known;
  const reach = [
    shown.includes('phone') ? `call us at ${facts.phone}` : undefined,
    shown.includes('email') ? `email us at ${facts.email}` : undefined,
  ].filter((part): part is string => part !== undefined);
  if (reach.length > 0) said.push(ours(`You can ${listOf(reach, 'or')}.`));
  if (shown.includes('address')) said.push(ours(`Our address is ${withoutFinalStop(facts.address!)}.`));
  return answered(...said);
}

function specialtiesSaid(specialties: readonly TextFact[]): Said {
  const listed = specialties.slice(0, MAX_LISTED_SPECIALTIES).map((s) => withoutFinalStop(s.text));
  return ours(`We specialize in ${listOf(listed)}.`);
}

function productList(products: readonly ProductFact[]): string {
  const listed = products
    .slice(0, MAX_LISTED_PRODUCTS)
    .map((p) => (p.price === undefined ? the(p.name) : `${the(p.name)} at ${money(p.price)}`));
  return products.length > MAX_LISTED_PRODUCTS ? `${listed.join(', ')}, among others` : listOf(listed);
}

/** One sentence per product the customer named, with its price when the business gave one. */
export function productReply(products: readonly ProductFact[], asked: Asked): Reply {
  const said: Said[] = [];
  const missing: string[] = [];
  for (const product of products) {
    const summary = product.description ? ` (${withoutFinalStop(clip(firstSentence(product.description), 120))})` : '';
    if (product.price !== undefined) {
      said.push(ours(`${capitalised(the(product.name))}${summary} is ${money(product.price)}.`));
    } else {
      said.push(ours(`We have ${the(product.name)}${summary}.`));
      if (asked.askedPrice) missing.push(`the price of ${the(product.name)}`);
    }
  }
  return { said, missing };
}

export function specialtyReply(specialties: readonly TextFact[]): Reply {
  return answered(specialtiesSaid(specialties));
}

export function quotedReply(texts: readonly string[]): Reply {
  return answered(...texts.map(quoted));
}

/**
 * "the Egyptian Cotton Sheet Set", but "pillows": a name in lower case is a kind of product (as the spec's
 * identifiers are), not one product.
 */
export function the(name: string): string {
  return /^the\s/i.test(name) || !/^\p{Lu}/u.test(name) ? name : `the ${name}`;
}

export function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function firstSentence(text: string): string {
  const end = text.search(/[.!?](?:\s|$)/);
  return end > 0 ? text.slice(0, end) : text;
}

/** 89.5 -> "$89.50", 1200 -> "$1,200". The profile has no currency field; prices are in dollars. */
export function money(amount: number): string {
  const [whole, cents] = (Number.isInteger(amount) ? String(amount) : amount.toFixed(2)).split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return cents ? `$${grouped}.${cents}` : `$${grouped}`;
}
