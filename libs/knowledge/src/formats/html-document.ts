import type { Reading } from './chunk-list.js';
import { HeadingPath } from './heading-path.js';
import { HEADING_MARK, htmlToMarkedText } from './html-text.js';
import { type ProseBlock, sectionChunks } from './prose-chunks.js';

/**
 * An HTML page as its readable text (no scripts, styles, navigation or images; links keep their words, and their
 * address when it leads out of the site), split by its `h1`-`h6` headings into sections titled by their heading
 * path as for Markdown. HTML lines mean nothing to a person, so a chunk is located by its section: `section 3`.
 */
export function readHtml(html: string, { title, chunks }: Reading): void {
  const path = new HeadingPath();
  let section = { title, blocks: [] as ProseBlock[], location: 'section 1' };
  let sections = 1;
  for (const paragraph of htmlToMarkedText(html).split(/\n{2,}/)) {
    const heading = HEADING_MARK.exec(paragraph);
    if (heading) {
      // A heading with no words (an image in an h2) titles nothing: the text under it stays where it was.
      const name = heading[2].trim();
      if (!name) continue;
      chunks.addAll(sectionChunks(section.title, section.blocks));
      if (section.blocks.length > 0) sections++;
      section = { title: path.enter(Number(heading[1]), name), blocks: [], location: `section ${sections}` };
      continue;
    }
    if (paragraph.trim()) section.blocks.push({ text: paragraph, location: section.location });
  }
  chunks.addAll(sectionChunks(section.title, section.blocks));
}
