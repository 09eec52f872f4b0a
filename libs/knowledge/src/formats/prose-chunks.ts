import type { ChunkDraft } from './chunk-list.js';

/** About how long a section's chunk may be: a few paragraphs, enough to answer from, small enough to rank well. */
export const SECTION_CHARS = 1500;

/** A paragraph (or list, or table) of a section, with where it starts for a person: `line 12`, `page 3`. */
export interface ProseBlock {
  text: string;
  location: string;
}

/**
 * A section's chunks: its blocks packed in order into chunks of up to SECTION_CHARS, split only between blocks unless
 * one block alone is longer (then between its lines, sentences or words). Each chunk is located at its first block.
 */
export function* sectionChunks(title: string, blocks: Iterable<ProseBlock>): Generator<ChunkDraft> {
  let text = '';
  let location = '';
  for (const block of blocks) {
    for (const piece of splitToFit(block.text.trim(), SECTION_CHARS)) {
      if (text && text.length + 2 + piece.length <= SECTION_CHARS) {
        text += `\n\n${piece}`;
        continue;
      }
      if (text) yield sectionChunk(title, text, location);
      text = piece;
      location = block.location;
    }
  }
  if (text) yield sectionChunk(title, text, location);
}

export function sectionChunk(title: string, text: string, location: string): ChunkDraft {
  return { kind: 'section', title, text, searchText: `${title}\n${text}`, location };
}

/** Where a too-long text may be cut, from the most natural place to the last resort. */
const BREAKS = [/\n+/, /(?<=[.!?])\s+/, /\s+/];

/** The text cut into pieces of at most `max` characters, at line, then sentence, then word boundaries. */
export function splitToFit(text: string, max: number, depth = 0): string[] {
  if (!text) return [];
  if (text.length <= max) return [text];
  const separator = BREAKS[depth];
  if (!separator) return hardCut(text, max);
  const pieces: string[] = [];
  let current = '';
  for (const part of text.split(separator)) {
    if (!part) continue;
    const joiner = depth === 0 ? '\n' : ' ';
    if (current && current.length + joiner.length + part.length <= max) {
      current += joiner + part;
      continue;
    }
    if (current) pieces.push(current);
    if (part.length <= max) current = part;
    else {
      for (const piece of splitToFit(part, max, depth + 1)) pieces.push(piece);
      current = '';
    }
  }
  if (current) pieces.push(current);
  return pieces;
}

function hardCut(text: string, max: number): string[] {
  const pieces: string[] = [];
  for (let at = 0; at < text.length;) {
    let end = Math.min(at + max, text.length);
    // Never between the two halves of a character outside the BMP (an emoji, say).
    if (end < text.length && /[\uDC00-\uDFFF]/.test(text[end])) end--;
    pieces.push(text.slice(at, end));
    at = end;
  }
  return pieces;
}

/** The text cut to about `max` characters at a line or word boundary, marked with an ellipsis when cut. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max);
  const lineEnd = head.lastIndexOf('\n');
  if (lineEnd > max * 0.75) return `${head.slice(0, lineEnd)}\n…`;
  const wordEnd = head.lastIndexOf(' ');
  return `${head.slice(0, wordEnd > max * 0.5 ? wordEnd : max).trimEnd()}…`;
}

/** Whitespace runs made single spaces: a value shown on one `field: value` line. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
