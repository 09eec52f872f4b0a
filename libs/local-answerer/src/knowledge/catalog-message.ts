import { priceRangeOf, readKnowledgeQuery, type PriceRange } from '@voca/knowledge';
import { KEYWORD_TERMS, type Reading } from '../intents.js';
import { term } from '../text.js';
import type { Role } from './variants.js';

/** What a customer's message asks of the catalog, before it is held against the records retrieved for it. */
export interface CatalogMessage {
  /** Its meaningful terms, the business's own name left out. */
  lookup: Set<string>;
  /** Every word's term, in order: which words stand next to a product's name. */
  terms: readonly string[];
  /** Its words, lower case, as written (before terms fold them): "blue", for "it doesn't come in blue". */
  flat: string;
  /** Codes it names (SKUs), as retrieval reads them. */
  identifiers: readonly string[];
  price: boolean;
  roles: Set<Role>;
  /** Asks about stock: "in stock", "available", "sold out". */
  stock: boolean;
  /** "Do you have", "do you carry": with a size or colour, asks whether that one is there. */
  have: boolean;
  compare: boolean;
  range?: PriceRange;
  /** The currency sign the customer wrote the range with ("$"), to say it back. */
  rangeSign?: string;
  /** Terms that belong to the question rather than to a product: "size", "price", "difference", "under", "50". */
  vocabulary: Set<string>;
  /** Those of its terms a catalog answer answers ("price", "size", "under"), not another topic's ("return"). */
  asked: Set<string>;
  /** It asks about another topic too (returns, hours...): a product it names may only explain the words. */
  otherTopic: boolean;
}

const ROLE_WORDS: Record<Role, RegExp> = {
  size: /\b(?:sizes?|sizing)\b/,
  color: /\b(?:colou?rs?|shades?)\b/,
  material: /\b(?:materials?|fabrics?|made (?:of|from|with|out of)|composition)\b/,
};
const PRICE = /\b(?:cheap(?:er|est)?|pricier|priciest|expensive|afford(?:able)?)\b/;
const STOCK = /\b(?:in stock|out of stock|stocked|stock|sold out|available|availability|inventory|any left)\b/;
const HAVE =
  /\b(?:(?:do|does) (?:you|u|ya)(?: guys| all)? (?:have|carry|stock|sell|offer|got)|have you got|is there|are there|available in)\b/;
const COMPARE = /\b(?:difference|differences|differ|different|compare|compared|comparison|versus|vs|better)\b/;

/** Words of catalog questions, as words: their terms never name a product. */
const QUESTION_WORDS = `price product sell buy purchase size sizes sizing color colour colors colours shade shades
  material materials fabric fabrics made composition stock stocked available availability inventory left sold out
  option options variant variants version versions come comes difference differences differ different compare
  compared comparison versus vs better which between cheaper cheapest pricier priciest expensive afford affordable
  both either each`;
/** Words of a price range ("under $50", "between 20 and 40 euros"), counted only when the message has one. */
const RANGE_WORDS = `under below less cheaper up most max maximum within over above more least from min minimum
  starting between and to dollar dollars buck bucks euro euros pound pounds usd eur gbp budget spend`;

const QUESTION_TERMS = new Set(QUESTION_WORDS.split(/\s+/).map(term));
const RANGE_TERMS = new Set(RANGE_WORDS.split(/\s+/).map(term));

/** `ignored`: terms that are not the customer's subject (the business's name, greetings). */
export function readCatalogMessage(text: string, reading: Reading, ignored: ReadonlySet<string>): CatalogMessage {
  const lower = typeof text === 'string' ? text.slice(0, 2_000).toLowerCase() : '';
  const { flat } = reading;
  const range = priceRangeOf(lower);
  const lookup = new Set([...reading.content].filter((t) => !ignored.has(t)));
  const asked = new Set(
    [...lookup].filter(
      (t) => QUESTION_TERMS.has(t) || (range !== undefined && (RANGE_TERMS.has(t) || /^\d+$/.test(t))),
    ),
  );
  return {
    lookup,
    terms: reading.terms,
    flat,
    identifiers: readKnowledgeQuery(lower).identifiers,
    price: reading.askedPrice || PRICE.test(flat),
    roles: new Set((Object.keys(ROLE_WORDS) as Role[]).filter((role) => ROLE_WORDS[role].test(flat))),
    stock: STOCK.test(flat),
    have: HAVE.test(flat),
    compare: COMPARE.test(flat),
    ...(range ? { range } : {}),
    ...(range && /[$€£]/.test(lower) ? { rangeSign: /[$€£]/.exec(lower)![0] } : {}),
    vocabulary: new Set([...asked, ...KEYWORD_TERMS, ...QUESTION_TERMS]),
    asked,
    otherTopic: [...reading.strong.keys()].some((topic) => topic !== 'products' && topic !== 'specialties'),
  };
}
