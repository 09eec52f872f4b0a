import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { SocialChannel } from '@voca/contracts';
import { Agent } from './agent.entity.js';

/**
 * An agent's hold on a webhook subscription of one of its accounts (a WhatsApp Business Account, a Page, an Instagram
 * account, an X user), with the credentials it was made with: they outlive a channel that is dropped or given another
 * account, so the subscription can still be undone. Agents sharing an account each hold it; the platform's
 * subscription is made by the first and undone by the last.
 */
@Entity({ name: 'platform_subscriptions' })
@Unique('uq_platform_subscriptions_agent_account', ['agentId', 'channel', 'accountId'])
@Index('idx_platform_subscriptions_agent', ['agentId'])
@Index('idx_platform_subscriptions_account', ['channel', 'accountId'])
export class PlatformSubscription {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_platform_subscriptions' })
  id: string;

  @Column({ name: 'agent_id', type: 'uuid' })
  @ForeignKey(() => Agent, { name: 'fk_platform_subscriptions_agent', onDelete: 'CASCADE' })
  agentId: string;

  @Column({ type: 'varchar', length: 16 })
  channel: SocialChannel;

  /** The subscribed node: WABA id (WhatsApp), Page id, Instagram account id, or X user id. */
  @Column({ name: 'account_id', type: 'varchar', length: 128 })
  accountId: string;

  /** The channel credentials (AES-256-GCM) as they were when subscribing. */
  @Column({ name: 'credentials_ciphertext', type: 'text' })
  credentialsCiphertext: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
