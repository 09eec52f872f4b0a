import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { AgentStatus } from '@voca/contracts';
import { Agent } from './agent.entity.js';

/** The audit trail of an agent: every change and transition, who made it and when. */
@Entity({ name: 'agent_events' })
// Retention deletes the oldest rows first, walking this index.
@Index('idx_agent_events_created', ['createdAt'])
@Index('idx_agent_events_agent_created', ['agentId', 'createdAt'])
export class AgentEvent {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_agent_events' })
  id: string;

  @Column({ name: 'agent_id', type: 'uuid' })
  @ForeignKey(() => Agent, { name: 'fk_agent_events_agent', onDelete: 'CASCADE' })
  agentId: string;

  /** created, updated, start, stop, pause, resume, delete, deleted, provisioned. */
  @Column({ type: 'varchar', length: 32 })
  action: string;

  @Column({ name: 'from_status', type: 'varchar', length: 32, nullable: true })
  fromStatus: AgentStatus | null;

  @Column({ name: 'to_status', type: 'varchar', length: 32, nullable: true })
  toStatus: AgentStatus | null;

  /** `service:<sub>` or `vendor:<vendor id>:<sub>`; `engine` for the engine's own steps. */
  @Column({ type: 'varchar', length: 200 })
  actor: string;

  @Column({ name: 'request_id', type: 'varchar', length: 128, nullable: true })
  requestId: string | null;

  @Column({ type: 'jsonb', default: {} })
  details: Record<string, unknown>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
