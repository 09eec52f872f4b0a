import type { KnowledgeFieldValue } from '@voca/contracts';
import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { KnowledgeVersion } from './knowledge-version.entity.js';

/**
 * The weighted full-text vector of a chunk, in the text-search configuration of the agent's language (title A, the
 * rest B). `knowledge_search_config` (a migration's IMMUTABLE SQL function) maps a BCP 47 tag to a configuration.
 */
export const KNOWLEDGE_SEARCH_EXPRESSION =
  `setweight(to_tsvector(knowledge_search_config("language"), "title"), 'A') || ` +
  `setweight(to_tsvector(knowledge_search_config("language"), "search_text"), 'B')`;

/** One record or section of a document's version, searchable on its own. */
@Entity({ name: 'knowledge_chunks' })
@Index('uq_knowledge_chunks_version_ordinal', ['versionId', 'ordinal'], { unique: true })
@Index('idx_knowledge_chunks_search', { synchronize: false })
@Index('idx_knowledge_chunks_identifiers', { synchronize: false })
@Index('idx_knowledge_chunks_price', ['versionId', 'price'], { where: '"price" IS NOT NULL' })
@Check('chk_knowledge_chunks_kind', `"kind" IN ('record', 'section')`)
export class KnowledgeChunkRow {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', primaryKeyConstraintName: 'pk_knowledge_chunks' })
  id: string;

  @Column({ name: 'version_id', type: 'uuid' })
  @ForeignKey(() => KnowledgeVersion, { name: 'fk_knowledge_chunks_version', onDelete: 'CASCADE' })
  versionId: string;

  @Column({ type: 'integer' })
  ordinal: number;

  @Column({ type: 'varchar', length: 16 })
  kind: 'record' | 'section';

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  text: string;

  @Column({ name: 'search_text', type: 'text' })
  searchText: string;

  @Column({ type: 'jsonb', nullable: true })
  fields: Record<string, KnowledgeFieldValue> | null;

  @Column({ type: 'numeric', precision: 14, scale: 2, nullable: true })
  price: string | null;

  @Column({ type: 'text', array: true, nullable: true })
  identifiers: string[] | null;

  @Column({ type: 'varchar', length: 64 })
  location: string;

  @Column({ type: 'varchar', length: 35 })
  language: string;

  @Column({
    type: 'tsvector',
    select: false,
    insert: false,
    update: false,
    generatedType: 'STORED',
    asExpression: KNOWLEDGE_SEARCH_EXPRESSION,
  })
  search: string;

  /** The embedding of `text`, when an embeddings endpoint is configured (compared in the application). */
  @Column({ type: 'real', array: true, nullable: true, select: false })
  embedding: number[] | null;
}
