import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { KNOWLEDGE_FORMATS, type KnowledgeFormat } from './passages.js';

/** `queued` (uploaded, or its URL not fetched yet) → `indexing` → `ready` | `failed`. */
export const KNOWLEDGE_STATUSES = ['queued', 'indexing', 'ready', 'failed'] as const;
export type KnowledgeStatus = (typeof KNOWLEDGE_STATUSES)[number];

export const KNOWLEDGE_STEP_NAMES = ['fetch', 'parse', 'store', 'index', 'embed'] as const;
export const KNOWLEDGE_STEP_STATUSES = ['pending', 'running', 'completed', 'failed', 'skipped'] as const;
export const KNOWLEDGE_ERROR_CODES = [
  'malformed',
  'too_many_chunks',
  'fetch_failed',
  'unsupported',
  'internal',
] as const;

const DOCUMENT_ID = '7c9e2a4b-5d1f-4e8a-b3c6-0f2d4e6a8b10';
const AGENT_ID = '3f2b9c1e-8d4a-4f6b-9a2e-1c7d5e0f4a21';

/** Why a version could not be indexed, and where in the document when there is a place. */
export interface KnowledgeErrorView {
  code: (typeof KNOWLEDGE_ERROR_CODES)[number];
  message: string;
  line?: number;
  column?: number;
  page?: number;
  record?: number;
}

/** One step of indexing a version. */
export class KnowledgeStepView {
  @ApiProperty({ enum: KNOWLEDGE_STEP_NAMES, example: 'parse' })
  name: (typeof KNOWLEDGE_STEP_NAMES)[number];

  @ApiProperty({ enum: KNOWLEDGE_STEP_STATUSES, example: 'completed' })
  status: (typeof KNOWLEDGE_STEP_STATUSES)[number];

  @ApiPropertyOptional({ format: 'date-time', example: '2026-12-01T10:00:01.000Z' })
  started_at?: string;

  @ApiPropertyOptional({ format: 'date-time', example: '2026-12-01T10:00:01.420Z' })
  ended_at?: string;

  @ApiPropertyOptional({ example: '240 records', description: 'What it did, or why it failed' })
  detail?: string;
}

/**
 * An agent's document as it stands: its newest version (`version`: its type, size, status, chunks and error) and the
 * version the agent answers from (`current_version`, null until one is indexed).
 */
export class KnowledgeDocumentView {
  @ApiProperty({ format: 'uuid', example: DOCUMENT_ID })
  id: string;

  @ApiProperty({ format: 'uuid', example: AGENT_ID })
  agent_id: string;

  @ApiProperty({ example: 'product_catalog' })
  name: string;

  @ApiProperty({ enum: KNOWLEDGE_FORMATS, example: 'json', description: 'The format the newest version is read as' })
  type: KnowledgeFormat;

  @ApiProperty({ type: String, nullable: true, example: 'bedding_products.json', description: 'An uploaded file' })
  file_name: string | null;

  @ApiProperty({ type: String, nullable: true, example: null, description: 'A document fetched from a URL' })
  source_url: string | null;

  @ApiProperty({
    type: Number,
    nullable: true,
    example: 48213,
    description: 'Bytes of the newest version; null until a URL is fetched',
  })
  size_bytes: number | null;

  @ApiProperty({ example: 2, description: 'The newest version uploaded' })
  version: number;

  @ApiProperty({
    type: Number,
    nullable: true,
    example: 1,
    description: 'The version the agent answers from; null until one is indexed',
  })
  current_version: number | null;

  @ApiProperty({ enum: KNOWLEDGE_STATUSES, example: 'indexing', description: "The newest version's" })
  status: KnowledgeStatus;

  @ApiProperty({ example: 0, description: 'Records and sections of the newest version (once indexed)' })
  chunk_count: number;

  // Inline rather than a schema of its own: OpenAPI 3.0 cannot make a referenced schema nullable.
  @ApiProperty({
    type: 'object',
    nullable: true,
    required: ['code', 'message'],
    properties: {
      code: { type: 'string', enum: [...KNOWLEDGE_ERROR_CODES], example: 'malformed' },
      message: { type: 'string', example: 'line 14, column 3: expected a comma or a closing bracket' },
      line: { type: 'integer', example: 14 },
      column: { type: 'integer', example: 3 },
      page: { type: 'integer', description: "A PDF's page" },
      record: { type: 'integer', description: "A catalog's record, from 1" },
    },
    selfRequired: true,
    example: null,
    description: 'Why the newest version failed; null otherwise',
  })
  error: KnowledgeErrorView | null;

  @ApiProperty({ format: 'date-time', example: '2026-12-01T10:00:00.000Z' })
  created_at: string;

  @ApiProperty({ format: 'date-time', example: '2026-12-02T09:30:00.000Z' })
  updated_at: string;

  @ApiProperty({
    type: String,
    nullable: true,
    format: 'date-time',
    example: null,
    description: 'When the newest version was indexed',
  })
  indexed_at: string | null;
}

/** One document with how indexing its newest version goes. */
export class KnowledgeDocumentDetailView extends KnowledgeDocumentView {
  @ApiProperty({ type: [KnowledgeStepView], description: "The newest version's indexing steps, in order" })
  steps: KnowledgeStepView[];
}

export class KnowledgeDocumentListView {
  @ApiProperty({ type: [KnowledgeDocumentView], description: 'Ordered by name' })
  items: KnowledgeDocumentView[];
}

/** What the agent view tells of the agent's documents. */
export class AgentKnowledgeView {
  @ApiProperty({ example: 0, description: "The agent's documents" })
  documents: number;

  @ApiProperty({
    type: [String],
    example: ['product_catalog'],
    description:
      'Keys of character_config.knowledge_base naming a file (`bedding_products.json`) that no answering document has: upload it as a document named by the key or the file name',
  })
  awaiting_upload: string[];
}
