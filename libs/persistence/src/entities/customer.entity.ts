import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Agent } from './agent.entity.js';

/** One customer of one agent, whatever channels they use: the unit of cross-channel memory. */
@Entity({ name: 'customers' })
// Retention deletes the oldest rows first, walking this index.
@Index('idx_customers_created', ['createdAt'])
@Index('idx_customers_agent_created', ['agentId', 'createdAt'])
export class Customer {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_customers' })
  id: string;

  @Column({ name: 'agent_id', type: 'uuid' })
  @ForeignKey(() => Agent, { name: 'fk_customers_agent', onDelete: 'CASCADE' })
  agentId: string;

  @Column({ name: 'display_name', type: 'varchar', length: 200, nullable: true })
  displayName: string | null;

  /** E.164, when a channel revealed it. */
  @Column({ name: 'phone_e164', type: 'varchar', length: 20, nullable: true })
  phoneE164: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
