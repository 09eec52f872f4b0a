import { describe, expect, it } from 'vitest';
import { pollUntil } from './poll.js';

describe('pollUntil', () => {
  it('checks at once, then every interval, until a value comes', async () => {
    const checks: number[] = [];
    const started = Date.now();
    const value = await pollUntil('a value', { intervalMs: 30, timeoutMs: 1_000 }, async () => {
      checks.push(Date.now() - started);
      return checks.length === 3 ? 'done' : undefined;
    });
    expect(value).toBe('done');
    expect(checks).toHaveLength(3);
    expect(checks[0]).toBeLessThan(25);
  });

  it('with pauseFirst, waits one interval before the first check', async () => {
    const started = Date.now();
    let firstAt = -1;
    await pollUntil(
      'a value',
      { intervalMs: 60, timeoutMs: 1_000 },
      async () => {
        firstAt = Date.now() - started;
        return true;
      },
      { pauseFirst: true },
    );
    expect(firstAt).toBeGreaterThanOrEqual(55);
  });

  it('gives up after the timeout, naming what it waited for', async () => {
    await expect(pollUntil('the claim', { intervalMs: 20, timeoutMs: 50 }, async () => undefined)).rejects.toThrow(
      'gave up waiting for the claim after 50 ms',
    );
  });
});
