import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { Channel } from '@voca/contracts';
import { Agent } from './agent.entity.js';
import { Customer } from './customer.entity.js';

export type HandoffState = 'open' | 'resolved';
/**
 * `handoff`: the agent told the customer a person takes over, and does not answer them until it is resolved.
 * `follow_up`: a message of theirs needs a person (a reply that failed or may not have gone out...); the agent goes on
 * answering. A follow-up becomes a hand-off when the agent hands the customer over.
 */
export type HandoffKind = 'handoff' | 'follow_up';

/**
 * A conversation waiting for a person: opened when the agent hands a customer over or a message of theirs needs a
 * follow-up, resolved when a person hands it back. One open per customer; a person answers through the API.
 */
@Entity({ name: 'handoffs' })
@Index('uq_handoffs_open_customer', ['customerId'], { unique: true, where: `"state" = 'open'` })
@Index('idx_handoffs_vendor_state_opened', ['vendorId', 'state', 'openedAt'])
@Index('idx_handoffs_agent_state_opened', ['agentId', 'state', 'openedAt'])
@Index('idx_handoffs_customer', ['customerId'])
@Check('chk_handoffs_state', `"state" IN ('open', 'resolved')`)
@Check('chk_handoffs_kind', `"kind" IN ('handoff', 'follow_up')`)
export class Handoff {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_handoffs' })
  id: string;

  @Column({ name: 'agent_id', type: 'uuid' })
  @ForeignKey(() => Agent, { name: 'fk_handoffs_agent', onDelete: 'CASCADE' })
  agentId: string;

  @Column({ name: 'vendor_id', type: 'varchar', length: 64 })
  vendorId: string;

  @Column({ name: 'customer_id', type: 'uuid' })
  @ForeignKey(() => Customer, { name: 'fk_handoffs_customer', onDelete: 'CASCADE' })
  customerId: string;

  /** The channel of the message that opened it: where a person's reply goes. */
  @Column({ type: 'varchar', length: 16 })
  channel: Channel;

  @Column({ type: 'varchar', length: 16 })
  kind: HandoffKind;

  /** The customer's message that opened it. */
  @Column({ name: 'message_id', type: 'uuid' })
  messageId: string;

  @Column({ type: 'text' })
  reason: string;

  @Column({ type: 'varchar', length: 16, default: 'open' })
  state: HandoffState;

  @Column({ name: 'opened_at', type: 'timestamptz', default: () => 'now()' })
  openedAt: Date;

  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;

  /** Who handed it back, as the audit trail names actors. */
  @Column({ name: 'resolved_by', type: 'varchar', length: 200, nullable: true })
  resolvedBy: string | null;
}
