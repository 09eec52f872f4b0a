import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Agent } from './agent.entity.js';

/**
 * A customer erased from the record, and whether what lay outside Postgres is gone too (the jobs that carried their
 * words, ElizaOS's working memory on every replica). Ids and counts only: nothing of the customer's words, names or
 * addresses.
 */
@Entity({ name: 'customer_erasures' })
@Index('idx_customer_erasures_pending', ['createdAt'], { where: '"completed_at" IS NULL' })
export class CustomerErasure {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_customer_erasures' })
  id: string;

  @Column({ name: 'agent_id', type: 'uuid' })
  @ForeignKey(() => Agent, { name: 'fk_customer_erasures_agent', onDelete: 'CASCADE' })
  agentId: string;

  /** The erased customer's id, which nothing refers to any more. */
  @Column({ name: 'customer_id', type: 'uuid' })
  customerId: string;

  /** The messages erased: their jobs (inbound, reply, delivery) are found by these ids. */
  @Column({ name: 'message_ids', type: 'uuid', array: true })
  messageIds: string[];

  @Column({ type: 'jsonb' })
  counts: Record<string, number>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt: Date | null;
}
