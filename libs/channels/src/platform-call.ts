/** What a platform API (Graph, X) answered, or why it could not be asked. */
export type PlatformAnswer = { kind: 'answered'; status: number; json: any } | { kind: 'unreachable'; reason: string };

/** One HTTP call to a platform API within `timeoutMs`, its JSON body read when there is one. */
export async function callPlatform(url: string, init: RequestInit, timeoutMs: number): Promise<PlatformAnswer> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    const code = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name;
    return { kind: 'unreachable', reason: `could not reach the platform (${code})` };
  }
  let json: any;
  try {
    json = await response.json();
  } catch {
    json = undefined;
  }
  return { kind: 'answered', status: response.status, json };
}
