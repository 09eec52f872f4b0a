import { parentPort, workerData } from 'node:worker_threads';
import { DocumentFormatError, DocumentLimitError } from './document-errors.js';
import { parseDocument, type DocumentLimits, type DocumentSource } from './parse-document.js';
import type { ParseOutcome } from './parse-apart.js';

/** The thread `parseDocumentApart` starts: reads one document and posts its chunks, or why it could not. */
const { source, limits } = workerData as { source: DocumentSource; limits: DocumentLimits };

async function outcome(): Promise<ParseOutcome> {
  try {
    return { kind: 'chunks', chunks: await parseDocument(source, limits) };
  } catch (error) {
    if (error instanceof DocumentFormatError) return { kind: 'format', message: error.message, where: error.where };
    if (error instanceof DocumentLimitError) return { kind: 'limit', limit: error.limit };
    return { kind: 'error', message: error instanceof Error ? error.message : String(error) };
  }
}

parentPort!.postMessage(await outcome());
