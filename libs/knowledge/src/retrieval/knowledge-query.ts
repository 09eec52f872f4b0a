/** What of a customer's message retrieval searches with. */
export interface KnowledgeQuery {
  /** Its words (letters or digits), lower-cased, deduplicated, in order: any of them may match (an OR query). */
  words: string[];
  /** Codes it names (SKUs, model numbers: a token holding a digit), lower-cased letters and digits only. */
  identifiers: string[];
  /** A price range it asks for ("under $50", "between 20 and 40 euros"), bounds inclusive. */
  price?: PriceRange;
}

export interface PriceRange {
  atMost?: number;
  atLeast?: number;
}

/** Bounds the work one message costs: past these, words are ignored. */
const MAX_WORDS = 32;
const MAX_IDENTIFIERS = 8;
const MAX_QUERY_CHARS = 1_000;

const WORD = /[\p{L}\p{N}]+/gu;
const CODE = /[\p{L}\p{N}]+(?:[-_./][\p{L}\p{N}]+)*/gu;

const AMOUNT = String.raw`(?:[$€£]\s?)?(\d+(?:[.,]\d{1,2})?)(?:\s?(?:[$€£]|dollars?|bucks|euros?|pounds?|usd|eur|gbp)\b)?`;
const AT_MOST = String.raw`(?:under|below|less than|cheaper than|up to|at most|no more than|not more than|max(?:imum)?|within)`;
const AT_LEAST = String.raw`(?:over|above|more than|at least|from|min(?:imum)?|starting at)`;
const CURRENCY = /[$€£]|\b(?:dollars?|bucks|euros?|pounds?|usd|eur|gbp)\b/;
const PRICE_WORDS = /\b(?:price[sd]?|cost[s]?|budget|spend|cheap(?:er|est)?|afford(?:able)?|expensive|pricey)\b/;

const BETWEEN = new RegExp(String.raw`\b(?:between|from)\s+${AMOUNT}\s*(?:and|to|-)\s*${AMOUNT}`, 'i');
const RANGE = new RegExp(String.raw`${AMOUNT}\s*(?:-|–|to)\s*${AMOUNT}`, 'i');
const BOUND_BEFORE = (words: string) => new RegExp(String.raw`\b${words}\s+${AMOUNT}`, 'i');
const OR_LESS = new RegExp(String.raw`${AMOUNT}\s+(?:or|and)\s+(?:less|under|below|cheaper)\b`, 'i');
const OR_MORE = new RegExp(String.raw`${AMOUNT}\s+(?:or|and)\s+(?:more|over|above|up)\b`, 'i');

/** Reads a customer's message into what retrieval searches with. Never throws; bounded in work. */
export function readKnowledgeQuery(text: string): KnowledgeQuery {
  const message = (typeof text === 'string' ? text : '').slice(0, MAX_QUERY_CHARS);
  const lower = message.toLowerCase();
  const words = [...new Set(lower.match(WORD) ?? [])].slice(0, MAX_WORDS);
  const identifiers = [
    ...new Set(
      (lower.match(CODE) ?? [])
        .filter((token) => /\d/.test(token))
        .map((token) => token.replace(/[^\p{L}\p{N}]/gu, '')),
    ),
  ]
    .filter((code) => code.length >= 3 && !/^\d{1,3}$/.test(code))
    .slice(0, MAX_IDENTIFIERS);
  const price = priceRangeOf(lower);
  return { words, identifiers, ...(price ? { price } : {}) };
}

/**
 * The price range a message asks for. A bare number counts only beside a currency or a word about prices, so
 * "under 30 cm" or "for 2 people" is not a budget.
 */
export function priceRangeOf(lower: string): PriceRange | undefined {
  const aboutPrice = CURRENCY.test(lower) || PRICE_WORDS.test(lower);
  if (!aboutPrice) return undefined;
  const between = BETWEEN.exec(lower) ?? (CURRENCY.test(lower) ? RANGE.exec(lower) : null);
  if (between) {
    const [a, b] = [amount(between[1]!), amount(between[2]!)];
    return { atLeast: Math.min(a, b), atMost: Math.max(a, b) };
  }
  const atMost = BOUND_BEFORE(AT_MOST).exec(lower) ?? OR_LESS.exec(lower);
  const atLeast = BOUND_BEFORE(AT_LEAST).exec(lower) ?? OR_MORE.exec(lower);
  if (!atMost && !atLeast) return undefined;
  return {
    ...(atMost ? { atMost: amount(atMost[1]!) } : {}),
    ...(atLeast ? { atLeast: amount(atLeast[1]!) } : {}),
  };
}

function amount(digits: string): number {
  return Number(digits.replace(',', '.'));
}
