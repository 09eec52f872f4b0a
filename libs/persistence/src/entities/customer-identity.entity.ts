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
import type { Channel } from '@voca/contracts';
import { Agent } from './agent.entity.js';
import { Customer } from './customer.entity.js';

export type IdentityLink = 'first_seen' | 'phone' | 'explicit';

/**
 * How a customer appears on one channel (WhatsApp wa_id or business-scoped id, PSID, IGSID, X user id, E.164).
 * Identities sharing an E.164 number are linked to one customer automatically; others can be linked explicitly and
 * unlinked again (back to the customer they were first seen as).
 */
@Entity({ name: 'customer_identities' })
@Index('idx_customer_identities_first_customer', ['firstCustomerId'])
@Unique('uq_customer_identities_agent_channel_external', ['agentId', 'channel', 'externalId'])
@Index('idx_customer_identities_customer', ['customerId'])
@Index('idx_customer_identities_phone', ['agentId', 'phoneE164'], { where: '"phone_e164" IS NOT NULL' })
@Check('chk_customer_identities_linked', `"linked" IN ('first_seen', 'phone', 'explicit')`)
export class CustomerIdentity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_customer_identities' })
  id: string;

  @Column({ name: 'agent_id', type: 'uuid' })
  @ForeignKey(() => Agent, { name: 'fk_customer_identities_agent', onDelete: 'CASCADE' })
  agentId: string;

  @Column({ name: 'customer_id', type: 'uuid' })
  @ForeignKey(() => Customer, { name: 'fk_customer_identities_customer', onDelete: 'CASCADE' })
  customerId: string;

  /** The customer this identity was first seen as; unlinking returns it there. */
  @Column({ name: 'first_customer_id', type: 'uuid' })
  @ForeignKey(() => Customer, { name: 'fk_customer_identities_first_customer', onDelete: 'CASCADE' })
  firstCustomerId: string;

  @Column({ type: 'varchar', length: 16 })
  channel: Channel;

  @Column({ name: 'external_id', type: 'varchar', length: 128 })
  externalId: string;

  @Column({ name: 'phone_e164', type: 'varchar', length: 20, nullable: true })
  phoneE164: string | null;

  @Column({ name: 'display_name', type: 'varchar', length: 200, nullable: true })
  displayName: string | null;

  @Column({ type: 'varchar', length: 16, default: 'first_seen' })
  linked: IdentityLink;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
