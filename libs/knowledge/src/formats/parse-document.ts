import type { KnowledgeChunk, KnowledgeFormat } from '@voca/contracts';
import { ChunkList, type Reading } from './chunk-list.js';
import { readCsv } from './csv-document.js';
import { DocumentFormatError } from './document-errors.js';
import { documentTitle } from './format-of.js';
import { readHtml } from './html-document.js';
import { readJson } from './json-document.js';
import { readMarkdown } from './markdown-document.js';
import { readPdf } from './pdf-document.js';
import { readText } from './text-document.js';
import { decodeText } from './utf8-text.js';

/** A business's uploaded document: its bytes, the format they are in (see `formatOf`) and its name. */
export interface DocumentSource {
  bytes: Uint8Array;
  format: KnowledgeFormat;
  name: string;
}

export interface DocumentLimits {
  /** More chunks than this is a DocumentLimitError, thrown as soon as the next one is read. */
  maxChunks: number;
}

/** Each format's name as a business knows it, opening every error message about it. */
const LABELS: Readonly<Record<KnowledgeFormat, string>> = {
  json: 'JSON',
  csv: 'CSV',
  markdown: 'Markdown',
  text: 'Text',
  html: 'HTML',
  pdf: 'PDF',
};

const TEXT_READERS: Readonly<Record<Exclude<KnowledgeFormat, 'pdf'>, (text: string, reading: Reading) => void>> = {
  json: readJson,
  csv: readCsv,
  markdown: readMarkdown,
  text: readText,
  html: readHtml,
};

/**
 * A document read into its chunks, in order (ordinals 0 to n-1): a catalog's or table's records, or a prose
 * document's sections. Throws DocumentFormatError when the document cannot be read as its format (the message says
 * where and what to fix) or holds no text, and DocumentLimitError past `limits.maxChunks`.
 */
export async function parseDocument(source: DocumentSource, limits: DocumentLimits): Promise<KnowledgeChunk[]> {
  const label = LABELS[source.format];
  const reading: Reading = { title: documentTitle(source.name), chunks: new ChunkList(limits.maxChunks) };
  try {
    if (source.format === 'pdf') await readPdf(source.bytes, reading);
    else TEXT_READERS[source.format](decodeText(source.bytes, label), reading);
  } catch (error) {
    // The parsers recurse into what they read: a document nested past the stack is the document's fault.
    if (error instanceof RangeError && /call stack/i.test(error.message)) {
      throw new DocumentFormatError(`${label}: the document is nested too deeply to be read`);
    }
    throw error;
  }
  if (reading.chunks.size === 0) throw new DocumentFormatError(`${label}: the document holds no text`);
  return reading.chunks.chunks;
}
