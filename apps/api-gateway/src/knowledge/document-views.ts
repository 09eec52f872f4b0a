import type {
  KnowledgeDocumentDetailView,
  KnowledgeDocumentView,
  KnowledgeErrorView,
  KnowledgeFormat,
  KnowledgeStatus,
  KnowledgeStepView,
} from '@voca/contracts';
import type { KnowledgeStep, KnowledgeVersionError, KnowledgeVersionStatus } from '@voca/persistence';

/** A document with its newest version, as the document routes read them (its content never). */
export interface DocumentRow {
  id: string;
  agent_id: string;
  name: string;
  latest_version: number;
  current_version: number | null;
  created_at: Date;
  updated_at: Date;
  format: KnowledgeFormat;
  file_name: string | null;
  source_url: string | null;
  size_bytes: number | null;
  status: KnowledgeVersionStatus;
  chunk_count: number;
  error: KnowledgeVersionError | null;
  steps: KnowledgeStep[];
  indexed_at: Date | null;
}

/** The columns of a DocumentRow, from `knowledge_documents d` joined with its newest version `v`. */
export const DOCUMENT_COLUMNS = `d.id, d.agent_id, d.name, d.latest_version, d.current_version, d.created_at, d.updated_at,
  v.format, v.file_name, v.source_url, v.size_bytes, v.status, v.chunk_count, v.error, v.steps, v.indexed_at`;

export const WITH_NEWEST_VERSION = `knowledge_documents d
  JOIN knowledge_versions v ON v.document_id = d.id AND v.version = d.latest_version`;

// What the indexer records is what the API shows: these fail to compile when the two drift apart.
const statusOf = (status: KnowledgeVersionStatus): KnowledgeStatus => status;
const stepOf = (step: KnowledgeStep): KnowledgeStepView => step;
const errorOf = (error: KnowledgeVersionError): KnowledgeErrorView => error;

export function documentView(row: DocumentRow): KnowledgeDocumentView {
  return {
    id: row.id,
    agent_id: row.agent_id,
    name: row.name,
    type: row.format,
    file_name: row.file_name,
    source_url: row.source_url,
    size_bytes: row.size_bytes,
    version: row.latest_version,
    current_version: row.current_version,
    status: statusOf(row.status),
    chunk_count: row.chunk_count,
    error: row.error ? errorOf(row.error) : null,
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
    indexed_at: row.indexed_at?.toISOString() ?? null,
  };
}

export function documentDetailView(row: DocumentRow): KnowledgeDocumentDetailView {
  return { ...documentView(row), steps: row.steps.map(stepOf) };
}
