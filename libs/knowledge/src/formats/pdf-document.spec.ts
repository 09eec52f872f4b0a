import { readFileSync } from 'node:fs';
import { PDFDocument, PDFHexString, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { DocumentFormatError, DocumentLimitError } from './document-errors.js';
import { parseDocument } from './parse-document.js';

interface PageSpec {
  heading?: string;
  /** Lines of body text; an empty string is a paragraph break. */
  lines: string[];
}

/** A letter-size PDF in Helvetica, each page with the running header and page number a real guide has. */
async function guidePdf(pages: PageSpec[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  pages.forEach(({ heading, lines }, at) => {
    const page = doc.addPage([612, 792]);
    page.drawText('Northpass Outfitters - Care and warranty guide', { x: 50, y: 760, size: 9, font: regular });
    let y = 720;
    if (heading) {
      page.drawText(heading, { x: 50, y, size: 18, font: bold });
      y -= 32;
    }
    for (const line of lines) {
      if (line) page.drawText(line, { x: 50, y, size: 11, font: regular });
      y -= line ? 15 : 10;
    }
    page.drawText(`Page ${at + 1} of ${pages.length}`, { x: 270, y: 30, size: 9, font: regular });
  });
  return doc.save();
}

const readPdf = (bytes: Uint8Array, maxChunks = 100) =>
  parseDocument({ bytes, format: 'pdf', name: 'care-guide.pdf' }, { maxChunks });

const GUIDE: PageSpec[] = [
  {
    heading: 'Warranty',
    lines: [
      'Every pack is covered for two years against defects in materials and workmanship.',
      'Keep your receipt: we ask for it with every claim.',
      '',
      'Normal wear, such as faded fabric or scuffed buckles, is not a defect.',
    ],
  },
  {
    heading: 'Repairs',
    lines: [
      'Send the item to our repair shop in Portland with a note describing the problem.',
      'We fix zippers, buckles and seams at no cost while the warranty lasts.',
    ],
  },
  { lines: ['After the warranty, repairs are billed at cost, and we always quote first.'] },
];

describe('PDF documents', () => {
  it('reads each page as sections titled by its heading, without the running header and page numbers', async () => {
    const chunks = await readPdf(await guidePdf(GUIDE));
    expect(
      chunks.map(({ ordinal, kind, title, text, location }) => ({ ordinal, kind, title, text, location })),
    ).toEqual([
      {
        ordinal: 0,
        kind: 'section',
        title: 'Warranty',
        text: [
          'Every pack is covered for two years against defects in materials and workmanship.',
          'Keep your receipt: we ask for it with every claim.',
          '',
          'Normal wear, such as faded fabric or scuffed buckles, is not a defect.',
        ].join('\n'),
        location: 'page 1',
      },
      {
        ordinal: 1,
        kind: 'section',
        title: 'Repairs',
        text: 'Send the item to our repair shop in Portland with a note describing the problem.\nWe fix zippers, buckles and seams at no cost while the warranty lasts.',
        location: 'page 2',
      },
      {
        ordinal: 2,
        kind: 'section',
        title: 'page 3',
        text: 'After the warranty, repairs are billed at cost, and we always quote first.',
        location: 'page 3',
      },
    ]);
    expect(chunks[1].searchText).toBe(`Repairs\n${chunks[1].text}`);
  });

  it('splits a long page into chunks located at that page', async () => {
    const lines = Array.from(
      { length: 40 },
      (_, at) => `Line ${at + 1} of the fabric care table, with washing advice.`,
    );
    const chunks = await readPdf(await guidePdf([{ heading: 'Fabric care', lines }, ...GUIDE.slice(1)]));
    const care = chunks.filter((chunk) => chunk.title === 'Fabric care');
    expect(care.length).toBe(2);
    expect(care.every((chunk) => chunk.location === 'page 1' && chunk.text.length <= 1500)).toBe(true);
    expect(care.map((chunk) => chunk.text).join('\n')).toBe(lines.join('\n'));
    expect(chunks.map((chunk) => chunk.ordinal)).toEqual([0, 1, 2, 3]);
  });

  it('refuses a file cut short, a damaged one, and bytes that are not a PDF', async () => {
    const bytes = await guidePdf(GUIDE);
    await expect(readPdf(bytes.slice(0, bytes.length >> 1))).rejects.toThrow(
      new DocumentFormatError(
        'PDF: the file is not a readable PDF (it is cut short: its end-of-file marker is missing); upload the complete file again',
      ),
    );
    const damaged = Buffer.from(bytes).fill(0x41, 400, bytes.length - 400);
    await expect(readPdf(damaged)).rejects.toThrow(
      /^PDF: the file is not a readable PDF \(.+\); it may be damaged: export or download it again$/,
    );
    const random = new Uint8Array(4096).map((_, at) => (at * 7919 + 13) % 251);
    await expect(readPdf(random)).rejects.toThrow(
      'PDF: the file is not a PDF (it does not start with %PDF-); upload the document as a PDF',
    );
    await expect(readPdf(new Uint8Array())).rejects.toBeInstanceOf(DocumentFormatError);
  });

  it('refuses a PDF locked by a password', async () => {
    const doc = await PDFDocument.create();
    doc.addPage().drawText('Wholesale prices', { font: await doc.embedFont(StandardFonts.Helvetica) });
    // The standard security handler, with a user password the empty one does not match.
    const encryption = doc.context.obj({
      Filter: 'Standard',
      V: 1,
      R: 2,
      P: -44,
      O: PDFHexString.of('11'.repeat(32)),
      U: PDFHexString.of('22'.repeat(32)),
    });
    doc.context.trailerInfo.Encrypt = doc.context.register(encryption);
    doc.context.trailerInfo.ID = doc.context.obj([PDFHexString.of('ab'.repeat(16)), PDFHexString.of('ab'.repeat(16))]);
    await expect(readPdf(await doc.save({ useObjectStreams: false }))).rejects.toThrow(
      'PDF: the file is protected by a password; remove the password and upload it again',
    );
  });

  it('says so when no page holds text, as in a scan', async () => {
    const doc = await PDFDocument.create();
    doc.addPage().drawRectangle({ x: 50, y: 50, width: 300, height: 400 });
    doc.addPage();
    await expect(readPdf(await doc.save())).rejects.toThrow(
      'PDF: the file holds no text (none on any of its 2 pages: a scanned document is only images of text); upload a PDF whose text can be selected, or the text itself',
    );
  });

  it('stops at the chunk limit', async () => {
    await expect(readPdf(await guidePdf(GUIDE), 2)).rejects.toThrow(new DocumentLimitError(2));
  });

  it('loads PDF.js only when a PDF is read', () => {
    const source = readFileSync(new URL('./pdf-document.ts', import.meta.url), 'utf8');
    expect(source).toMatch(/await import\('unpdf'\)/);
    expect(source).not.toMatch(/^import (?!type )[^;]*'unpdf';/m);
  });
});
