import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { ClientProxy } from '@nestjs/microservices';
import { PROVISIONING_PROGRESS_PATTERN, type ProvisioningProgressEvent } from '@voca/contracts';
import { firstValueFrom, timeout } from 'rxjs';

export const PROGRESS_CLIENT = Symbol('PROGRESS_CLIENT');
const PUBLISH_TIMEOUT_MS = 2_000;

/** Emits provisioning ticks on Redis pub/sub. Best effort: the state they announce is already in Postgres. */
@Injectable()
export class ProgressPublisher implements OnApplicationShutdown {
  private readonly logger = new Logger(ProgressPublisher.name);

  constructor(@Inject(PROGRESS_CLIENT) private readonly client: ClientProxy) {}

  async publish(event: Omit<ProvisioningProgressEvent, 'at'>): Promise<void> {
    const tick: ProvisioningProgressEvent = { ...event, at: new Date().toISOString() };
    try {
      await firstValueFrom(this.client.emit(PROVISIONING_PROGRESS_PATTERN, tick).pipe(timeout(PUBLISH_TIMEOUT_MS)), {
        defaultValue: undefined,
      });
    } catch (error) {
      this.logger.warn({ operationId: event.operationId, err: error }, 'progress tick not published');
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.client.close();
  }
}
