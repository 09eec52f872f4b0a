import { randomBytes } from 'node:crypto';

/** The emulator's token estimate: one token per four characters, rounded up. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** An id shaped like OpenAI's: `${prefix}-` followed by 29 random alphanumerics (e.g. chatcmpl-…). */
export function openAiId(prefix: string, length = 29): string {
  return `${prefix}-${randomAlphanumerics(length)}`;
}

/** A tool call id shaped like OpenAI's: 'call_' followed by 24 random alphanumerics. */
export function toolCallId(): string {
  return `call_${randomAlphanumerics(24)}`;
}

function randomAlphanumerics(length: number): string {
  let text = '';
  for (const b of randomBytes(length)) text += ALPHANUMERIC[b % ALPHANUMERIC.length];
  return text;
}
