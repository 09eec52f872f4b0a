/** Errors thrown before any byte reached the platform: it received nothing, so asking again is safe. */
const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNRESET_BEFORE_SEND',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/**
 * What a platform API (Graph, X) answered, its JSON body read when there is one, or why it did not answer.
 * `maybeReceived`: the request may have reached the platform (a timeout, a connection lost after sending), so what
 * it asked may have been done.
 */
export type PlatformAnswer =
  | { kind: 'answered'; status: number; headers: Headers; body: unknown }
  | { kind: 'unreachable'; reason: string; maybeReceived: boolean };

/** One HTTP call to a platform API within `timeoutMs`; it never throws. */
export async function callPlatform(url: string, init: RequestInit, timeoutMs: number): Promise<PlatformAnswer> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    return unreachable(error);
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  return { kind: 'answered', status: response.status, headers: response.headers, body };
}

function unreachable(error: unknown): Extract<PlatformAnswer, { kind: 'unreachable' }> {
  const code = (error as { cause?: { code?: string } }).cause?.code ?? (error as { code?: string }).code;
  if (code && NOT_SENT_CODES.has(code)) {
    return { kind: 'unreachable', reason: `could not reach the platform (${code})`, maybeReceived: false };
  }
  const name = (error as Error).name;
  const why = name === 'TimeoutError' ? 'timeout' : (code ?? name);
  return { kind: 'unreachable', reason: `no answer from the platform (${why})`, maybeReceived: true };
}

/** Whether the platform took the request (a 2xx status). */
export function succeeded(answer: { status: number }): boolean {
  return answer.status >= 200 && answer.status < 300;
}

/** The platform did not act but may when asked again: throttled, unavailable, or a Graph error marked transient. */
export function isTransient({ status, body }: { status: number; body: unknown }): boolean {
  return status === 429 || status >= 500 || flagAt(body, 'error', 'is_transient');
}

/** Milliseconds to wait from a Retry-After (seconds) or an X rate-limit reset (epoch seconds) header. */
export function retryAfterMs(headers: Headers): number | undefined {
  const retryAfter = Number(headers.get('retry-after'));
  if (Number.isFinite(retryAfter) && retryAfter > 0) return retryAfter * 1000;
  const reset = Number(headers.get('x-rate-limit-reset'));
  if (Number.isFinite(reset) && reset > 0) return Math.max(0, reset * 1000 - Date.now());
  return undefined;
}

function valueAt(body: unknown, path: (string | number)[]): unknown {
  let value = body;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string | number, unknown>)[key];
  }
  return value;
}

/** The string at `path` in a JSON body (a number is read as its digits, ids may come as either). */
export function textAt(body: unknown, ...path: (string | number)[]): string | undefined {
  const value = valueAt(body, path);
  if (typeof value === 'string') return value;
  return typeof value === 'number' ? String(value) : undefined;
}

/** The number at `path` in a JSON body. */
export function numberAt(body: unknown, ...path: (string | number)[]): number | undefined {
  const value = valueAt(body, path);
  return typeof value === 'number' ? value : undefined;
}

/** Whether the value at `path` in a JSON body is `true`. */
export function flagAt(body: unknown, ...path: (string | number)[]): boolean {
  return valueAt(body, path) === true;
}

/** How a Graph API error body reads: its message and code, or the HTTP status when it has none. */
export function graphReason(status: number, body: unknown): string {
  const code = numberAt(body, 'error', 'code');
  return `${textAt(body, 'error', 'message') ?? `HTTP ${status}`}${code ? ` (code ${code})` : ''}`;
}

/** How an X API problem (`{title, detail}`) reads: its title, and its detail when that says more. */
export function xReason(status: number, body: unknown): string {
  const title = textAt(body, 'title') ?? `HTTP ${status}`;
  const detail = textAt(body, 'detail');
  return detail && detail !== title ? `${title}: ${detail}` : title;
}
