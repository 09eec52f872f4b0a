import {
  EVENT_DELIVERY_ATTEMPT_HEADER,
  EVENT_DELIVERY_ID_HEADER,
  EVENT_ID_HEADER,
  EVENT_SIGNATURE_HEADER,
  EVENT_TYPE_HEADER,
  type EngineEventBody,
} from '@voca/contracts';
import type { DeliveryAttempt } from '@voca/persistence';
import { eventSignature } from '@voca/secrets';

export interface PostedEvent {
  ok: boolean;
  attempt: DeliveryAttempt;
}

/** The most of an endpoint's error answer kept in the attempt log. */
const ERROR_BODY_CHARS = 200;

/**
 * One attempt of a delivery: the event as JSON, signed with the endpoint's secret over the timestamp and the exact
 * body, with the event and delivery ids in headers. Any 2xx answer delivers it; anything else, or no answer within
 * the timeout, is a failed attempt. Redirects are not followed (a signed body goes where it was registered to only).
 */
export async function postEvent(
  delivery: { id: string; url: string; attempt: number; event: EngineEventBody },
  secret: string,
  timeoutMs: number,
): Promise<PostedEvent> {
  const body = JSON.stringify(delivery.event);
  const startedAt = new Date();
  const started = performance.now();
  const took = () => Math.round(performance.now() - started);
  try {
    const response = await fetch(delivery.url, {
      method: 'POST',
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
      headers: {
        'content-type': 'application/json',
        'user-agent': 'voca-ai-engine-events/1',
        [EVENT_SIGNATURE_HEADER]: eventSignature(secret, Math.floor(Date.now() / 1000), body),
        [EVENT_ID_HEADER]: delivery.event.id,
        [EVENT_TYPE_HEADER]: delivery.event.type,
        [EVENT_DELIVERY_ID_HEADER]: delivery.id,
        [EVENT_DELIVERY_ATTEMPT_HEADER]: String(delivery.attempt),
      },
      body,
    });
    const ok = response.status >= 200 && response.status < 300;
    const text = ok ? '' : (await response.text().catch(() => '')).slice(0, ERROR_BODY_CHARS);
    const attempt: DeliveryAttempt = { at: startedAt.toISOString(), status_code: response.status, duration_ms: took() };
    if (!ok) attempt.error = `the endpoint answered ${response.status}${text ? `: ${text}` : ''}`;
    if (ok) await response.body?.cancel().catch(() => undefined);
    return { ok, attempt };
  } catch (error) {
    const reason =
      error instanceof Error && error.name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : describe(error);
    return { ok: false, attempt: { at: startedAt.toISOString(), error: reason, duration_ms: took() } };
  }
}

function describe(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  if (cause?.code) return `could not reach the endpoint (${cause.code})`;
  return `could not reach the endpoint (${error instanceof Error ? error.message : 'unknown error'})`.slice(
    0,
    ERROR_BODY_CHARS,
  );
}
