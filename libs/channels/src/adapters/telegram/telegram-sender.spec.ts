import { describe, expect, it } from 'vitest';
import { messageParts } from './telegram-sender.js';

describe("a reply cut to Telegram's 4096 characters", () => {
  it('leaves a short reply whole', () => {
    expect(messageParts('Hello there')).toEqual(['Hello there']);
  });

  it('cuts a long reply at a space near the end of each part, counting code points', () => {
    const word = 'duvet ';
    const text = `${'🛏'.repeat(10)} ${word.repeat(1000)}`.trim();
    const parts = messageParts(text);
    expect(parts.length).toBe(2);
    for (const part of parts) expect([...part].length).toBeLessThanOrEqual(4096);
    expect(parts[0]!.endsWith('duvet')).toBe(true);
    expect(parts.join(' ')).toBe(text);
  });

  it('cuts hard where no space is near (a long link)', () => {
    const parts = messageParts('x'.repeat(9000));
    expect(parts.map((part) => part.length)).toEqual([4096, 4096, 808]);
  });
});
