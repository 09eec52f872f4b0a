/**
 * Codes written in a message: order references ("10423", "#A-10423") and product codes (SKUs like "BS-100"), as
 * written, told apart from times, dates, sizes and amounts that also mix letters and digits ("7pm", "12/08", "500ml").
 */

const TOKEN = /(?:#\s?)?[\p{L}\p{N}]+(?:[-_/.][\p{L}\p{N}]+)*/gu;
const MAX_CODES = 10;

/** Tokens with digits that are not codes. */
const NOT_CODE = [
  /^\d{1,2}$/,
  /^\d{1,2}(?:[:.h]\d{2})?(?:am|pm|a\.m|p\.m|h|hs|hrs|uhr)$/i,
  /^\d{1,2}h\d{2}$/i,
  /^\d{1,2}(?:st|nd|rd|th|er|eme|e|o|a|º|ª)$/i,
  /^\d+(?:[.,]\d+)?(?:ml|cl|l|cm|mm|m|km|kg|g|mg|oz|lbs?|in|ft|gb|tb|mb|w|kw|v|mah|pcs|pc|pk|pack|k|x|xl|xxl|xs|px|hz|%)$/i,
  /^\d+x\d+$/i,
  /^\d{4}-\d{1,2}-\d{1,2}$/,
  /^\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?$/,
  /^[+-]?\d+[.,]\d{1,2}$/,
];

/** Words after which a code is an order's reference. */
const ORDER_WORDS = new Set(
  `order orders number no nr num ref reference tracking confirmation invoice id pedido orden numero commande colis
  bestellung bestellnummer nummer encomenda package parcel shipment paquete envio sendung paket auftrag`.split(/\s+/),
);

interface Token {
  text: string;
  /** Written with a leading '#'. */
  hashed: boolean;
  index: number;
}

function tokensOf(raw: string): Token[] {
  const out: Token[] = [];
  for (const match of raw.matchAll(TOKEN)) {
    const hashed = match[0].startsWith('#');
    const text = match[0].replace(/^#\s?/, '');
    if (text) out.push({ text, hashed, index: match.index });
  }
  return out;
}

function isCodeShaped(token: Token): boolean {
  const { text } = token;
  if (text.length < 3 || text.length > 40) return false;
  if (NOT_CODE.some((pattern) => pattern.test(text))) return false;
  if (/\d/.test(text)) return true;
  return token.hashed && text.length >= 4 && /^[A-Za-z0-9-]+$/.test(text);
}

function afterOrderWord(raw: string, token: Token): boolean {
  const before = raw
    .slice(Math.max(0, token.index - 40), token.index)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .slice(-3);
  return before.some((word) => ORDER_WORDS.has(word));
}

/**
 * The order references a message may give, likeliest first: one written after '#' or after "order", "number",
 * "pedido"... before the others; each without its '#'. "my order 10423" -> ['10423'], "order #A-10423" -> ['A-10423'].
 */
export function orderReferences(raw: string): string[] {
  const tokens = tokensOf(raw).filter(isCodeShaped);
  const named = tokens.filter((token) => token.hashed || afterOrderWord(raw, token));
  const phones = phoneSpans(raw);
  const others = tokens.filter(
    (token) => !named.includes(token) && !phones.some(([start, end]) => token.index >= start && token.index < end),
  );
  return [...new Set([...named, ...others].map((token) => token.text))].slice(0, MAX_CODES);
}

/** A phone number written in groups ("+44 20 7946 0958", "(555) 123-4567"): its groups are not references. */
const PHONE = /\+?\(?\d{1,4}\)?(?:[\s.-]\(?\d{1,4}\)?){2,5}/g;

function phoneSpans(raw: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const match of raw.matchAll(PHONE)) {
    if (match[0].replace(/\D/g, '').length >= 7) spans.push([match.index, match.index + match[0].length]);
  }
  return spans;
}

/**
 * Product codes (SKUs): letters and digits together ("BS-100", "AWD210KG"), then digits-only codes of five or more
 * (barcodes, item numbers), as written.
 */
export function productCodes(raw: string): string[] {
  const tokens = tokensOf(raw).filter(isCodeShaped);
  const mixed = tokens.filter((token) => /\p{L}/u.test(token.text) && /\d/.test(token.text));
  const digits = tokens.filter((token) => /^\d{5,}$/.test(token.text));
  return [...new Set([...mixed, ...digits].map((token) => token.text))].slice(0, MAX_CODES);
}
