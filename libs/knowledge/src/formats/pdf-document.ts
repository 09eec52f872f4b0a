import type { getDocumentProxy } from 'unpdf';
import type { Reading } from './chunk-list.js';
import { DocumentFormatError, DocumentLimitError } from './document-errors.js';
import { sectionChunks } from './prose-chunks.js';
import { type ProseLine, textSections } from './text-sections.js';

type PdfDocument = Awaited<ReturnType<typeof getDocumentProxy>>;
type PdfTextContent = Awaited<ReturnType<Awaited<ReturnType<PdfDocument['getPage']>>['getTextContent']>>;

/** A line of a page as PDF.js places it: its baseline's height on the page and its font size. */
interface PageLine {
  text: string;
  y: number;
  size: number;
}

/** How many first pages show which lines repeat at the top or bottom of every page (a running header or footer). */
const SAMPLED_PAGES = 8;

/**
 * A PDF's text, page by page (PDF.js through unpdf, loaded only when a PDF is read): each page its own sections,
 * split as plain text is and titled by their first heading-like line, else `page N`, all located at `page N`.
 * Page numbers, and lines repeated at the top or bottom of most pages (a company name), are left out. A file that is
 * not a PDF, is cut short, damaged or locked by a password, or holds no text at all (scanned images), is a
 * DocumentFormatError.
 */
export async function readPdf(bytes: Uint8Array, { chunks }: Reading): Promise<void> {
  checkEnvelope(bytes);
  const { getDocumentProxy } = await import('unpdf');
  let pdf: PdfDocument;
  try {
    // PDF.js takes the buffer over (and refuses a Node Buffer), so it gets its own copy.
    pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
  } catch (error) {
    throw pdfError(error);
  }
  try {
    const sample: PageLine[][] = [];
    for (let page = 1; page <= Math.min(pdf.numPages, SAMPLED_PAGES); page++) sample.push(await pageLines(pdf, page));
    const running = runningLines(sample);
    const before = chunks.size;
    for (let page = 1; page <= pdf.numPages; page++) {
      const lines = page <= sample.length ? sample[page - 1] : await pageLines(pdf, page);
      const kept = lines.filter((line) => !PAGE_NUMBER.test(line.text) && !running.has(lineKey(line.text)));
      const prose = proseLines(kept, `page ${page}`);
      for (const section of textSections(prose, `page ${page}`)) {
        chunks.addAll(sectionChunks(section.title, section.blocks));
      }
    }
    if (chunks.size === before) {
      const pages = pdf.numPages === 1 ? 'its page' : `any of its ${pdf.numPages} pages`;
      throw new DocumentFormatError(
        `PDF: the file holds no text (none on ${pages}: a scanned document is only images of text); upload a PDF whose text can be selected, or the text itself`,
      );
    }
  } finally {
    await pdf.loadingTask.destroy();
  }
}

/**
 * A PDF starts with `%PDF-` and ends with `%%EOF`: without the first it is not a PDF, without the second it is cut
 * short (PDF.js would rebuild what is left and read half a document as if it were whole).
 */
function checkEnvelope(bytes: Uint8Array): void {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (!head.includes('%PDF-')) {
    throw new DocumentFormatError(
      'PDF: the file is not a PDF (it does not start with %PDF-); upload the document as a PDF',
    );
  }
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 2048))).toString('latin1');
  if (!tail.includes('%%EOF')) {
    throw new DocumentFormatError(
      'PDF: the file is not a readable PDF (it is cut short: its end-of-file marker is missing); upload the complete file again',
    );
  }
}

async function pageLines(pdf: PdfDocument, page: number): Promise<PageLine[]> {
  let content: PdfTextContent;
  try {
    content = await (await pdf.getPage(page)).getTextContent();
  } catch (error) {
    throw pdfError(error, page);
  }
  const lines: PageLine[] = [];
  let line: PageLine = { text: '', y: 0, size: 0 };
  for (const item of content.items) {
    if (!('str' in item)) continue;
    if (!line.text.trim() && item.str.trim()) {
      const [, , c, d, , f] = item.transform as number[];
      line = { text: line.text, y: f, size: Math.hypot(c, d) || item.height };
    }
    line.text += item.str;
    if (item.hasEOL) {
      lines.push(line);
      line = { text: '', y: 0, size: 0 };
    }
  }
  lines.push(line);
  return lines.map((each) => ({ ...each, text: cleanLine(each.text) })).filter((each) => each.text);
}

/** Control characters a PDF's fonts leave in its text (never line breaks: lines come from PDF.js). */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\ufffe\uffff]/g; // eslint-disable-line no-control-regex

function cleanLine(text: string): string {
  return text.replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * The page's lines with a blank line wherever a paragraph ends: where the gap to the next line is wider than a
 * line's spacing, the text goes back up (a new column), or the font size changes (a heading).
 */
function proseLines(lines: PageLine[], location: string): ProseLine[] {
  const prose: ProseLine[] = [];
  lines.forEach((line, at) => {
    const previous = lines[at - 1];
    if (previous) {
      const gap = previous.y - line.y;
      const size = Math.max(previous.size, line.size, 1);
      const resized = Math.abs(previous.size - line.size) > 0.15 * size;
      if (gap < 0 || gap > 1.6 * size || resized) prose.push({ text: '', location });
    }
    prose.push({ text: line.text, location });
  });
  return prose;
}

/** Lines that open or close most sampled pages, when there are 3 pages or more. */
function runningLines(pages: PageLine[][]): Set<string> {
  if (pages.length < 3) return new Set();
  const counts = new Map<string, number>();
  for (const lines of pages) {
    const edges = new Set([lines.slice(0, 2), lines.slice(-2)].flat().map((line) => lineKey(line.text)));
    for (const key of edges) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return new Set([...counts].filter(([, count]) => count >= Math.ceil(pages.length * 0.6)).map(([key]) => key));
}

/** A page number alone on its line: `3`, `- 3 -`, `Page 3 of 9`, `3/9`. */
const PAGE_NUMBER = /^\W*(page\s*)?\d+(\s*(of|\/)\s*\d+)?\W*$/i;

function lineKey(text: string): string {
  return text.toLowerCase();
}

function pdfError(error: unknown, page?: number): Error {
  if (error instanceof DocumentFormatError || error instanceof DocumentLimitError) return error;
  const name = error instanceof Error ? error.name : '';
  if (name === 'PasswordException') {
    return new DocumentFormatError('PDF: the file is protected by a password; remove the password and upload it again');
  }
  const message = error instanceof Error ? error.message.replace(/\.$/, '') : String(error);
  const reason = /^[A-Z][a-z]/.test(message) ? message[0].toLowerCase() + message.slice(1) : message;
  const where = page === undefined ? '' : ` at page ${page}`;
  return new DocumentFormatError(
    `PDF: the file is not a readable PDF (${reason}${where}); it may be damaged: export or download it again`,
    page === undefined ? {} : { page },
  );
}
