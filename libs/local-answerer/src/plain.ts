/**
 * Answers go out over SMS and WhatsApp and are read aloud on calls, so every fact is flattened to plain text before
 * it is quoted: no markdown, no emoji, no line breaks, and no links except the business's own website.
 */

// Each code point on its own (the joiner and variation selectors too): what remains of an emoji is stripped whole.
// eslint-disable-next-line no-misleading-character-class
const EMOJI = /[\p{Extended_Pictographic}\u{1F1E6}-\u{1F1FF}\u{1F3FB}-\u{1F3FF}\u200D\uFE0E\uFE0F\u20E3]/gu;
const URL = /\b(?:https?:\/\/|www\.)[^\s<>()]+/gi;
/** A quoted fact longer than this is cut at a sentence (or word) boundary. */
export const MAX_FACT_CHARS = 400;
/**
 * A document's file name (`bedding_products.json`): it names where the business keeps a fact, which means nothing to
 * a customer. Not inside a link or an address (`shop.example/terms.html`, `help@shop.md`).
 */
const FILE_NAME =
  /(?<![\w@/.-])[\w-]+(?:\.[\w-]+)*\.(?:json|csv|tsv|xlsx?|pdf|txt|xml|ya?ml|docx?|md|html?|rtf|odt|pptx?)\b(?!\.?[\w/@-])/i;

export function plainText(text: string, allowedHost?: string): string {
  return text
    .replace(/!?\[([^\]]*)\]\(([^)\s]*)\)/g, '$1 $2')
    .replace(/^\s{0,3}(?:#{1,6}|>|[-*+]|\d+[.)])\s+/gm, '')
    .replace(/\*\*|__|~~|[*`|]/g, '')
    .replace(/[[\]]/g, '')
    .replace(EMOJI, '')
    .replace(URL, (url) => keepUrl(url, allowedHost))
    .replace(/\s+/g, ' ')
    .replace(/\s+([.,;:!?])/g, '$1')
    .trim();
}

function keepUrl(match: string, allowedHost?: string): string {
  const url = match.replace(/[.,;:!?'"]+$/, '');
  const trailing = match.slice(url.length);
  return allowedHost && hostOf(url) === allowedHost ? url + trailing : trailing;
}

/** Host name without a leading "www.", or undefined when the text is not an http(s) URL. */
export function hostOf(url: string): string | undefined {
  try {
    const parsed = new globalThis.URL(url.startsWith('www.') ? `https://${url}` : url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
    return parsed.hostname.replace(/^www\./, '').toLowerCase();
  } catch {
    return undefined;
  }
}

/** The text without the sentences that name a document's file. */
export function withoutFileNames(text: string): string {
  if (!FILE_NAME.test(text)) return text;
  return sentencesOf(text)
    .filter((sentence) => !FILE_NAME.test(sentence))
    .join(' ');
}

/** Sentences, split after a full stop, question or exclamation mark followed by a space. */
export function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Cuts a long fact at the last sentence end (or else word) before the limit. */
export function clip(text: string, max = MAX_FACT_CHARS): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max);
  const sentenceEnd = Math.max(head.lastIndexOf('. '), head.lastIndexOf('! '), head.lastIndexOf('? '));
  if (sentenceEnd > max / 2) return head.slice(0, sentenceEnd + 1);
  const wordEnd = head.lastIndexOf(' ');
  return `${head.slice(0, wordEnd > 0 ? wordEnd : max).replace(/[,;:\s-]+$/, '')}...`;
}

/** Ends the text with a full stop unless it already ends a sentence. */
export function asSentence(text: string): string {
  const trimmed = text.trim().replace(/[,;:\s-]+$/, '');
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** Without the trailing full stop, for a fact quoted inside a longer sentence. */
export function withoutFinalStop(text: string): string {
  return text.replace(/[.;,:\s]+$/, '');
}

/** "a", "a and b", "a, b and c". */
export function listOf(items: string[], conjunction = 'and'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}
