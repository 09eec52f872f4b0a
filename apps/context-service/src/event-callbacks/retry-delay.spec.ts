import { describe, expect, it } from 'vitest';
import { MAX_RETRY_DELAY_MS, retryDelayMs } from './retry-delay.js';

describe('retryDelayMs', () => {
  it('doubles from the base after each failed attempt', () => {
    const middle = () => 0.5;
    expect([1, 2, 3, 4].map((attempts) => retryDelayMs(attempts, 10_000, middle))).toEqual([
      10_000, 20_000, 40_000, 80_000,
    ]);
  });

  it('never waits more than an hour, however many attempts failed', () => {
    expect(retryDelayMs(40, 10_000, () => 0.5)).toBe(MAX_RETRY_DELAY_MS);
    expect(retryDelayMs(1_000, 10_000, () => 0.999)).toBeLessThanOrEqual(MAX_RETRY_DELAY_MS * 1.2);
  });

  it('spreads retries by a fifth either way', () => {
    expect(retryDelayMs(1, 10_000, () => 0)).toBe(8_000);
    expect(retryDelayMs(1, 10_000, () => 1)).toBe(12_000);
  });
});
