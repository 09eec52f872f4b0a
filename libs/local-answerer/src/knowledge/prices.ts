import type { KnowledgeFieldValue } from '@voca/contracts';

/**
 * A catalog's prices, read exactly and said with the currency the record gives: its `currency` field, else the
 * symbol its price is written with. None is assumed: a bare 129 is said "129.00", never "$129.00". A code with a
 * sign of its own is said with the sign ("USD" -> "$129.00"); any other after the amount ("129.00 CAD").
 */
export interface Price {
  amount: number;
  /** Written before the amount ("$129.00"). */
  symbol?: string;
  /** Written after it ("129.00 EUR"). */
  code?: string;
}

/** Beyond this a "price" is a data error, not something to read out. */
const MAX_PRICE = 1e12;
const SYMBOL = /US\$|[$€£¥₹₦₱₩]/;
const CODE = /\b[A-Z]{3}\b/;
const SIGNS: Record<string, string> = { USD: '$', EUR: '€', GBP: '£', JPY: '¥', INR: '₹' };

/** A price field's value, with the record's `currency` field (which wins over what the price string carries). */
export function readPrice(value: KnowledgeFieldValue | undefined, currency?: string): Price | undefined {
  let amount: number | undefined;
  let written: Omit<Price, 'amount'> = {};
  if (typeof value === 'number') {
    amount = value;
  } else if (typeof value === 'string') {
    amount = amountOf(value);
    written = currencyIn(value);
  }
  if (amount === undefined || !Number.isFinite(amount) || amount < 0 || amount >= MAX_PRICE) return undefined;
  const given = currency === undefined ? {} : currencyOf(currency);
  return { amount, ...(given.symbol || given.code ? given : written) };
}

/** The currency a price is written with ("$129.00" -> "$"), for the record's other prices written without one. */
export function currencyWritten(value: KnowledgeFieldValue | undefined): string | undefined {
  if (typeof value !== 'string') return undefined;
  const written = currencyIn(value);
  return written.symbol ?? written.code;
}

/** "$1,299.00", "129.00 EUR", "24.50". */
export function formatPrice(price: Price): string {
  const [whole, cents] = price.amount.toFixed(2).split('.');
  const number = `${whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${cents}`;
  if (price.symbol) return `${price.symbol}${number}`;
  return price.code ? `${number} ${price.code}` : number;
}

/** One price, or "from the lowest to the highest" when they differ. */
export function formatSpan(prices: readonly Price[]): string | undefined {
  if (prices.length === 0) return undefined;
  const sorted = [...prices].sort((a, b) => a.amount - b.amount);
  const [low, high] = [sorted[0]!, sorted[sorted.length - 1]!];
  return low.amount === high.amount ? formatPrice(low) : `${formatPrice(low)} to ${formatPrice(high)}`;
}

/** A currency as the record names it: a symbol, a code ("usd" -> "USD"), or a short word kept as written. */
function currencyOf(text: string): Omit<Price, 'amount'> {
  const trimmed = text.trim();
  if (SYMBOL.test(trimmed) && trimmed.length <= 3) return { symbol: trimmed };
  if (/^[a-z]{3}$/i.test(trimmed)) return codeOrSign(trimmed.toUpperCase());
  return /^[\p{L} ]{1,20}$/u.test(trimmed) ? { code: trimmed } : {};
}

function currencyIn(text: string): Omit<Price, 'amount'> {
  const symbol = SYMBOL.exec(text)?.[0];
  if (symbol) return { symbol };
  const code = CODE.exec(text)?.[0];
  return code ? codeOrSign(code) : {};
}

function codeOrSign(code: string): Omit<Price, 'amount'> {
  const symbol = SIGNS[code];
  return symbol ? { symbol } : { code };
}

/** "1,299.00", "1.299,00", "129,00", "$ 24.5" -> the number; undefined when the text holds no single amount. */
function amountOf(text: string): number | undefined {
  const digits = text.replace(/[^\d.,]/g, '');
  if (!/\d/.test(digits) || /\d[^\d.,]+\d/.test(text.replace(/\s/g, ''))) return undefined;
  if (/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(digits)) return Number(digits.replaceAll(',', ''));
  if (/^\d{1,3}(?:\.\d{3})+,\d+$|^\d{1,3}(?:\.\d{3}){2,}$/.test(digits))
    return Number(digits.replaceAll('.', '').replace(',', '.'));
  if (/^\d+,\d{1,2}$/.test(digits)) return Number(digits.replace(',', '.'));
  const amount = Number(digits);
  return Number.isFinite(amount) ? amount : undefined;
}
