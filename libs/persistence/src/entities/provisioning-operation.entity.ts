import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { OperationKind, OperationStatus, ProvisionedAgentView } from '@voca/contracts';
import { Agent } from './agent.entity.js';

@Entity({ name: 'provisioning_operations' })
@Index('idx_provisioning_operations_agent', ['agentId', 'createdAt'])
@Index('idx_provisioning_operations_unenqueued', ['createdAt'], { where: '"enqueued_at" IS NULL' })
@Check('chk_provisioning_operations_kind', `"kind" IN ('provision', 'update', 'deprovision')`)
@Check(
  'chk_provisioning_operations_status',
  `"status" IN ('queued', 'in_progress', 'completed', 'failed', 'partially_completed', 'cancelled')`,
)
export class ProvisioningOperation {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_provisioning_operations' })
  id: string;

  @Column({ name: 'agent_id', type: 'uuid' })
  @ForeignKey(() => Agent, { name: 'fk_provisioning_operations_agent', onDelete: 'CASCADE' })
  agentId: string;

  @Column({ name: 'vendor_id', type: 'varchar', length: 64 })
  vendorId: string;

  /** provision (a new agent), update (the difference a change needs), deprovision (deletion). */
  @Column({ type: 'varchar', length: 16, default: 'provision' })
  kind: OperationKind;

  @Column({ type: 'varchar', length: 32, default: 'queued' })
  status: OperationStatus;

  @Column({ type: 'text', nullable: true })
  error: string | null;

  /** The agent configuration this operation ended with (the seed's final `agent_config`). */
  @Column({ type: 'jsonb', nullable: true })
  result: ProvisionedAgentView | null;

  @Column({ name: 'request_id', type: 'varchar', length: 128 })
  requestId: string;

  /** When it was asked to stop: steps that have not started are skipped, and the finalizer removes what ran. */
  @Column({ name: 'cancel_requested_at', type: 'timestamptz', nullable: true })
  cancelRequestedAt: Date | null;

  /** The failed operation this one runs again (POST /api/v1/provisioning/{id}/retry). */
  @Column({ name: 'retry_of', type: 'uuid', nullable: true })
  retryOf: string | null;

  /** When its BullMQ flow was added; null means the outbox relay still has to add it. */
  @Column({ name: 'enqueued_at', type: 'timestamptz', nullable: true })
  enqueuedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt: Date | null;
}
