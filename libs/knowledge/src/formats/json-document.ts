import type { KnowledgeFieldValue } from '@voca/contracts';
import type { ChunkDraft, Reading } from './chunk-list.js';
import { jsonKeyLines } from './json-key-lines.js';
import { jsonSyntaxError } from './json-syntax.js';
import { SECTION_CHARS, sectionChunks } from './prose-chunks.js';
import { recordChunk } from './record-chunk.js';
import { isFields } from './record-facts.js';
import { readableText } from './record-text.js';

type Fields = Record<string, KnowledgeFieldValue>;

/** How deep a long object is divided into sections by its keys (`returns > damaged > abroad`). */
const SECTION_DEPTH = 3;

/**
 * A JSON document: a catalog (an array of objects, or an object holding arrays of objects among its values, as
 * Shopify's `{"products": [...]}`), one record each; anything else is prose: each top-level key a section titled by
 * its key path (a long object divided by its own keys), each string of a top-level array a section. Beside a
 * catalog, the other keys that hold text or objects are sections too.
 */
export function readJson(text: string, { title, chunks }: Reading): void {
  const root = parseJson(text);
  if (Array.isArray(root)) {
    for (const [at, item] of root.entries()) {
      if (!isFields(item)) chunks.addAll(valueSections(title, item, `record ${at + 1}`));
      else {
        const chunk = recordChunk(item, `record ${at + 1}`);
        if (chunk) chunks.add(chunk);
      }
    }
    return;
  }
  if (!isFields(root)) {
    chunks.addAll(valueSections(title, root, 'line 1'));
    return;
  }
  const catalogs = Object.values(root).filter(isRecordList).length;
  let keyLines: Map<string, number> | undefined;
  const lineOf = (path: string[]): string => {
    keyLines ??= jsonKeyLines(text, SECTION_DEPTH);
    return `line ${keyLines.get(JSON.stringify(path)) ?? 1}`;
  };
  for (const [key, value] of Object.entries(root)) {
    if (catalogs > 0 && isListingDetail(value)) continue;
    chunks.addAll(keyChunks([key], value, catalogs === 1, lineOf));
  }
}

/**
 * Beside a catalog, a number, a flag or a link (`"count": 250`, `"next": "https://..."`) describes the listing, not
 * the business.
 */
function isListingDetail(value: KnowledgeFieldValue): boolean {
  if (typeof value === 'string') return /^https?:\/\/\S*$/.test(value.trim());
  return value === null || typeof value === 'number' || typeof value === 'boolean';
}

function parseJson(text: string): KnowledgeFieldValue {
  try {
    // A \u0000 escape is valid JSON but no database text may hold it.
    return text.includes('\\u0000')
      ? (JSON.parse(text, (_key, value: unknown) =>
          typeof value === 'string' ? value.replaceAll('\0', '') : value,
        ) as KnowledgeFieldValue)
      : (JSON.parse(text) as KnowledgeFieldValue);
  } catch (error) {
    throw jsonSyntaxError(text, error);
  }
}

function* keyChunks(
  path: string[],
  value: KnowledgeFieldValue,
  onlyCatalog: boolean,
  lineOf: (path: string[]) => string,
): Generator<ChunkDraft> {
  if (isRecordList(value)) {
    const prefix = onlyCatalog && path.length === 1 ? '' : `${path.join('.')} `;
    for (const [at, item] of value.entries()) {
      const chunk = recordChunk(item, `${prefix}record ${at + 1}`);
      if (chunk) yield chunk;
    }
    return;
  }
  if (isFields(value) && path.length < SECTION_DEPTH && isDivisible(value)) {
    for (const [key, child] of Object.entries(value)) yield* keyChunks([...path, key], child, false, lineOf);
    return;
  }
  yield* valueSections(path.join(' > '), value, lineOf(path));
}

/** An object is read key by key when it holds a catalog or is too long to be one section. */
function isDivisible(value: Fields): boolean {
  return Object.values(value).some(isRecordList) || readableText(value).length > SECTION_CHARS;
}

function* valueSections(title: string, value: KnowledgeFieldValue, location: string): Generator<ChunkDraft> {
  const text = readableText(value);
  if (text) yield* sectionChunks(title, [{ text, location }]);
}

function isRecordList(value: KnowledgeFieldValue): value is Fields[] {
  return Array.isArray(value) && value.length > 0 && value.every(isFields);
}
