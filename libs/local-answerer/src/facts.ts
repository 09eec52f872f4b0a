import type { BusinessProfile, Weekday } from '@voca/contracts';
import { describeWeek, rangesByDay } from './hours.js';
import { asSentence, clip, hostOf, plainText, withoutFileNames } from './plain.js';
import { contentTerms } from './text.js';
import { toneOf, type Tone } from './tone.js';

/** Caps on what is read from a profile, whatever its validation let through. */
const MAX_PRODUCTS = 500;
const MAX_ENTRIES = 200;
/** Beyond this a "price" is a data error, not something to read out. */
const MAX_PRICE = 1e12;

export interface ProductFact {
  name: string;
  description?: string;
  price?: number;
  nameTerms: Set<string>;
  terms: Set<string>;
}
export interface TextFact {
  text: string;
  terms: Set<string>;
}
export interface FaqFact {
  answer: string;
  terms: Set<string>;
}

/** A business profile, cleaned to plain text and indexed for matching. Missing facts are undefined or empty. */
export interface Facts {
  name: string;
  nameTerms: Set<string>;
  description?: string;
  tone: Tone;
  concise: boolean;
  greeting?: string;
  storeHours?: string;
  week?: string;
  hoursByDay: Map<Weekday, string>;
  returns?: string;
  shipping?: string;
  warranty?: string;
  payment?: string;
  phone?: string;
  email?: string;
  address?: string;
  /** Free-text contact details (the spec's `contact_info` when it is neither a phone nor an email). */
  contactText?: string;
  website?: string;
  /** The website's host: the only one whose links may appear in an answer. */
  websiteHost?: string;
  products: ProductFact[];
  specialties: TextFact[];
  knowledge: TextFact[];
  faqs: FaqFact[];
}

export function readFacts(profile: BusinessProfile): Facts {
  const voice = profile?.voice ?? {};
  const policies = profile?.policies ?? {};
  const contact = profile?.contact ?? {};
  const website = validWebsite(profile?.website);
  const host = website ? hostOf(websiteUrl(website)) : undefined;
  const clean = (value: unknown, max?: number): string | undefined => {
    if (typeof value !== 'string') return undefined;
    // A fact that only points at a document (`return_policy: "returns.pdf"`) is not something to say.
    const text = withoutFileNames(plainText(value, host));
    return text ? clip(text, max) : undefined;
  };
  const name = clean(profile?.name, 200) ?? 'our business';
  const hoursByDay = rangesByDay(profile?.opening_hours);

  return {
    name,
    nameTerms: contentTerms(name),
    description: clean(profile?.description),
    tone: toneOf(voice, profile?.business_type),
    concise: /\b(?:concise|brief|short|succinct|terse|to the point)\b/i.test(voice.response_style ?? ''),
    greeting: clean(voice.greeting),
    storeHours: clean(profile?.store_hours),
    week: describeWeek(hoursByDay, profile?.timezone),
    hoursByDay,
    returns: clean(policies.returns),
    shipping: clean(policies.shipping),
    warranty: clean(policies.warranty),
    payment: clean(policies.payment),
    phone: clean(contact.phone, 40),
    email: clean(contact.email, 254),
    address: clean(contact.address),
    contactText: clean(contact.text, 500),
    website,
    websiteHost: host,
    products: list(profile?.products, MAX_PRODUCTS).flatMap((product) => {
      const productName = clean(product?.name, 200);
      if (!productName) return [];
      const description = clean(product.description, 2_000);
      const price =
        typeof product.price === 'number' && product.price >= 0 && product.price < MAX_PRICE
          ? product.price
          : undefined;
      const nameTerms = contentTerms(productName);
      return [
        {
          name: productName,
          description,
          price,
          nameTerms,
          terms: new Set([...nameTerms, ...contentTerms(description)]),
        },
      ];
    }),
    specialties: textFacts(list(profile?.specialties, MAX_ENTRIES).map((s) => clean(s, 200))),
    knowledge: textFacts(list(profile?.knowledge, MAX_ENTRIES).map((k) => clean(k))),
    faqs: list(profile?.faqs, MAX_ENTRIES).flatMap((faq) => {
      const question = clean(faq?.question);
      const answer = clean(faq?.answer);
      return question && answer ? [{ answer: asSentence(answer), terms: contentTerms(question) }] : [];
    }),
  };
}

function list<T>(value: readonly T[] | undefined, max: number): T[] {
  return Array.isArray(value) ? value.slice(0, max) : [];
}

function textFacts(texts: (string | undefined)[]): TextFact[] {
  return texts.flatMap((text) => (text ? [{ text, terms: contentTerms(text) }] : []));
}

/** An http(s) URL, or a bare domain as the spec writes it (quoted as given: "cozycomfort.com" reads well aloud). */
function validWebsite(value: unknown): string | undefined {
  if (typeof value !== 'string' || /\s/.test(value.trim())) return undefined;
  const website = value.trim();
  return hostOf(websiteUrl(website)) ? website : undefined;
}

function websiteUrl(website: string): string {
  return /^https?:\/\//i.test(website) ? website : `https://${website}`;
}
