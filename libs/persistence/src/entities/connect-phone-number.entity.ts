import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Agent } from './agent.entity.js';
import { ConnectInstance } from './connect-instance.entity.js';

export type ConnectPhoneNumberStatus = 'claiming' | 'claimed' | 'failed';

/**
 * A phone number the engine holds on an instance. The row (with its client token) is written before
 * ClaimPhoneNumber or ImportPhoneNumber, so no claimed number is ever unknown to the engine. A claimed number
 * without an agent is in the pool: released numbers go back to AWS only after a long cooldown and churn is limited,
 * so a deleted agent's number is kept and given to the next agent.
 */
@Entity({ name: 'connect_phone_numbers' })
@Index('idx_connect_phone_numbers_pool', ['connectInstanceId', 'pooledAt'], {
  where: `"agent_id" IS NULL AND "status" = 'claimed'`,
})
@Index('idx_connect_phone_numbers_agent', ['agentId'])
@Index('uq_connect_phone_numbers_client_token', ['clientToken'], { unique: true })
@Check('chk_connect_phone_numbers_status', `"status" IN ('claiming', 'claimed', 'failed')`)
@Check('chk_connect_phone_numbers_source', `"source" IN ('claimed', 'imported')`)
export class ConnectPhoneNumber {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_connect_phone_numbers' })
  id: string;

  @Column({ name: 'connect_instance_id', type: 'uuid' })
  @ForeignKey(() => ConnectInstance, { name: 'fk_connect_phone_numbers_instance', onDelete: 'RESTRICT' })
  connectInstanceId: string;

  @Column({ name: 'client_token', type: 'uuid' })
  clientToken: string;

  /** E.164; unknown for an imported number until Connect has imported it. */
  @Column({ name: 'phone_number', type: 'varchar', length: 32, nullable: true })
  phoneNumber: string | null;

  /** The End User Messaging SMS number an imported number comes from. */
  @Column({ name: 'source_phone_number_arn', type: 'varchar', length: 256, nullable: true })
  sourcePhoneNumberArn: string | null;

  @Column({ name: 'phone_number_id', type: 'varchar', length: 64, nullable: true })
  phoneNumberId: string | null;

  @Column({ name: 'phone_number_arn', type: 'varchar', length: 256, nullable: true })
  phoneNumberArn: string | null;

  @Column({ type: 'varchar', length: 16 })
  source: 'claimed' | 'imported';

  @Column({ type: 'varchar', length: 16, default: 'claiming' })
  status: ConnectPhoneNumberStatus;

  @Column({ name: 'agent_id', type: 'uuid', nullable: true })
  @ForeignKey(() => Agent, { name: 'fk_connect_phone_numbers_agent', onDelete: 'SET NULL' })
  agentId: string | null;

  /** The agent's channel this number serves (voice or sms). */
  @Column({ type: 'varchar', length: 16, nullable: true })
  channel: 'voice' | 'sms' | null;

  /** When the number last went back to the pool; the oldest pooled number is reused first. */
  @Column({ name: 'pooled_at', type: 'timestamptz', nullable: true })
  pooledAt: Date | null;

  @Column({ type: 'text', nullable: true })
  error: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
