import { Column, CreateDateColumn, Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import { Agent } from './agent.entity.js';

/**
 * One version of an agent's ElizaOS character. A new version is stored only when the character changes; every
 * elizaos-worker replica builds the agent's runtime from the latest one.
 */
@Entity({ name: 'agent_characters' })
export class AgentCharacter {
  @PrimaryColumn({ name: 'agent_id', type: 'uuid', primaryKeyConstraintName: 'pk_agent_characters' })
  @ForeignKey(() => Agent, { name: 'fk_agent_characters_agent', onDelete: 'CASCADE' })
  agentId: string;

  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'pk_agent_characters' })
  version: number;

  /** The ElizaOS Character, as validated by ElizaOS's own schema. */
  @Column({ type: 'jsonb' })
  character: Record<string, unknown>;

  /** SHA-256 of the character, to tell a changed character from a repeated one. */
  @Column({ name: 'content_hash', type: 'char', length: 64 })
  contentHash: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
