import type { Channel, ToolIntent } from '@voca/contracts';
import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Agent } from './agent.entity.js';

/** A function of the business's backend its agent may call mid-conversation, registered by the backend. */
@Entity({ name: 'agent_tools' })
@Index('uq_agent_tools_agent_name', ['agentId', 'name'], { unique: true })
export class AgentTool {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_agent_tools' })
  id: string;

  @Column({ name: 'agent_id', type: 'uuid' })
  @ForeignKey(() => Agent, { name: 'fk_agent_tools_agent', onDelete: 'CASCADE' })
  agentId: string;

  @Column({ name: 'vendor_id', type: 'varchar', length: 64 })
  vendorId: string;

  @Column({ type: 'varchar', length: 64 })
  name: string;

  @Column({ type: 'text' })
  description: string;

  /** The JSON Schema of its arguments, as registered. */
  @Column({ type: 'jsonb' })
  parameters: Record<string, unknown>;

  @Column({ type: 'varchar', length: 2048 })
  url: string;

  @Column({ name: 'timeout_ms', type: 'integer' })
  timeoutMs: number;

  /** null: every channel of the agent. */
  @Column({ type: 'text', array: true, nullable: true })
  channels: Channel[] | null;

  @Column({ name: 'requires_confirmation', type: 'boolean', default: false })
  requiresConfirmation: boolean;

  @Column({ name: 'handoff_on_failure', type: 'boolean', default: false })
  handoffOnFailure: boolean;

  @Column({ type: 'varchar', length: 32, nullable: true })
  intent: ToolIntent | null;

  /** The signing secret, sealed like platform credentials (bound to this tool's id); shown once, at registration. */
  @Column({ name: 'secret_ciphertext', type: 'text' })
  secretCiphertext: string;

  @Column({ name: 'created_by', type: 'varchar', length: 200 })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
