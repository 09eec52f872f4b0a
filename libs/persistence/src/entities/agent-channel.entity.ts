import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import type { Channel, ChannelStatus } from '@voca/contracts';
import { Agent } from './agent.entity.js';

/** One channel of one agent, with what provisioning created for it. */
@Entity({ name: 'agent_channels' })
@Unique('uq_agent_channels_agent_channel', ['agentId', 'channel'])
@Index('uq_agent_channels_external_account', ['channel', 'externalAccountId'], {
  unique: true,
  where: '"external_account_id" IS NOT NULL',
})
@Check('chk_agent_channels_status', `"status" IN ('pending', 'active', 'failed', 'pending_configuration')`)
export class AgentChannel {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_agent_channels' })
  id: string;

  @Column({ name: 'agent_id', type: 'uuid' })
  @ForeignKey(() => Agent, { name: 'fk_agent_channels_agent', onDelete: 'CASCADE' })
  agentId: string;

  @Column({ type: 'varchar', length: 16 })
  channel: Channel;

  @Column({ type: 'varchar', length: 32, default: 'pending' })
  status: ChannelStatus;

  /** The platform's business-side id (WhatsApp phone_number_id, Page id, IG account id, X user id). */
  @Column({ name: 'external_account_id', type: 'varchar', length: 128, nullable: true })
  externalAccountId: string | null;

  /** The platform credentials, AES-256-GCM encrypted; never leaves the engine. */
  @Column({ name: 'credentials_ciphertext', type: 'text', nullable: true })
  credentialsCiphertext: string | null;

  @Column({ name: 'phone_number', type: 'varchar', length: 32, nullable: true })
  phoneNumber: string | null;

  @Column({ name: 'aws_connect_instance_id', type: 'varchar', length: 256, nullable: true })
  awsConnectInstanceId: string | null;

  @Column({ name: 'elizaos_agent_id', type: 'uuid', nullable: true })
  elizaosAgentId: string | null;

  @Column({ name: 'webhook_url', type: 'text', nullable: true })
  webhookUrl: string | null;

  /** Provider-side ids of what was created for this channel, so steps can find them again. */
  @Column({ name: 'provider_refs', type: 'jsonb', default: {} })
  providerRefs: Record<string, string>;

  @Column({ type: 'text', nullable: true })
  error: string | null;

  /** When the Connect drift audit last found this channel's cloud resources in AWS. */
  @Column({ name: 'cloud_checked_at', type: 'timestamptz', nullable: true })
  cloudCheckedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
