import { Injectable } from '@nestjs/common';
import { PROVISIONING_PROGRESS_PATTERN, type ProvisioningProgressEvent } from '@voca/contracts';
import { EventPublisher } from '@voca/queue';

/** Emits provisioning ticks on Redis pub/sub. Best effort: the state they announce is already in Postgres. */
@Injectable()
export class ProgressPublisher {
  constructor(private readonly events: EventPublisher) {}

  async publish(event: Omit<ProvisioningProgressEvent, 'at'>): Promise<void> {
    const tick: ProvisioningProgressEvent = { ...event, at: new Date().toISOString() };
    await this.events.publish(PROVISIONING_PROGRESS_PATTERN, tick);
  }
}
