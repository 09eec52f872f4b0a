import type { KnowledgeFieldValue } from '@voca/contracts';
import { clip, plainText, withoutFileNames } from '../plain.js';

/**
 * Reads a catalog record's values as the business wrote them: JSON values, or CSV cells that are all strings
 * ("TRUE", "12", "Twin, Queen, King").
 */

/** Bounds on what one record may cost to read. */
const MAX_FIELDS = 100;
export const MAX_LIST_ITEMS = 100;
const MAX_VALUE_CHARS = 300;

/** A field's name as plain words: `in_stock` -> "in stock", `Attribute 1 value(s)` -> "attribute 1 value s". */
export function keyWords(key: string): string {
  return key
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** A record's fields by their names as plain words, each with its name as written. */
export type Fields = Map<string, { key: string; value: KnowledgeFieldValue }>;

/** The first of two fields whose names read the same is kept. */
export function fieldsByKey(fields: Record<string, KnowledgeFieldValue> | undefined): Fields {
  const out: Fields = new Map();
  if (!fields || typeof fields !== 'object' || Array.isArray(fields)) return out;
  for (const [key, value] of Object.entries(fields).slice(0, MAX_FIELDS)) {
    const words = keyWords(key);
    if (words && !out.has(words)) out.set(words, { key, value });
  }
  return out;
}

/** Text fit to say: plain, one line, no markup or file names, clipped. Undefined when nothing is left. */
export function spokenText(value: string, host: string | undefined, max = MAX_VALUE_CHARS): string | undefined {
  const text = withoutFileNames(plainText(value.replace(/<[^>]*>/g, ' '), host));
  return text ? clip(text, max) : undefined;
}

/** A scalar as text: strings as written, numbers as JavaScript writes them; nothing for booleans, null, objects. */
export function scalarText(value: KnowledgeFieldValue | undefined): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/**
 * The values a field lists: an array's items, or a string split at commas, pipes and semicolons (CSV cells list
 * values that way).
 */
export function listedValues(value: KnowledgeFieldValue | undefined, host: string | undefined): string[] {
  const items = Array.isArray(value) ? value.slice(0, MAX_LIST_ITEMS) : [value];
  const texts = items.flatMap((item) => {
    const text = scalarText(item ?? undefined);
    return text === undefined ? [] : text.split(/\s*[,|;]\s*/);
  });
  const seen = new Set<string>();
  return texts.flatMap((text) => {
    const spoken = spokenText(text, host, 80);
    if (!spoken || seen.has(spoken.toLowerCase())) return [];
    seen.add(spoken.toLowerCase());
    return [spoken];
  });
}

const TRUE = /^(?:true|yes|y|1|in ?stock|available|instock|active)$/i;
const FALSE = /^(?:false|no|n|0|out ?of ?stock|outofstock|sold ?out|unavailable|discontinued)$/i;

/** A yes or no, as JSON or as a CSV cell writes it; undefined when it is neither. */
export function truthOf(value: KnowledgeFieldValue | undefined): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value > 0;
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (TRUE.test(text)) return true;
  if (FALSE.test(text)) return false;
  return undefined;
}

/** A whole count (stock, inventory), from a number or a numeric cell. */
export function countOf(value: KnowledgeFieldValue | undefined): number | undefined {
  const count = typeof value === 'number' ? value : typeof value === 'string' ? Number(value.trim() || NaN) : NaN;
  return Number.isFinite(count) ? count : undefined;
}
