import type { SendOutcome } from './platform-sender.js';

/** Errors thrown before any byte reached the platform: nothing was delivered, so sending again is safe. */
const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNRESET_BEFORE_SEND',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/** fetch failed without an HTTP answer: decide whether the platform may have received the message. */
export function networkFailure(error: unknown): SendOutcome {
  const cause = (error as { cause?: { code?: string } }).cause;
  const code = cause?.code ?? (error as { code?: string }).code;
  if (code && NOT_SENT_CODES.has(code)) return { kind: 'retry', reason: `could not reach the platform (${code})` };
  const name = (error as Error).name;
  return {
    kind: 'unknown',
    reason: `no answer from the platform (${name === 'TimeoutError' ? 'timeout' : (code ?? name)})`,
  };
}

/** Milliseconds to wait from a Retry-After (seconds) or an X rate-limit reset (epoch seconds) header. */
export function retryAfterMs(headers: Headers): number | undefined {
  const retryAfter = Number(headers.get('retry-after'));
  if (Number.isFinite(retryAfter) && retryAfter > 0) return retryAfter * 1000;
  const reset = Number(headers.get('x-rate-limit-reset'));
  if (Number.isFinite(reset) && reset > 0) return Math.max(0, reset * 1000 - Date.now());
  return undefined;
}

export async function jsonOf(response: Response): Promise<any> {
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}
