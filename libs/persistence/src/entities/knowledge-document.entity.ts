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

/**
 * A document of an agent's knowledge (a catalog, a policy, an FAQ), by name: the spec's key (`product_catalog`) or a
 * file's name. Its versions are uploaded one after the other; `currentVersion` is the one the agent answers from,
 * swapped only once a newer one is indexed.
 */
@Entity({ name: 'knowledge_documents' })
@Index('uq_knowledge_documents_agent_name', ['agentId', 'name'], { unique: true })
@Index('idx_knowledge_documents_vendor', ['vendorId'])
@Check('chk_knowledge_documents_versions', `"current_version" IS NULL OR "current_version" <= "latest_version"`)
export class KnowledgeDocument {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_knowledge_documents' })
  id: string;

  @Column({ name: 'agent_id', type: 'uuid' })
  @ForeignKey(() => Agent, { name: 'fk_knowledge_documents_agent', onDelete: 'CASCADE' })
  agentId: string;

  @Column({ name: 'vendor_id', type: 'varchar', length: 64 })
  vendorId: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  /** The newest version uploaded (indexed or not). */
  @Column({ name: 'latest_version', type: 'integer' })
  latestVersion: number;

  /** The version the agent answers from; null until the first one is indexed. */
  @Column({ name: 'current_version', type: 'integer', nullable: true })
  currentVersion: number | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
