import { Worker } from 'node:worker_threads';
import type { KnowledgeChunk } from '@voca/contracts';
import { DocumentFormatError, DocumentLimitError, type DocumentPlace } from './document-errors.js';
import type { DocumentLimits, DocumentSource } from './parse-document.js';

/** What the parsing thread posts back: errors travel as data, their classes do not cross threads. */
export type ParseOutcome =
  | { kind: 'chunks'; chunks: KnowledgeChunk[] }
  | { kind: 'format'; message: string; where: DocumentPlace }
  | { kind: 'limit'; limit: number }
  | { kind: 'error'; message: string };

export interface ApartLimits {
  /** The longest one document may take to read; past it the thread is stopped and the document refused. */
  timeoutMs: number;
  /** The most heap the reading may use, in MiB; past it the thread dies and the document is refused. */
  maxHeapMb: number;
}

/**
 * `parseDocument` on a thread of its own, bounded in time and memory: PDF.js and the other parsers run synchronously
 * for as long as a document takes (seconds for a large PDF), which on the main thread would stall every other job of
 * the process, and a hostile document could take all its memory. Throws DocumentFormatError when the document could
 * not be read within the bounds, as when it could not be read at all.
 */
export function parseDocumentApart(
  source: DocumentSource,
  limits: DocumentLimits,
  apart: ApartLimits,
): Promise<KnowledgeChunk[]> {
  const label = source.format.toUpperCase();
  const worker = new Worker(new URL('./parse-worker.js', import.meta.url), {
    workerData: { source, limits },
    resourceLimits: { maxOldGenerationSizeMb: apart.maxHeapMb },
  });
  return new Promise<KnowledgeChunk[]>((resolve, reject) => {
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      outcome();
      void worker.terminate();
    };
    const timer = setTimeout(
      () =>
        settle(() =>
          reject(
            new DocumentFormatError(
              `${label}: the document could not be read within ${Math.round(apart.timeoutMs / 1000)} s: it is too large or too complex; split it into smaller documents`,
            ),
          ),
        ),
      apart.timeoutMs,
    );
    worker.once('message', (outcome: ParseOutcome) =>
      settle(() => {
        if (outcome.kind === 'chunks') resolve(outcome.chunks);
        else if (outcome.kind === 'format') reject(new DocumentFormatError(outcome.message, outcome.where));
        else if (outcome.kind === 'limit') reject(new DocumentLimitError(outcome.limit));
        else reject(new Error(outcome.message));
      }),
    );
    worker.once('error', (error: Error & { code?: string }) =>
      settle(() =>
        reject(
          error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? new DocumentFormatError(
                `${label}: reading the document took more than ${apart.maxHeapMb} MiB of memory; split it into smaller documents`,
              )
            : error,
        ),
      ),
    );
    worker.once('exit', (code) =>
      settle(() => reject(new Error(`the document's parsing thread exited with ${code} before answering`))),
    );
  });
}
