import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Generated,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { Channel, InboundMedia, KnowledgeCitation } from '@voca/contracts';
import { Agent } from './agent.entity.js';
import { Customer } from './customer.entity.js';
import { CustomerIdentity } from './customer-identity.entity.js';

export const INBOUND_STATUSES = ['received', 'queued', 'answering', 'answered', 'held', 'follow_up', 'failed'] as const;
export const OUTBOUND_STATUSES = [
  'pending',
  'sending',
  'sent',
  'delivered',
  'read',
  'failed',
  'unknown',
  'needs_template',
  'expired',
] as const;
export type InboundStatus = (typeof INBOUND_STATUSES)[number];
export type OutboundStatus = (typeof OUTBOUND_STATUSES)[number];

/**
 * Every message of every conversation, both ways: the durable record of what customers said and what agents
 * answered. An inbound message is stored once per platform message id; an inbound message has at most one reply.
 * Inbound: received (recorded by the gateway) -> queued (customer known) -> answering -> answered | failed, or held
 * (agent paused or stopped), then queued on resume or follow_up (for a person) when its reply window has passed.
 * Outbound: pending -> sending -> sent -> delivered -> read, or failed, unknown (a send
 * whose outcome was lost: never retried, so never sent twice), needs_template (outside the platform's reply window),
 * expired (a voice reply that came after the caller had moved on).
 */
@Entity({ name: 'conversation_messages' })
// Retention deletes the oldest rows first, walking this index.
@Index('idx_conversation_messages_created', ['createdAt'])
// For the foreign keys' own lookups when a message or an identity is deleted.
@Index('idx_conversation_messages_in_reply_to', ['inReplyTo'], { where: '"in_reply_to" IS NOT NULL' })
@Index('idx_conversation_messages_identity', ['identityId'], { where: '"identity_id" IS NOT NULL' })
@Index('uq_conversation_messages_inbound_platform_id', ['channel', 'platformMessageId'], {
  unique: true,
  where: `"direction" = 'inbound'`,
})
@Index('uq_conversation_messages_reply', ['inReplyTo'], { unique: true, where: `"direction" = 'outbound'` })
@Index('idx_conversation_messages_outbound_platform_id', ['channel', 'platformMessageId'], {
  where: `"direction" = 'outbound' AND "platform_message_id" IS NOT NULL`,
})
@Index('idx_conversation_messages_conversation', ['agentId', 'channel', 'counterpartId', 'arrival'])
@Index('idx_conversation_messages_customer', ['customerId', 'arrival'])
@Check('chk_conversation_messages_direction', `"direction" IN ('inbound', 'outbound')`)
export class ConversationMessage {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_conversation_messages' })
  id: string;

  /** Arrival order across the engine; a conversation's messages are answered in this order. */
  @Column({ type: 'bigint' })
  @Generated('increment')
  arrival: string;

  @Column({ name: 'agent_id', type: 'uuid' })
  @ForeignKey(() => Agent, { name: 'fk_conversation_messages_agent', onDelete: 'CASCADE' })
  agentId: string;

  @Column({ name: 'customer_id', type: 'uuid', nullable: true })
  @ForeignKey(() => Customer, { name: 'fk_conversation_messages_customer', onDelete: 'SET NULL' })
  customerId: string | null;

  @Column({ name: 'identity_id', type: 'uuid', nullable: true })
  @ForeignKey(() => CustomerIdentity, { name: 'fk_conversation_messages_identity', onDelete: 'SET NULL' })
  identityId: string | null;

  @Column({ type: 'varchar', length: 16 })
  channel: Channel;

  @Column({ type: 'varchar', length: 8 })
  direction: 'inbound' | 'outbound';

  /** The business-side account (phone_number_id, Page, IG account, X user, dialed number). */
  @Column({ name: 'business_account_id', type: 'varchar', length: 256 })
  businessAccountId: string;

  /** The customer's id on the channel: the sender of inbound messages, the recipient of replies. */
  @Column({ name: 'counterpart_id', type: 'varchar', length: 128 })
  counterpartId: string;

  @Column({ name: 'counterpart_name', type: 'varchar', length: 200, nullable: true })
  counterpartName: string | null;

  @Column({ name: 'counterpart_phone', type: 'varchar', length: 20, nullable: true })
  counterpartPhone: string | null;

  /** Inbound: the platform's id; outbound: the id the platform gave our reply. */
  @Column({ name: 'platform_message_id', type: 'varchar', length: 255, nullable: true })
  platformMessageId: string | null;

  @Column({ name: 'in_reply_to', type: 'uuid', nullable: true })
  @ForeignKey(() => ConversationMessage, { name: 'fk_conversation_messages_in_reply_to', onDelete: 'CASCADE' })
  inReplyTo: string | null;

  @Column({ type: 'text' })
  text: string;

  /**
   * Who wrote an outbound message when a person did (through a hand-off), as the audit trail names actors; null: the
   * agent.
   */
  @Column({ type: 'varchar', length: 200, nullable: true })
  author: string | null;

  /** What the customer sent besides words (photos, voice notes, locations...), as references; null for text only. */
  @Column({ type: 'jsonb', nullable: true })
  media: InboundMedia[] | null;

  /** An agent's reply: the document chunks it answered from; null when it used none. */
  @Column({ type: 'jsonb', nullable: true })
  citations: KnowledgeCitation[] | null;

  @Column({ type: 'varchar', length: 24 })
  status: InboundStatus | OutboundStatus;

  /** The agent passed the customer to a person with this reply. */
  @Column({ type: 'boolean', default: false })
  handoff: boolean;

  /** For a message whose webhook waits for the reply (voice, the generic webhook): until when it waits. */
  @Column({ name: 'reply_deadline_at', type: 'timestamptz', nullable: true })
  replyDeadlineAt: Date | null;

  @Column({ type: 'text', nullable: true })
  error: string | null;

  /** When the customer sent it (inbound), or when the platform accepted it (outbound). */
  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
