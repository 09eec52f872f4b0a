import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DocumentFormatError } from './document-errors.js';
import { decodeText, firstInvalidUtf8Byte } from './utf8-text.js';

const bytes = (...parts: (string | number[])[]): Uint8Array =>
  Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part) : Buffer.from(part))));

describe('decodeText', () => {
  it('drops a BOM and makes every line ending a \\n', () => {
    expect(decodeText(bytes([0xef, 0xbb, 0xbf], 'a\r\nb\rc\nd'), 'Text')).toBe('a\nb\nc\nd');
  });

  it('names the byte and line that are not UTF-8', () => {
    const latin1 = bytes('Returns\nWithin 30 days\nCaf', [0xe9], ' & more');
    let error: unknown;
    try {
      decodeText(latin1, 'Text');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DocumentFormatError);
    expect((error as DocumentFormatError).message).toBe(
      'Text: the file is not UTF-8 text (the byte at offset 26, on line 3, is not valid UTF-8); save it as UTF-8 and upload it again',
    );
    expect((error as DocumentFormatError).where).toEqual({ line: 3 });
  });

  it('refuses UTF-16 and NUL characters, which mean the file is not UTF-8 text', () => {
    expect(() => decodeText(bytes([0xff, 0xfe, 0x61, 0x00]), 'CSV')).toThrow(/CSV: the file is UTF-16 text/);
    expect(() => decodeText(bytes('one\ntwo\0three'), 'Markdown')).toThrow(
      'Markdown: the file holds a NUL character on line 2, so it is not a text file',
    );
  });
});

describe('firstInvalidUtf8Byte', () => {
  it('finds overlong forms, surrogates, stray continuations and cut sequences', () => {
    expect(firstInvalidUtf8Byte(bytes('ok'))).toBe(2);
    expect(firstInvalidUtf8Byte(bytes('a', [0xc0, 0xaf]))).toBe(1);
    expect(firstInvalidUtf8Byte(bytes('ab', [0xed, 0xa0, 0x80]))).toBe(2);
    expect(firstInvalidUtf8Byte(bytes([0x80]))).toBe(0);
    expect(firstInvalidUtf8Byte(bytes('é', [0xe2, 0x82]))).toBe(2);
    expect(firstInvalidUtf8Byte(bytes('x', [0xf4, 0x90, 0x80, 0x80]))).toBe(1);
  });

  it('agrees with the fatal TextDecoder on any bytes', () => {
    const decoder = new TextDecoder('utf-8', { fatal: true });
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (sample) => {
        let valid = true;
        try {
          decoder.decode(sample);
        } catch {
          valid = false;
        }
        expect(firstInvalidUtf8Byte(sample) === sample.length).toBe(valid);
      }),
      { numRuns: 2000 },
    );
  });
});
