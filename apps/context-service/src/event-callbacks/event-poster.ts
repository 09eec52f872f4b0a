import { Injectable } from '@nestjs/common';
import {
  EVENT_DELIVERY_ATTEMPT_HEADER,
  EVENT_DELIVERY_ID_HEADER,
  EVENT_ID_HEADER,
  EVENT_SIGNATURE_HEADER,
  EVENT_TYPE_HEADER,
  type EngineEventBody,
} from '@voca/contracts';
import { OutboundFailure, OutboundHttpClient } from '@voca/outbound-http';
import type { DeliveryAttempt } from '@voca/persistence';
import { eventSignature } from '@voca/secrets';

export interface PostedEvent {
  ok: boolean;
  attempt: DeliveryAttempt;
}

/**
 * One attempt of a delivery: the event as JSON, signed with the endpoint's secret over the timestamp and the exact
 * body, with the event and delivery ids in headers, through the outbound client (no internal destinations, no
 * redirects, the answer's body never read). Any 2xx answer delivers it; anything else, or no answer within the
 * timeout, is a failed attempt, described in the engine's own words: an endpoint's body is never stored or shown.
 */
@Injectable()
export class EventPoster {
  constructor(private readonly http: OutboundHttpClient) {}

  async post(
    delivery: { id: string; url: string; attempt: number; event: EngineEventBody },
    secret: string,
    timeoutMs: number,
  ): Promise<PostedEvent> {
    const body = JSON.stringify(delivery.event);
    const at = new Date().toISOString();
    const started = performance.now();
    const took = () => Math.round(performance.now() - started);
    try {
      const { status } = await this.http.request({
        method: 'POST',
        url: delivery.url,
        timeoutMs,
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
      const ok = status >= 200 && status < 300;
      const attempt: DeliveryAttempt = { at, status_code: status, duration_ms: took() };
      if (!ok) attempt.error = answeredWith(status);
      return { ok, attempt };
    } catch (error) {
      const reason = error instanceof OutboundFailure ? error.reason : 'could not reach the endpoint';
      return { ok: false, attempt: { at, error: reason, duration_ms: took() } };
    }
  }
}

function answeredWith(status: number): string {
  if (status >= 300 && status < 400) return `the endpoint answered ${status}; redirects are not followed`;
  return `the endpoint answered ${status}`;
}
