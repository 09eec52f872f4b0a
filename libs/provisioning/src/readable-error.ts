const MAX_LENGTH = 1_000;
const GENERIC_NAMES = new Set(['Error', 'UnrecoverableError']);

/** One line an operator can act on: the error's class when it says something, then its message. */
export function readableError(error: unknown): string {
  if (!(error instanceof Error)) return String(error).slice(0, MAX_LENGTH);
  const text = GENERIC_NAMES.has(error.name) ? error.message : `${error.name}: ${error.message}`;
  return text.replace(/\s+/g, ' ').trim().slice(0, MAX_LENGTH) || error.name;
}
