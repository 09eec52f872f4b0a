/** Published on Redis pub/sub when an agent's character gets a new version; every elizaos-worker replica listens. */
export const CHARACTER_UPDATED_PATTERN = 'elizaos.character.updated';

export interface CharacterUpdatedEvent {
  agentId: string;
  version: number;
}
