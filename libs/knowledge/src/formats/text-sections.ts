import type { ProseBlock } from './prose-chunks.js';

/** A line of prose and where it is for a person (`line 12`, `page 3`). */
export interface ProseLine {
  text: string;
  location: string;
}

/** A run of prose under one title, its paragraphs in order. */
export interface ProseSection {
  title: string;
  blocks: ProseBlock[];
}

/**
 * Plain text's sections. Paragraphs are runs of lines between blank lines; a heading-like line (see `isHeadingLike`)
 * that is a paragraph of its own, or an ALL CAPS line opening one, starts a section and titles it. A heading directly
 * under another (`SHIPPING`, then `International`) is titled by both; text before the first heading, by
 * `untitled`. A heading nothing follows is kept as its own text.
 */
export function* textSections(lines: Iterable<ProseLine>, untitled: string): Generator<ProseSection> {
  let section: ProseSection = { title: untitled, blocks: [] };
  let bareHeading: ProseLine | undefined;
  for (const paragraph of paragraphsOf(lines)) {
    const first = paragraph[0];
    const isHeading = isHeadingLike(first.text, paragraph.length === 1);
    if (isHeading) {
      if (section.blocks.length > 0) yield section;
      const heading = first.text.trim();
      section = { title: bareHeading ? `${bareHeading.text} > ${heading}` : heading, blocks: [] };
      bareHeading = { text: heading, location: first.location };
    }
    const body = isHeading ? paragraph.slice(1) : paragraph;
    if (body.length > 0) {
      section.blocks.push({ text: body.map((line) => line.text).join('\n'), location: body[0].location });
      bareHeading = undefined;
    }
  }
  if (section.blocks.length === 0 && bareHeading) section.blocks.push(bareHeading);
  if (section.blocks.length > 0) yield section;
}

function* paragraphsOf(lines: Iterable<ProseLine>): Generator<ProseLine[]> {
  let paragraph: ProseLine[] = [];
  for (const line of lines) {
    if (line.text.trim()) {
      paragraph.push({ text: line.text.trimEnd(), location: line.location });
      continue;
    }
    if (paragraph.length > 0) yield paragraph;
    paragraph = [];
  }
  if (paragraph.length > 0) yield paragraph;
}

const BULLET = /^(?:[-*+•▪◦·‣>]|\d+[.)])\s/u;

/**
 * Whether a line reads as a heading: short (at most 80 characters, 12 words) with letters in it, not a list item,
 * and either ALL CAPS or, when it stands alone as a paragraph, not ending like a sentence or a clause.
 */
export function isHeadingLike(line: string, standsAlone: boolean): boolean {
  const text = line.trim();
  if (text.length < 2 || text.length > 80 || text.split(/\s+/).length > 12) return false;
  if (!/\p{L}.*\p{L}/u.test(text) || BULLET.test(text)) return false;
  const allCaps = /\p{Lu}/u.test(text) && !/\p{Ll}/u.test(text);
  if (allCaps) return !/[,;]$/.test(text);
  return standsAlone && !/[.,;:!]$/.test(text);
}
