import type { Reading } from './chunk-list.js';
import { sectionChunks } from './prose-chunks.js';
import { type ProseLine, textSections } from './text-sections.js';

/**
 * A plain-text document: paragraphs grouped into chunks of up to about 1,500 characters, a heading-like line
 * starting a new section titled by it, each chunk located at the line it starts on.
 */
export function readText(text: string, { title, chunks }: Reading): void {
  for (const section of textSections(numberedLines(text), title)) {
    chunks.addAll(sectionChunks(section.title, section.blocks));
  }
}

function* numberedLines(text: string): Generator<ProseLine> {
  let line = 1;
  for (let start = 0; start <= text.length; line++) {
    const end = text.indexOf('\n', start);
    const stop = end < 0 ? text.length : end;
    yield { text: text.slice(start, stop), location: `line ${line}` };
    start = stop + 1;
  }
}
