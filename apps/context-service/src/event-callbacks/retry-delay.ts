/** The longest wait between two attempts of a delivery. */
export const MAX_RETRY_DELAY_MS = 3_600_000;

/**
 * How long to wait after the `attempts`-th failed attempt: the base doubled each time up to an hour, with a fifth
 * either way at random, so endpoints that failed together are not all retried at once.
 */
export function retryDelayMs(attempts: number, baseMs: number, random = Math.random): number {
  const exponential = Math.min(MAX_RETRY_DELAY_MS, baseMs * 2 ** Math.min(30, Math.max(0, attempts - 1)));
  return Math.round(exponential * (0.8 + 0.4 * random()));
}
