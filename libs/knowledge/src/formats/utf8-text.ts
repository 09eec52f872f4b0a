import { DocumentFormatError } from './document-errors.js';
import { lineAndColumn } from './text-position.js';

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * A text document's bytes as a string: UTF-8 only (a BOM is dropped), line endings made `\n`. Bytes that are not
 * UTF-8, UTF-16 text and NUL characters (a binary file under a text name) are refused, naming where.
 */
export function decodeText(bytes: Uint8Array, label: string): string {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    throw new DocumentFormatError(`${label}: the file is UTF-16 text; save it as UTF-8 and upload it again`);
  }
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    const offset = firstInvalidUtf8Byte(bytes);
    const line = lineAtByte(bytes, offset);
    throw new DocumentFormatError(
      `${label}: the file is not UTF-8 text (the byte at offset ${offset}, on line ${line}, is not valid UTF-8); save it as UTF-8 and upload it again`,
      { line },
    );
  }
  const nul = text.indexOf('\0');
  if (nul >= 0) {
    const { line } = lineAndColumn(text, nul);
    throw new DocumentFormatError(
      `${label}: the file holds a NUL character on line ${line}, so it is not a text file`,
      { line },
    );
  }
  return text.replace(/\r\n?/g, '\n');
}

function lineAtByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let at = 0; at < offset; at++) if (bytes[at] === 0x0a) line++;
  return line;
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((byte, at) => bytes[at] === byte);
}

/**
 * The offset where the first sequence that breaks UTF-8 starts (RFC 3629: no overlong forms, no surrogates, nothing
 * past U+10FFFF); the length when all is valid.
 */
export function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  let at = 0;
  while (at < bytes.length) {
    const lead = bytes[at];
    if (lead < 0x80) {
      at++;
      continue;
    }
    const [length, min, max] = leadRange(lead);
    if (length === 0) return at;
    for (let next = 1; next < length; next++) {
      if (at + next >= bytes.length) return at;
      const byte = bytes[at + next];
      const [low, high] = next === 1 ? [min, max] : [0x80, 0xbf];
      if (byte < low || byte > high) return at;
    }
    at += length;
  }
  return bytes.length;
}

/** A lead byte's sequence length and the range its second byte must fall in; length 0 for a byte that cannot lead. */
function leadRange(lead: number): [number, number, number] {
  if (lead >= 0xc2 && lead <= 0xdf) return [2, 0x80, 0xbf];
  if (lead === 0xe0) return [3, 0xa0, 0xbf];
  if (lead === 0xed) return [3, 0x80, 0x9f];
  if (lead >= 0xe1 && lead <= 0xef) return [3, 0x80, 0xbf];
  if (lead === 0xf0) return [4, 0x90, 0xbf];
  if (lead === 0xf4) return [4, 0x80, 0x8f];
  if (lead >= 0xf1 && lead <= 0xf3) return [4, 0x80, 0xbf];
  return [0, 0, 0];
}
