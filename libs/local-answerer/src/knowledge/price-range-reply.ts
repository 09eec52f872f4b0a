import type { PriceRange } from '@voca/knowledge';
import { listOf } from '../plain.js';
import { capitalised } from '../replies.js';
import type { CatalogAnswer } from './catalog-reply.js';
import type { CatalogMessage } from './catalog-message.js';
import type { CatalogRecord } from './catalog-record.js';
import { formatSpan } from './prices.js';
import { nameOf, pricesOf } from './record-phrases.js';

/** A call must stay short enough to follow: past this many products, "among others". */
const MAX_LISTED = 3;

/**
 * "What do you have under $50?": the records whose own price is within the range (checked here, whatever retrieval
 * let through), and that the rest of the message describes ("duvets under $150"); or that there are none.
 */
export function priceRangeReply(
  records: readonly CatalogRecord[],
  range: PriceRange,
  message: CatalogMessage,
): CatalogAnswer {
  const kind = [...message.lookup].filter((t) => !message.vocabulary.has(t) && !/^\d+$/.test(t));
  // Best match first, in retrieval's order: the range only filters, while the ranking weighed the customer's other
  // words; cheapest first would lead with whatever small accessory happens to cost least.
  const within = records.flatMap((record) => {
    if (!kind.every((t) => record.nameTerms.has(t) || record.valueTerms.has(t))) return [];
    const prices = pricesOf(record).filter(
      (p) =>
        (range.atMost === undefined || p.amount <= range.atMost) &&
        (range.atLeast === undefined || p.amount >= range.atLeast),
    );
    return prices.length > 0 ? [{ record, price: formatSpan(prices)! }] : [];
  });
  const bounds = rangeText(range, message.rangeSign);
  const explained = new Set([...message.lookup].filter((t) => message.vocabulary.has(t) || /^\d+$/.test(t)));
  if (within.length === 0) {
    const text = `I couldn't find anything${kind.length > 0 ? ' like that' : ''} ${bounds}.`;
    return { reply: { said: [{ text, connectable: true }], missing: [] }, sources: [], explained };
  }
  for (const t of kind) explained.add(t);
  const listed = within.slice(0, MAX_LISTED);
  const more = within.length > MAX_LISTED ? ', among others' : '';
  const items = listed.map(({ record, price }) => `${nameOf(record)} at ${price}`);
  return {
    reply: {
      said: [{ text: `${capitalised(bounds)}, we have ${listOf(items)}${more}.`, connectable: true }],
      missing: [],
    },
    sources: listed.map(({ record }) => record.passage),
    explained,
  };
}

/** "for $50 or less", "for $20 or more", "between $20 and $40". */
function rangeText(range: PriceRange, sign = ''): string {
  const amount = (n: number) => `${sign}${Number.isInteger(n) ? n : n.toFixed(2)}`;
  if (range.atLeast !== undefined && range.atMost !== undefined) {
    return `between ${amount(range.atLeast)} and ${amount(range.atMost)}`;
  }
  return range.atMost !== undefined
    ? `for ${amount(range.atMost)} or less`
    : `for ${amount(range.atLeast ?? 0)} or more`;
}
