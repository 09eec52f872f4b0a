import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { EventType } from '@voca/contracts';
import { Agent } from './agent.entity.js';

/**
 * Something the backend may want to hear about, recorded in the transaction of the change it reports. `seq` orders an
 * agent's events as they were committed: recording takes a per-agent lock first (see recordEvent).
 */
@Entity({ name: 'events' })
// Retention deletes the oldest rows first, walking this index.
@Index('idx_events_created', ['createdAt'])
@Index('idx_events_agent_seq', ['agentId', 'seq'])
export class EngineEvent {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_events' })
  id: string;

  @Column({ type: 'bigint', generated: 'identity', generatedIdentity: 'ALWAYS' })
  seq: string;

  @Column({ type: 'varchar', length: 64 })
  type: EventType;

  @Column({ name: 'vendor_id', type: 'varchar', length: 64 })
  vendorId: string;

  @Column({ name: 'agent_id', type: 'uuid' })
  @ForeignKey(() => Agent, { name: 'fk_events_agent', onDelete: 'CASCADE' })
  agentId: string;

  @Column({ type: 'jsonb' })
  data: Record<string, unknown>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
