import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { AgentStatus, BusinessContextDto, BusinessType, CharacterConfigDto } from '@voca/contracts';

@Entity({ name: 'agents' })
@Index('idx_agents_vendor_created', ['vendorId', 'createdAt'])
@Check(
  'chk_agents_status',
  `"status" IN ('provisioning', 'active', 'partially_active', 'failed', 'paused', 'stopped', 'deleting', 'deleted')`,
)
@Check('chk_agents_business_type', `"business_type" IN ('retail', 'microfinance', 'other')`)
export class Agent {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_agents' })
  id: string;

  @Column({ name: 'vendor_id', type: 'varchar', length: 64 })
  vendorId: string;

  @Column({ type: 'varchar', length: 120 })
  name: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ name: 'business_type', type: 'varchar', length: 20 })
  businessType: BusinessType;

  @Column({ type: 'varchar', length: 32, default: 'provisioning' })
  status: AgentStatus;

  @Column({ name: 'character_config', type: 'jsonb', default: {} })
  characterConfig: CharacterConfigDto;

  @Column({ type: 'jsonb', default: {} })
  context: BusinessContextDto;

  /**
   * Optimistic version of the agent's configuration: bumped by every change a client makes (PUT), not by the
   * engine's own status updates, so an edit is refused only when someone else edited first.
   */
  @Column({ type: 'integer' })
  version: number;

  /** Which key signs the agent's generic webhook (agentWebhookKey); raised by a rotation, which voids the old key. */
  @Column({ name: 'webhook_key_version', type: 'integer', default: 1 })
  webhookKeyVersion: number;

  /** When the agent was deleted; its record stays (see AGENT_RETENTION) so its history can be audited. */
  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true })
  deletedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
