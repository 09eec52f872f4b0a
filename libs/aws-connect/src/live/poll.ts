import { setTimeout as sleep } from 'node:timers/promises';

export interface PollSettings {
  intervalMs: number;
  timeoutMs: number;
}

/**
 * Asks `check` until it returns a value (not undefined), pausing between tries; gives up after the timeout.
 * `pauseFirst` for what is never done at once (a number claim): an immediate check would only spend a call of the
 * account's shared API rate.
 */
export async function pollUntil<T>(
  what: string,
  settings: PollSettings,
  check: () => Promise<T | undefined>,
  { pauseFirst = false }: { pauseFirst?: boolean } = {},
): Promise<T> {
  const deadline = Date.now() + settings.timeoutMs;
  if (pauseFirst) await sleep(settings.intervalMs);
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() + settings.intervalMs > deadline)
      throw new Error(`gave up waiting for ${what} after ${settings.timeoutMs} ms`);
    await sleep(settings.intervalMs);
  }
}
