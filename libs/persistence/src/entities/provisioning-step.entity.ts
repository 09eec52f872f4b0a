import { Check, Column, Entity, ForeignKey, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import type { Channel, StepName, StepStatus } from '@voca/contracts';
import { ProvisioningOperation } from './provisioning-operation.entity.js';

@Entity({ name: 'provisioning_steps' })
@Unique('uq_provisioning_steps_operation_name', ['operationId', 'name'])
@Check('chk_provisioning_steps_status', `"status" IN ('pending', 'running', 'retrying', 'completed', 'failed')`)
export class ProvisioningStep {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_provisioning_steps' })
  id: string;

  @Column({ name: 'operation_id', type: 'uuid' })
  @ForeignKey(() => ProvisioningOperation, { name: 'fk_provisioning_steps_operation', onDelete: 'CASCADE' })
  operationId: string;

  @Column({ type: 'varchar', length: 32 })
  name: StepName;

  /** Execution order within the operation, for display. */
  @Column({ type: 'smallint' })
  position: number;

  @Column({ type: 'jsonb', default: [] })
  channels: Channel[];

  @Column({ type: 'varchar', length: 16, default: 'pending' })
  status: StepStatus;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ name: 'max_attempts', type: 'integer' })
  maxAttempts: number;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  error: string | null;

  /** What the step is doing now or did last, e.g. `claiming +12065550142`. */
  @Column({ type: 'text', nullable: true })
  detail: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
