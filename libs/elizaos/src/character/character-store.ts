import { createHash } from 'node:crypto';
import { AgentCharacter } from '@voca/persistence';
import type { DataSource } from 'typeorm';
import type { ElizaCharacter } from '../runtime/eliza-core.js';

export interface StoredCharacter {
  agentId: string;
  version: number;
  character: ElizaCharacter;
  createdAt: Date;
}

const UNIQUE_VIOLATION = '23505';

/** Versioned characters in Postgres: a new version only when the character really changed. */
export class CharacterStore {
  constructor(private readonly db: DataSource) {}

  async latest(agentId: string): Promise<StoredCharacter | undefined> {
    const row = await this.db.getRepository(AgentCharacter).findOne({ where: { agentId }, order: { version: 'DESC' } });
    return row
      ? {
          agentId,
          version: row.version,
          character: row.character as unknown as ElizaCharacter,
          createdAt: row.createdAt,
        }
      : undefined;
  }

  /** Stores the character unless the latest version is the same; returns the version and whether it is new. */
  async save(agentId: string, character: ElizaCharacter): Promise<{ version: number; changed: boolean }> {
    const contentHash = createHash('sha256').update(JSON.stringify(character)).digest('hex');
    for (;;) {
      const latest = await this.db
        .getRepository(AgentCharacter)
        .findOne({ where: { agentId }, order: { version: 'DESC' } });
      if (latest?.contentHash === contentHash) return { version: latest.version, changed: false };
      const version = (latest?.version ?? 0) + 1;
      try {
        await this.db.query(
          `INSERT INTO agent_characters (agent_id, version, character, content_hash) VALUES ($1, $2, $3, $4)`,
          [agentId, version, JSON.stringify(character), contentHash],
        );
        return { version, changed: true };
      } catch (error) {
        // Another replica stored this version first: look again.
        if ((error as { driverError?: { code?: string } }).driverError?.code !== UNIQUE_VIOLATION) throw error;
      }
    }
  }

  /** Forgets every version of the agent's character (a deletion under AGENT_RETENTION=purge). */
  async purge(agentId: string): Promise<number> {
    const removed = await this.db.getRepository(AgentCharacter).delete({ agentId });
    return removed.affected ?? 0;
  }
}
