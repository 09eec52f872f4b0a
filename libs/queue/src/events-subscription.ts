import { Injectable } from '@nestjs/common';

interface Subscriber {
  status: string;
}

/**
 * Whether this process hears the engine's pub/sub events. Processes that listen (the gateway for progress ticks and
 * replies, the elizaos-worker for character changes) are not ready while their subscriber is disconnected.
 */
@Injectable()
export class EventsSubscription {
  private subscriber?: Subscriber;

  watch(subscriber: Subscriber): void {
    this.subscriber = subscriber;
  }

  /** Undefined when this process does not listen for events. */
  get connected(): boolean | undefined {
    return this.subscriber ? this.subscriber.status === 'ready' : undefined;
  }
}
