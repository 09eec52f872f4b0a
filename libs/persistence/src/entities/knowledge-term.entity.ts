import { Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import { KnowledgeVersion } from './knowledge-version.entity.js';

/**
 * How many chunks of a version hold each lexeme (Postgres's `ts_stat` at indexing): what a query's words are weighed
 * by, since Postgres's ranking has no corpus statistics. Words found in most chunks are left out of the search.
 */
@Entity({ name: 'knowledge_terms' })
export class KnowledgeTerm {
  @PrimaryColumn({ name: 'version_id', type: 'uuid', primaryKeyConstraintName: 'pk_knowledge_terms' })
  @ForeignKey(() => KnowledgeVersion, { name: 'fk_knowledge_terms_version', onDelete: 'CASCADE' })
  versionId: string;

  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_knowledge_terms' })
  lexeme: string;

  @Column({ type: 'integer' })
  chunks: number;
}
