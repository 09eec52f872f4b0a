import { Column, CreateDateColumn, Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import { ProvisioningOperation } from './provisioning-operation.entity.js';

/** An `Idempotency-Key` a vendor has used, and the operation its first request created. */
@Entity({ name: 'idempotency_keys' })
export class IdempotencyKey {
  @PrimaryColumn({ name: 'vendor_id', type: 'varchar', length: 64, primaryKeyConstraintName: 'pk_idempotency_keys' })
  vendorId: string;

  @PrimaryColumn({ type: 'varchar', length: 255, primaryKeyConstraintName: 'pk_idempotency_keys' })
  key: string;

  /** SHA-256 of the route and canonical body: the same key with another body is refused. */
  @Column({ name: 'request_hash', type: 'char', length: 64 })
  requestHash: string;

  @Column({ name: 'operation_id', type: 'uuid' })
  @ForeignKey(() => ProvisioningOperation, { name: 'fk_idempotency_keys_operation', onDelete: 'CASCADE' })
  operationId: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
