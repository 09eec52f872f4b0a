import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { ContextServiceEnv } from '@voca/config';
import { InjectMetric, makeCounterProvider } from '@voca/observability';
import { credentialCipherFrom, eventSecretBinding, type CredentialCipher } from '@voca/secrets';
import type { Counter } from 'prom-client';
import { DeliveryLedger, type ClaimedDelivery } from './delivery-ledger.js';
import { EventPoster } from './event-poster.js';
import { retryDelayMs } from './retry-delay.js';

export const EVENT_DELIVERIES = 'voca_event_deliveries_total';

export const eventDeliveryMetric = makeCounterProvider({
  name: EVENT_DELIVERIES,
  help: "Attempts to deliver an event to the backend's endpoints, by outcome (delivered; retrying: failed, to be tried again; gave_up: failed past EVENT_RETRY_WINDOW_MS)",
  labelNames: ['outcome'],
});

/** Deliveries attempted at once by one replica. */
const BATCH = 20;
/** How long a replica that cannot open an endpoint's secret leaves its deliveries to the others. */
const FOREIGN_SECRET_PAUSE_MS = 30_000;

/**
 * Sends recorded events to the backend's endpoints: at least once (a delivery is retried until a 2xx answer, with
 * backoff, for EVENT_RETRY_WINDOW_MS), in order per endpoint and agent, from any number of replicas (claims skip what
 * another holds). Polls every EVENT_POLL_INTERVAL_MS, at once again while there is more due.
 */
@Injectable()
export class EventDispatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(EventDispatcher.name);
  private readonly cipher: CredentialCipher;
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;

  constructor(
    private readonly ledger: DeliveryLedger,
    private readonly poster: EventPoster,
    private readonly config: ConfigService<ContextServiceEnv, true>,
    @InjectMetric(EVENT_DELIVERIES) private readonly deliveries: Counter<'outcome'>,
  ) {
    this.cipher = credentialCipherFrom(config);
  }

  onApplicationBootstrap(): void {
    if (this.config.get('EVENT_DELIVERY', { infer: true }) === 'off') return;
    this.schedule(0);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.pass()
        .then((more) => this.schedule(more ? 0 : this.config.get('EVENT_POLL_INTERVAL_MS', { infer: true })))
        .catch((error) => {
          this.logger.warn({ err: error }, 'event delivery pass failed');
          this.schedule(this.config.get('EVENT_POLL_INTERVAL_MS', { infer: true }));
        });
    }, delayMs);
  }

  /** Attempts the deliveries due now; true when a full batch was taken (more may be due). */
  async pass(): Promise<boolean> {
    const timeoutMs = this.config.get('EVENT_TIMEOUT_MS', { infer: true });
    const retryWindowMs = this.config.get('EVENT_RETRY_WINDOW_MS', { infer: true });
    const gaveUp = await this.ledger.giveUpUnfinished(retryWindowMs);
    if (gaveUp) this.deliveries.inc({ outcome: 'gave_up' }, gaveUp);
    const claimed = await this.ledger.claim(BATCH, {
      // The lease outlasts an attempt, so no other replica takes a delivery that is still being attempted.
      leaseMs: timeoutMs * 2 + 5_000,
      retryBaseMs: this.config.get('EVENT_RETRY_BASE_MS', { infer: true }),
      retryWindowMs,
    });
    await Promise.all(claimed.map((delivery) => this.attempt(delivery, timeoutMs)));
    return claimed.length === BATCH;
  }

  private async attempt(delivery: ClaimedDelivery, timeoutMs: number): Promise<void> {
    let secret: string;
    try {
      secret = this.cipher.decrypt<{ secret: string }>(
        delivery.secretCiphertext,
        eventSecretBinding(delivery.endpointId),
      ).secret;
    } catch (error) {
      this.logger.error(
        { endpointId: delivery.endpointId, reason: (error as Error).message },
        'cannot open the endpoint secret; leaving its deliveries to another replica',
      );
      await this.ledger.release(delivery.id, FOREIGN_SECRET_PAUSE_MS);
      return;
    }
    const { ok, attempt } = await this.poster.post(delivery, secret, timeoutMs);
    if (ok) {
      await this.ledger.delivered(delivery.id, attempt);
      this.deliveries.inc({ outcome: 'delivered' });
      return;
    }
    const retryInMs = retryDelayMs(delivery.attempt, this.config.get('EVENT_RETRY_BASE_MS', { infer: true }));
    const outcome = await this.ledger.attemptFailed(
      delivery.id,
      attempt,
      retryInMs,
      this.config.get('EVENT_RETRY_WINDOW_MS', { infer: true }),
    );
    if (outcome) this.deliveries.inc({ outcome });
    this.logger.warn(
      {
        deliveryId: delivery.id,
        endpointId: delivery.endpointId,
        eventType: delivery.event.type,
        attempt: delivery.attempt,
        reason: attempt.error,
      },
      'event delivery attempt failed',
    );
  }
}
