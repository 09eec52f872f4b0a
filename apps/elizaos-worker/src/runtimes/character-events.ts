import { Controller, Injectable } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import {
  AGENT_UNLOADED_PATTERN,
  CHARACTER_UPDATED_PATTERN,
  type AgentUnloadedEvent,
  type CharacterUpdatedEvent,
} from '@voca/contracts';
import { RuntimeHost } from '@voca/elizaos';
import { EventPublisher } from '@voca/queue';

/**
 * Tells every elizaos-worker replica that an agent's character changed. A replica that misses it keeps the older
 * character until its LRU drops the runtime; the version is read again on every rebuild.
 */
@Injectable()
export class CharacterEventsPublisher {
  constructor(private readonly events: EventPublisher) {}

  async characterUpdated(event: CharacterUpdatedEvent): Promise<void> {
    await this.events.publish(CHARACTER_UPDATED_PATTERN, event);
  }
}

/**
 * Drops hosted runtimes: one whose character has a newer version (rebuilt on the next message), or a stopped agent's.
 */
@Controller()
export class CharacterEventsListener {
  constructor(private readonly host: RuntimeHost) {}

  @EventPattern(CHARACTER_UPDATED_PATTERN)
  async onCharacterUpdated(@Payload() event: CharacterUpdatedEvent): Promise<void> {
    if (typeof event?.agentId === 'string' && Number.isInteger(event.version)) {
      await this.host.evict(event.agentId, event.version);
    }
  }

  /** A stopped or deleted agent's runtime is unloaded on every replica. */
  @EventPattern(AGENT_UNLOADED_PATTERN)
  async onAgentUnloaded(@Payload() event: AgentUnloadedEvent): Promise<void> {
    if (typeof event?.agentId === 'string') await this.host.evict(event.agentId);
  }
}
