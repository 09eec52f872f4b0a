import { randomBytes } from 'node:crypto';

/** The emulator's token estimate: one token per four characters, rounded up. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** An id shaped like OpenAI's: `${prefix}-` followed by 29 random alphanumerics (e.g. chatcmpl-…). */
export function openAiId(prefix: string, length = 29): string {
  const bytes = randomBytes(length);
  let id = '';
  for (const b of bytes) id += ALPHANUMERIC[b % ALPHANUMERIC.length];
  return `${prefix}-${id}`;
}
