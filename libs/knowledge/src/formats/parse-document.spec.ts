import { KNOWLEDGE_FORMATS } from '@voca/contracts';
import { describe, expect, it } from 'vitest';
import { DocumentFormatError, DocumentLimitError } from './document-errors.js';
import { parseDocument } from './parse-document.js';

describe('parseDocument', () => {
  it('has no text in an empty document of any format', async () => {
    const labels = { json: 'JSON', csv: 'CSV', markdown: 'Markdown', text: 'Text', html: 'HTML', pdf: 'PDF' };
    for (const format of KNOWLEDGE_FORMATS) {
      const error = await parseDocument({ bytes: new Uint8Array(), format, name: 'empty' }, { maxChunks: 10 }).catch(
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(DocumentFormatError);
      expect((error as Error).message.startsWith(`${labels[format]}: `)).toBe(true);
    }
    await expect(
      parseDocument({ bytes: Buffer.from('\ufeff \n'), format: 'markdown', name: 'a.md' }, { maxChunks: 1 }),
    ).rejects.toThrow('Markdown: the document holds no text');
  });

  it('refuses text that is not UTF-8 in every text format, naming where', async () => {
    const bytes = Buffer.concat([Buffer.from('sku,name\nA-1,Caf'), Buffer.from([0xe9]), Buffer.from('\n')]);
    for (const format of ['json', 'csv', 'markdown', 'text', 'html'] as const) {
      await expect(parseDocument({ bytes, format, name: 'x' }, { maxChunks: 10 })).rejects.toMatchObject({
        message: expect.stringContaining(
          'is not UTF-8 text (the byte at offset 16, on line 2, is not valid UTF-8)',
        ) as string,
        where: { line: 2 },
      });
    }
  });

  it('numbers chunks from 0 and refuses the first one past the limit', async () => {
    const catalog = Buffer.from(JSON.stringify(Array.from({ length: 5 }, (_, at) => ({ sku: `S-${at}` }))));
    const chunks = await parseDocument({ bytes: catalog, format: 'json', name: 'c.json' }, { maxChunks: 5 });
    expect(chunks.map((chunk) => chunk.ordinal)).toEqual([0, 1, 2, 3, 4]);
    const error = await parseDocument({ bytes: catalog, format: 'json', name: 'c.json' }, { maxChunks: 4 }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(DocumentLimitError);
    expect(error).toMatchObject({
      limit: 4,
      message:
        'the document holds more than 4 records or sections: split it into smaller documents, or leave out what the agent does not need',
    });
  });
});
