import { Check, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';

/** `vanished`: recorded, but AWS no longer has it; kept for the record beside the instance that replaced it. */
export type ConnectInstanceStatus = 'creating' | 'active' | 'failed' | 'vanished';

/**
 * An Amazon Connect instance the engine uses. Normally one, shared by every agent of an account and region
 * (`scope` = `shared`); a vendor may get a dedicated one (`scope` = `vendor:<id>`). The client token is stored
 * before CreateInstance, so a crashed worker resumes the same creation instead of starting another.
 */
@Entity({ name: 'connect_instances' })
@Unique('uq_connect_instances_scope_region', ['scope', 'region'])
@Check('chk_connect_instances_status', `"status" IN ('creating', 'active', 'failed', 'vanished')`)
export class ConnectInstance {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_connect_instances' })
  id: string;

  @Column({ type: 'varchar', length: 120 })
  scope: string;

  @Column({ type: 'varchar', length: 32 })
  region: string;

  @Column({ type: 'varchar', length: 62 })
  alias: string;

  @Column({ name: 'client_token', type: 'uuid' })
  clientToken: string;

  @Column({ name: 'instance_id', type: 'varchar', length: 64, nullable: true })
  instanceId: string | null;

  @Column({ name: 'instance_arn', type: 'varchar', length: 256, nullable: true })
  instanceArn: string | null;

  @Column({ type: 'varchar', length: 16, default: 'creating' })
  status: ConnectInstanceStatus;

  @Column({ name: 'status_reason', type: 'text', nullable: true })
  statusReason: string | null;

  /** The shared voice Lambda, once created, permitted and associated with this instance. */
  @Column({ name: 'voice_lambda_arn', type: 'varchar', length: 256, nullable: true })
  voiceLambdaArn: string | null;

  /** The code the voice Lambda runs, so a new engine version updates it and an unchanged one skips the check. */
  @Column({ name: 'voice_lambda_code_sha256', type: 'varchar', length: 64, nullable: true })
  voiceLambdaCodeSha256: string | null;

  /** Where the instance's default queue lives, for transfers to a person. */
  @Column({ name: 'basic_queue_arn', type: 'varchar', length: 256, nullable: true })
  basicQueueArn: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
