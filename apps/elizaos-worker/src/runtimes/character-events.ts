import { Controller, Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { ClientProxy, EventPattern, Payload } from '@nestjs/microservices';
import { CHARACTER_UPDATED_PATTERN, type CharacterUpdatedEvent } from '@voca/contracts';
import { RuntimeHost } from '@voca/elizaos';
import { firstValueFrom, timeout } from 'rxjs';

export const EVENTS_CLIENT = Symbol('EVENTS_CLIENT');

/** Tells every elizaos-worker replica that an agent's character changed. */
@Injectable()
export class CharacterEventsPublisher implements OnApplicationShutdown {
  private readonly logger = new Logger(CharacterEventsPublisher.name);

  constructor(@Inject(EVENTS_CLIENT) private readonly client: ClientProxy) {}

  async characterUpdated(event: CharacterUpdatedEvent): Promise<void> {
    try {
      await firstValueFrom(this.client.emit(CHARACTER_UPDATED_PATTERN, event).pipe(timeout(2_000)), { defaultValue: undefined });
    } catch (error) {
      // Replicas that miss it keep the older character until their LRU drops it; the version is re-read on rebuild.
      this.logger.warn({ ...event, err: error }, 'character update notice not published');
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.client.close();
  }
}

/** Drops a hosted runtime whose character has a newer version, so the next message rebuilds it. */
@Controller()
export class CharacterEventsListener {
  constructor(private readonly host: RuntimeHost) {}

  @EventPattern(CHARACTER_UPDATED_PATTERN)
  async onCharacterUpdated(@Payload() event: CharacterUpdatedEvent): Promise<void> {
    if (typeof event?.agentId === 'string' && Number.isInteger(event.version)) {
      await this.host.evict(event.agentId, event.version);
    }
  }
}
