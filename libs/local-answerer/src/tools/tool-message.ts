/**
 * A customer's message read once per turn for the tool planners: as written (for references like "#A-10423"), in
 * lower case without accents but with its punctuation (for times like "7:30 p.m."), and as a row of folded words
 * (for phrases), each folded word tied to the word as written so a phrase can be quoted back in the customer's case.
 */

/** Anything past this is ignored: a service request is said in the first lines. */
export const MAX_MESSAGE_CHARS = 2_000;

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;

export interface ToolMessage {
  /** As written (the first MAX_MESSAGE_CHARS). */
  raw: string;
  /** Lower case, accents dropped, ß as ss; punctuation kept. */
  lower: string;
  /** Its words as written, in order. */
  words: string[];
  /** The same words folded (see `fold`), never empty. */
  folded: string[];
  /** The folded words joined by single spaces: what the phrase patterns read. */
  flat: string;
}

/** Lower case, accents dropped, ß as ss, apostrophes dropped ("I'd" -> "id"), only a-z and 0-9 left. */
export function fold(word: string): string {
  return lowerPlain(word)
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]/g, '');
}

/** Lower case without accents ("Dónde" -> "donde"), ß as ss, everything else as it was. */
export function lowerPlain(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/ß/g, 'ss');
}

export function readToolMessage(text: unknown): ToolMessage {
  const raw = typeof text === 'string' ? text.slice(0, MAX_MESSAGE_CHARS) : '';
  const words: string[] = [];
  const folded: string[] = [];
  for (const match of raw.matchAll(WORD)) {
    const f = fold(match[0]);
    if (!f) continue;
    words.push(match[0]);
    folded.push(f);
  }
  return { raw, lower: lowerPlain(raw), words, folded, flat: folded.join(' ') };
}

/**
 * The words as written behind a stretch of `flat` (from `start` to `end`, character offsets that fall on word
 * boundaries, as a pattern's match does): "Queen Bedding Set" for the match "queen bedding set".
 */
export function asWritten(message: ToolMessage, start: number, end: number): string {
  const first = wordIndexAt(message.flat, start);
  const last = wordIndexAt(message.flat, Math.max(start, end - 1));
  return message.words.slice(first, last + 1).join(' ');
}

/** Which word of `flat` the character at `offset` belongs to. */
export function wordIndexAt(flat: string, offset: number): number {
  let index = 0;
  for (let i = 0; i < offset && i < flat.length; i++) if (flat.charCodeAt(i) === 32) index++;
  return index;
}
