import type { KnowledgeChunk } from '@voca/contracts';
import { DocumentLimitError } from './document-errors.js';

/** A chunk as a format reader makes it; its ordinal is its place in the list. */
export type ChunkDraft = Omit<KnowledgeChunk, 'ordinal'>;

/**
 * The chunks read so far, in order. It refuses the first one past the limit, so a huge document is not read to its
 * end.
 */
export class ChunkList {
  readonly chunks: KnowledgeChunk[] = [];

  constructor(private readonly maxChunks: number) {}

  add(draft: ChunkDraft): void {
    if (this.chunks.length >= this.maxChunks) throw new DocumentLimitError(this.maxChunks);
    this.chunks.push({ ordinal: this.chunks.length, ...draft });
  }

  addAll(drafts: Iterable<ChunkDraft>): void {
    for (const draft of drafts) this.add(draft);
  }

  get size(): number {
    return this.chunks.length;
  }
}

/** What a format's reader is given: the title for text under no heading, and where its chunks go. */
export interface Reading {
  /** The document's name without its extension. */
  title: string;
  chunks: ChunkList;
}
