import type { KnowledgeFieldValue } from '@voca/contracts';
import type { ChunkDraft } from './chunk-list.js';
import { clip } from './prose-chunks.js';
import { identifiersOf, indexFields, priceOf, titleOf } from './record-facts.js';
import { readableFields, recordLines, recordValues } from './record-text.js';

/** About how long a record's text may be: a product with a long description is still one chunk. */
export const RECORD_CHARS = 4000;

/**
 * One record of a catalog or table as a chunk: its fields as given, its name (else SKU or id, else `location`) as
 * title, `field: value` lines as text, and for search its title and values without the field names, which every
 * record shares ("price" would make every record match a question about prices).
 */
export function recordChunk(fields: Record<string, KnowledgeFieldValue>, location: string): ChunkDraft | undefined {
  const shown = readableFields(fields);
  const text = clip(recordLines(shown).join('\n'), RECORD_CHARS);
  if (!text) return undefined;
  const index = indexFields(fields);
  const title = titleOf(index) ?? location;
  const chunk: ChunkDraft = {
    kind: 'record',
    title,
    text,
    searchText: clip([title, ...recordValues(shown).filter((value) => value !== title)].join('\n'), RECORD_CHARS),
    fields,
    location,
  };
  const price = priceOf(index);
  if (price !== undefined) chunk.price = price;
  const identifiers = identifiersOf(index);
  if (identifiers.length > 0) chunk.identifiers = identifiers;
  return chunk;
}
