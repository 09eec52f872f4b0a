import type { KnowledgeFieldValue } from '@voca/contracts';
import { htmlToPlainText, looksLikeHtml } from './html-text.js';
import { oneLine } from './prose-chunks.js';
import { isFields } from './record-facts.js';

const NOT_SEARCHED = /^(?:(?:https?:\/\/|www\.)\S*|\d{4}-\d\d-\d\dT\d\d:\d\d\S*)$/i;

/** How many levels of nested objects become `parent.child.grandchild: value` lines; deeper ones are inlined. */
const LINE_DEPTH = 3;
/** Past this depth a value is shown as `…`: a record is read by people, not dumped. */
const INLINE_DEPTH = 4;

type Fields = Record<string, KnowledgeFieldValue>;

/**
 * The record with its HTML values (a Shopify `body_html`) as plain text, converted once for both its lines and its
 * values. Deeper than anything is shown, values stay as they are.
 */
export function readableFields(fields: Fields): Fields {
  return Object.fromEntries(Object.entries(fields).map(([field, value]) => [field, readable(value, 1)]));
}

function readable(value: KnowledgeFieldValue, depth: number): KnowledgeFieldValue {
  if (typeof value === 'string') return looksLikeHtml(value) ? htmlToPlainText(value) : value;
  if (value === null || typeof value !== 'object' || depth > INLINE_DEPTH) return value;
  if (Array.isArray(value)) return value.map((item) => readable(item, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([field, child]) => [field, readable(child, depth + 1)]));
}

/**
 * A readable record for a reader: one `field: value` line per field, lists joined with ", ", nested objects as
 * `parent.child: value` lines, lists of objects (a product's variants) one line each. Empty values are left out.
 */
export function recordLines(fields: Fields): string[] {
  const lines: string[] = [];
  for (const [field, value] of Object.entries(fields)) pushLines(lines, field, value, 1);
  return lines;
}

function pushLines(lines: string[], path: string, value: KnowledgeFieldValue, depth: number): void {
  if (isFields(value) && depth < LINE_DEPTH) {
    for (const [field, child] of Object.entries(value)) pushLines(lines, `${path}.${field}`, child, depth + 1);
    return;
  }
  if (Array.isArray(value) && value.some((item) => typeof item === 'object' && item !== null)) {
    value.forEach((item, at) => {
      const shown = inline(item, 1);
      if (shown) lines.push(`${path} ${at + 1}: ${shown}`);
    });
    return;
  }
  const shown = inline(value, 1);
  if (shown) lines.push(`${path}: ${shown}`);
}

/** A value on one line: `a, b` for a list, `key: value; key: value` for an object. */
function inline(value: KnowledgeFieldValue, depth: number): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return oneLine(value);
  if (depth > INLINE_DEPTH) return '…';
  if (Array.isArray(value)) {
    const nested = value.some((item) => typeof item === 'object' && item !== null);
    return value
      .map((item) => inline(item, depth + 1))
      .filter(Boolean)
      .join(nested ? ' | ' : ', ');
  }
  return Object.entries(value)
    .map(([field, child]) => [field, inline(child, depth + 1)])
    .filter(([, shown]) => shown)
    .map(([field, shown]) => `${field}: ${shown}`)
    .join('; ');
}

/**
 * A readable record's values without their field names, each once, for full-text search: text and numbers, not
 * yes/no flags, bare links or timestamps (an image's address or an `updated_at` matches no customer's question).
 */
export function recordValues(fields: Fields): string[] {
  const values = new Set<string>();
  const visit = (value: KnowledgeFieldValue, depth: number): void => {
    if (typeof value === 'number') values.add(String(value));
    else if (typeof value === 'string') {
      const text = oneLine(value);
      if (text && !NOT_SEARCHED.test(text)) values.add(text);
    } else if (value !== null && typeof value === 'object' && depth < INLINE_DEPTH) {
      for (const child of Array.isArray(value) ? value : Object.values(value)) visit(child, depth + 1);
    }
  };
  for (const value of Object.values(fields)) visit(value, 1);
  return [...values];
}

/**
 * A value of a JSON document's section as readable lines: text as it is (its paragraphs kept), objects as
 * `key: value` lines, lists of text as one line each.
 */
export function readableText(value: KnowledgeFieldValue): string {
  const shown = readable(value, 1);
  if (typeof shown === 'string') return shown.trim();
  if (Array.isArray(shown) && shown.every((item) => typeof item === 'string')) {
    return shown.map(oneLine).filter(Boolean).join('\n');
  }
  if (isFields(shown)) return recordLines(shown).join('\n');
  return inline(shown, 1);
}
