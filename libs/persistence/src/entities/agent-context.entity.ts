import { Column, CreateDateColumn, Entity, ForeignKey, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { BusinessProfile } from '@voca/contracts';
import { Agent } from './agent.entity.js';

/** The agent's shared context: what every channel's conversations start from. */
@Entity({ name: 'agent_contexts' })
export class AgentContext {
  @PrimaryColumn({ name: 'agent_id', type: 'uuid', primaryKeyConstraintName: 'pk_agent_contexts' })
  @ForeignKey(() => Agent, { name: 'fk_agent_contexts_agent', onDelete: 'CASCADE' })
  agentId: string;

  @Column({ name: 'business_profile', type: 'jsonb' })
  businessProfile: BusinessProfile;

  /** The profile flattened into short statements the agent can quote. */
  @Column({ type: 'jsonb' })
  facts: string[];

  /** Bumped whenever the profile is rebuilt, so consumers can tell a stale copy. */
  @Column({ name: 'profile_version', type: 'integer', default: 1 })
  profileVersion: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
