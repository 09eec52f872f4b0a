import type { KnowledgeFormat } from '@voca/contracts';
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
import { KnowledgeDocument } from './knowledge-document.entity.js';

/** `queued` (uploaded, or its URL not fetched yet) → `indexing` → `ready` (answering, or replaced) | `failed`. */
export type KnowledgeVersionStatus = 'queued' | 'indexing' | 'ready' | 'failed';

export type KnowledgeStepName = 'fetch' | 'parse' | 'store' | 'index' | 'embed';
export type KnowledgeStepStatus = 'pending' | 'running' | 'completed' | 'failed' | 'skipped';

export interface KnowledgeStep {
  name: KnowledgeStepName;
  status: KnowledgeStepStatus;
  started_at?: string;
  ended_at?: string;
  /** What it did or why it failed, for a person ("2,000 records", "line 14: ..."). */
  detail?: string;
}

/** Why a version failed: a message a business can act on, and the place in the document when there is one. */
export interface KnowledgeVersionError {
  code: 'malformed' | 'too_many_chunks' | 'fetch_failed' | 'unsupported' | 'internal';
  message: string;
  line?: number;
  column?: number;
  page?: number;
  record?: number;
}

/**
 * One upload of a document: its bytes as received (or the https URL they are fetched from once), the format they
 * are read as, and where indexing stands. Its chunks are searched only while it is its document's current version.
 */
@Entity({ name: 'knowledge_versions' })
@Index('uq_knowledge_versions_document_version', ['documentId', 'version'], { unique: true })
@Index('idx_knowledge_versions_agent', ['agentId'])
@Index('idx_knowledge_versions_unsettled', ['updatedAt'], { where: `"status" IN ('queued', 'indexing')` })
@Check('chk_knowledge_versions_status', `"status" IN ('queued', 'indexing', 'ready', 'failed')`)
export class KnowledgeVersion {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_knowledge_versions' })
  id: string;

  @Column({ name: 'document_id', type: 'uuid' })
  @ForeignKey(() => KnowledgeDocument, { name: 'fk_knowledge_versions_document', onDelete: 'CASCADE' })
  documentId: string;

  @Column({ name: 'agent_id', type: 'uuid' })
  agentId: string;

  @Column({ type: 'integer' })
  version: number;

  @Column({ type: 'varchar', length: 16 })
  format: KnowledgeFormat;

  @Column({ name: 'file_name', type: 'varchar', length: 255, nullable: true })
  fileName: string | null;

  @Column({ name: 'source_url', type: 'text', nullable: true })
  sourceUrl: string | null;

  /** The bytes as received; null until a URL's are fetched. */
  @Column({ type: 'bytea', nullable: true, select: false })
  content: Buffer | null;

  @Column({ name: 'size_bytes', type: 'integer', nullable: true })
  sizeBytes: number | null;

  @Column({ type: 'char', length: 64, nullable: true })
  sha256: string | null;

  /** The agent's language when it was indexed: the text-search configuration its chunks were stemmed with. */
  @Column({ type: 'varchar', length: 35 })
  language: string;

  @Column({ type: 'varchar', length: 16, default: 'queued' })
  status: KnowledgeVersionStatus;

  @Column({ type: 'jsonb', default: () => `'[]'` })
  steps: KnowledgeStep[];

  @Column({ type: 'jsonb', nullable: true })
  error: KnowledgeVersionError | null;

  @Column({ name: 'chunk_count', type: 'integer', default: 0 })
  chunkCount: number;

  /** Chunks with an embedding vector (0 without an embeddings endpoint). */
  @Column({ name: 'embedded_count', type: 'integer', default: 0 })
  embeddedCount: number;

  @Column({ name: 'request_id', type: 'varchar', length: 128, nullable: true })
  requestId: string | null;

  @Column({ name: 'indexed_at', type: 'timestamptz', nullable: true })
  indexedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
