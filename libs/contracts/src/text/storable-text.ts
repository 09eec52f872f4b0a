/**
 * Postgres refuses NUL in text and jsonb, and lone UTF-16 surrogates in jsonb. Input is checked (or cleaned) with
 * these before it gets anywhere near a column.
 */
// eslint-disable-next-line no-control-regex -- NUL is exactly what Postgres refuses
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const UNSTORABLE_ALL = new RegExp(UNSTORABLE.source, 'g');

export function isStorableText(text: string): boolean {
  return !UNSTORABLE.test(text);
}

/** Drops NUL and turns lone surrogates into U+FFFD, as a decoder would: for free text such as a customer's message. */
export function toStorableText(text: string): string {
  return text.replace(UNSTORABLE_ALL, (match) => (match === '\u0000' ? '' : '\ufffd'));
}
