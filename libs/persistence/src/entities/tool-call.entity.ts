import type { Channel, ToolCallStatus } from '@voca/contracts';
import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { AgentTool } from './agent-tool.entity.js';
import { ConversationMessage } from './conversation-message.entity.js';

/**
 * One call of an agent's tool, recorded with the turn that made it (the customer's message), or a request the agent
 * made of the customer before calling (a confirmation, a missing argument). Its idempotency key is unique: a retried
 * turn finds the call it already made instead of making it again.
 */
@Entity({ name: 'tool_calls' })
@Index('idx_tool_calls_customer', ['agentId', 'customerId', 'createdAt'])
@Index('idx_tool_calls_message', ['messageId'])
@Index('idx_tool_calls_resolved_by', ['resolvedByMessageId'], { where: '"resolved_by_message_id" IS NOT NULL' })
@Index('uq_tool_calls_idempotency_key', ['idempotencyKey'], { unique: true })
export class ToolCall {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_tool_calls' })
  id: string;

  @Column({ name: 'agent_id', type: 'uuid' })
  agentId: string;

  @Column({ name: 'customer_id', type: 'uuid' })
  customerId: string;

  /** The customer's message whose turn asked for the call; erased and pruned with it. */
  @Column({ name: 'message_id', type: 'uuid' })
  @ForeignKey(() => ConversationMessage, { name: 'fk_tool_calls_message', onDelete: 'CASCADE' })
  messageId: string;

  /** The later message that confirmed it, gave the missing argument, or moved on. */
  @Column({ name: 'resolved_by_message_id', type: 'uuid', nullable: true })
  @ForeignKey(() => ConversationMessage, { name: 'fk_tool_calls_resolved_by', onDelete: 'CASCADE' })
  resolvedByMessageId: string | null;

  @Column({ name: 'tool_id', type: 'uuid', nullable: true })
  @ForeignKey(() => AgentTool, { name: 'fk_tool_calls_tool', onDelete: 'SET NULL' })
  toolId: string | null;

  @Column({ name: 'tool_name', type: 'varchar', length: 64 })
  toolName: string;

  @Column({ type: 'varchar', length: 16 })
  channel: Channel;

  @Column({ type: 'jsonb' })
  arguments: Record<string, unknown>;

  /** For `awaiting_arguments`: the arguments the agent asked the customer for. */
  @Column({ type: 'text', array: true, nullable: true })
  missing: string[] | null;

  @Column({ type: 'varchar', length: 32 })
  status: ToolCallStatus;

  @Column({ name: 'idempotency_key', type: 'varchar', length: 200 })
  idempotencyKey: string;

  @Column({ name: 'latency_ms', type: 'integer', nullable: true })
  latencyMs: number | null;

  @Column({ name: 'response_bytes', type: 'integer', nullable: true })
  responseBytes: number | null;

  @Column({ name: 'http_status', type: 'integer', nullable: true })
  httpStatus: number | null;

  /** The backend's answer (a JSON object), bounded by TOOLS_MAX_RESPONSE_BYTES. */
  @Column({ type: 'jsonb', nullable: true })
  result: Record<string, unknown> | null;

  @Column({ type: 'text', nullable: true })
  error: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
