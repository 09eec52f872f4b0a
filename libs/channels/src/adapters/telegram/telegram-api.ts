import { callPlatform, numberAt, textAt, type PlatformAnswer } from '../../platform-call.js';
import type { TelegramSettings } from './telegram-settings.js';

/**
 * One call of the Bot API, `POST {base}/bot<token>/<method>` with a JSON body. The token is in the path, as the Bot
 * API wants it: never log the URL (tracing redacts the segment).
 */
export function callBot(
  settings: TelegramSettings,
  token: string,
  method: string,
  body: object,
  timeoutMs: number,
): Promise<PlatformAnswer> {
  const base = settings.TELEGRAM_API_BASE_URL.replace(/\/$/, '');
  return callPlatform(
    `${base}/bot${token}/${method}`,
    { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) },
    timeoutMs,
  );
}

/** Whether the Bot API did it: `{ok: true, result}` with a 2xx status. */
export function botSucceeded(answer: { status: number; body: unknown }): boolean {
  return answer.status >= 200 && answer.status < 300 && (answer.body as { ok?: unknown } | undefined)?.ok === true;
}

/** How a Bot API refusal reads: its `description` and `error_code`, or the HTTP status when it has none. */
export function telegramReason(status: number, body: unknown): string {
  const code = numberAt(body, 'error_code') ?? status;
  return `${textAt(body, 'description') ?? `HTTP ${status}`} (code ${code})`;
}

/** How long a flood-limited (429) call asks to wait: `parameters.retry_after` seconds. */
export function retryAfterOf(body: unknown): number | undefined {
  const seconds = numberAt(body, 'parameters', 'retry_after');
  return seconds !== undefined && seconds > 0 ? seconds * 1000 : undefined;
}
