import type { KnowledgeChunk } from '@voca/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import type {
  KnowledgeStep,
  KnowledgeStepName,
  KnowledgeVersionError,
  KnowledgeVersionStatus,
} from '../entities/knowledge-version.entity.js';
import type { KnowledgeFormat } from '@voca/contracts';
import { recordEvent } from '../events/record-event.js';

/** A version as the indexer works on it. */
export interface VersionToIndex {
  id: string;
  documentId: string;
  documentName: string;
  agentId: string;
  version: number;
  format: KnowledgeFormat;
  fileName: string | null;
  sourceUrl: string | null;
  language: string;
  status: KnowledgeVersionStatus;
  steps: KnowledgeStep[];
  chunkCount: number;
}

/** Rows per INSERT statement when storing chunks: about 6 parameters each, far below Postgres's 65,535. */
const CHUNKS_PER_INSERT = 500;

/**
 * What the indexer (context-service) writes of a version the gateway recorded: its progress, its chunks and their
 * lexeme counts, its outcome, and the swap that makes it the version its document answers from. Every write is
 * idempotent, so a retried job picks up where it stands.
 */
export class KnowledgeVersions {
  constructor(private readonly db: DataSource) {}

  /** Marks the version `indexing` unless it is gone or settled; returns it then, else undefined. */
  async claim(versionId: string): Promise<VersionToIndex | undefined> {
    const result: unknown[] = await this.db.query(
      `UPDATE knowledge_versions v SET status = 'indexing', updated_at = now()
         FROM knowledge_documents d
        WHERE v.id = $1 AND d.id = v.document_id AND v.status IN ('queued', 'indexing')
       RETURNING v.id, v.document_id AS "documentId", d.name AS "documentName", v.agent_id AS "agentId", v.version,
                 v.format, v.file_name AS "fileName", v.source_url AS "sourceUrl", v.language, v.status, v.steps,
                 v.chunk_count AS "chunkCount"`,
      [versionId],
    );
    return returned<VersionToIndex>(result)[0];
  }

  async exists(versionId: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query(`SELECT 1 FROM knowledge_versions WHERE id = $1`, [versionId]);
    return rows.length > 0;
  }

  async content(versionId: string): Promise<Buffer | null> {
    const [row] = (await this.db.query(`SELECT content FROM knowledge_versions WHERE id = $1`, [versionId])) as {
      content: Buffer | null;
    }[];
    return row?.content ?? null;
  }

  /** Keeps a URL's answer, once: a retried job reads it from here instead of fetching again. */
  async storeFetched(versionId: string, content: Buffer, sha256: string): Promise<void> {
    await this.db.query(
      `UPDATE knowledge_versions SET content = $2, size_bytes = $3, sha256 = $4, updated_at = now()
        WHERE id = $1 AND content IS NULL`,
      [versionId, content, content.length, sha256],
    );
  }

  async step(versionId: string, name: KnowledgeStepName, change: Omit<KnowledgeStep, 'name'>): Promise<void> {
    const stamp = new Date().toISOString();
    const step: KnowledgeStep = {
      name,
      ...change,
      ...(change.status === 'running' ? { started_at: stamp } : {}),
      ...(['completed', 'failed', 'skipped'].includes(change.status) ? { ended_at: stamp } : {}),
    };
    // Replaces the step by name, keeping its start, or appends it.
    await this.db.query(
      `UPDATE knowledge_versions SET updated_at = now(), steps = (
         SELECT COALESCE(jsonb_agg(CASE WHEN s->>'name' = $2 THEN jsonb_strip_nulls(
                  jsonb_build_object('started_at', s->'started_at') || $3::jsonb) ELSE s END ORDER BY ord), '[]'::jsonb)
                || CASE WHEN bool_or(s->>'name' = $2) THEN '[]'::jsonb ELSE jsonb_build_array($3::jsonb) END
           FROM jsonb_array_elements(steps) WITH ORDINALITY AS e(s, ord))
        WHERE id = $1`,
      [versionId, name, JSON.stringify(step)],
    );
  }

  /** Chunks the agent's other documents answer from now: what a new version adds to, under KNOWLEDGE_MAX_CHUNKS. */
  async chunksOfOtherDocuments(agentId: string, documentId: string): Promise<number> {
    const [row] = (await this.db.query(
      `SELECT COALESCE(sum(v.chunk_count), 0)::int AS chunks
         FROM knowledge_documents d JOIN knowledge_versions v ON v.document_id = d.id AND v.version = d.current_version
        WHERE d.agent_id = $1 AND d.id <> $2`,
      [agentId, documentId],
    )) as { chunks: number }[];
    return row?.chunks ?? 0;
  }

  /**
   * Stores the version's chunks and how many of them hold each lexeme, replacing what an interrupted attempt left, in
   * one transaction: a version has all its chunks or none.
   */
  async storeChunks(version: Pick<VersionToIndex, 'id' | 'language'>, chunks: KnowledgeChunk[]): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.query(`DELETE FROM knowledge_chunks WHERE version_id = $1`, [version.id]);
      await tx.query(`DELETE FROM knowledge_terms WHERE version_id = $1`, [version.id]);
      for (let start = 0; start < chunks.length; start += CHUNKS_PER_INSERT) {
        await insertChunks(tx, version, chunks.slice(start, start + CHUNKS_PER_INSERT));
      }
      await tx.query(`UPDATE knowledge_versions SET chunk_count = $2, updated_at = now() WHERE id = $1`, [
        version.id,
        chunks.length,
      ]);
    });
  }

  /** Counts, for each lexeme of the version's chunks, the chunks holding it; returns how many lexemes there are. */
  async indexTerms(versionId: string, large = false): Promise<number> {
    return this.db.transaction(async (tx) => {
      await tx.query(`DELETE FROM knowledge_terms WHERE version_id = $1`, [versionId]);
      // unnest(tsvector) gives each chunk's lexemes once: about 8 times faster than ts_stat here (1.7 s for 50,000).
      await tx.query(
        `INSERT INTO knowledge_terms (version_id, lexeme, chunks)
         SELECT $1::uuid, u.lexeme, count(*) FROM knowledge_chunks c, unnest(c.search) AS u
          WHERE c.version_id = $1 GROUP BY u.lexeme`,
        [versionId],
      );
      // New entries wait in the GIN indexes' pending lists, which every search reads linearly (several ms after a
      // large upload): merged now, searches find them in the index proper.
      await tx.query(`SELECT gin_clean_pending_list('idx_knowledge_chunks_search'::regclass)`);
      await tx.query(`SELECT gin_clean_pending_list('idx_knowledge_chunks_identifiers'::regclass)`);
      if (large) {
        // A large upload changes the table's shape: plan searches from fresh statistics, not autovacuum's later ones.
        await tx.query(`ANALYZE knowledge_chunks`);
        await tx.query(`ANALYZE knowledge_terms`);
      }
      const [row] = (await tx.query(`SELECT count(*)::int AS n FROM knowledge_terms WHERE version_id = $1`, [
        versionId,
      ])) as { n: number }[];
      return row?.n ?? 0;
    });
  }

  /** The chunks still without a vector, in order, a batch at a time. */
  async chunksToEmbed(versionId: string, limit: number): Promise<{ ordinal: number; title: string; text: string }[]> {
    return this.db.query(
      `SELECT ordinal, title, text FROM knowledge_chunks
        WHERE version_id = $1 AND embedding IS NULL ORDER BY ordinal LIMIT $2`,
      [versionId, limit],
    );
  }

  async storeEmbeddings(versionId: string, vectors: { ordinal: number; embedding: number[] }[]): Promise<void> {
    if (vectors.length === 0) return;
    await this.db.query(
      `UPDATE knowledge_chunks c SET embedding = v.embedding::real[]
         FROM unnest($2::int[], $3::text[]) AS v(ordinal, embedding)
        WHERE c.version_id = $1 AND c.ordinal = v.ordinal`,
      [versionId, vectors.map((v) => v.ordinal), vectors.map((v) => `{${v.embedding.join(',')}}`)],
    );
    await this.db.query(
      `UPDATE knowledge_versions SET embedded_count =
         (SELECT count(*) FROM knowledge_chunks WHERE version_id = $1 AND embedding IS NOT NULL), updated_at = now()
        WHERE id = $1`,
      [versionId],
    );
  }

  /**
   * Makes the version the one its document answers from, unless a newer one already does, and removes the versions
   * it replaces (their chunks with them), with a `knowledge.ready` event, in one transaction: a retrieval sees the old
   * version's chunks or the new one's, never both or neither. Returns whether it became current.
   */
  async activate(version: VersionToIndex): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const [document] = (await tx.query(`SELECT current_version FROM knowledge_documents WHERE id = $1 FOR UPDATE`, [
        version.documentId,
      ])) as { current_version: number | null }[];
      if (!document) return false;
      if (document.current_version !== null && document.current_version > version.version) {
        // A newer version answers already: this one is superseded before it ever answered.
        await tx.query(`DELETE FROM knowledge_versions WHERE id = $1`, [version.id]);
        return false;
      }
      await tx.query(
        `UPDATE knowledge_versions SET status = 'ready', error = NULL, indexed_at = now(), updated_at = now()
          WHERE id = $1`,
        [version.id],
      );
      await tx.query(`UPDATE knowledge_documents SET current_version = $2, updated_at = now() WHERE id = $1`, [
        version.documentId,
        version.version,
      ]);
      await tx.query(
        `DELETE FROM knowledge_versions WHERE document_id = $1 AND version < $2 AND status IN ('ready', 'failed')`,
        [version.documentId, version.version],
      );
      const [counts] = (await tx.query(`SELECT chunk_count FROM knowledge_versions WHERE id = $1`, [version.id])) as {
        chunk_count: number;
      }[];
      await recordEvent(tx, {
        type: 'knowledge.ready',
        agentId: version.agentId,
        data: {
          document_id: version.documentId,
          name: version.documentName,
          version: version.version,
          type: version.format,
          chunk_count: counts?.chunk_count ?? 0,
        },
      });
      return true;
    });
  }

  /** Removes an agent's documents, their versions and chunks (an agent deleted under AGENT_RETENTION=purge). */
  async purgeAgent(tx: EntityManager, agentId: string): Promise<number> {
    const removed: unknown[] = await tx.query(`DELETE FROM knowledge_documents WHERE agent_id = $1 RETURNING id`, [
      agentId,
    ]);
    return returned(removed).length;
  }

  /** Ends the version `failed` with why (its chunks removed); the document's current version goes on answering. */
  async fail(version: VersionToIndex, error: KnowledgeVersionError): Promise<void> {
    await this.db.transaction(async (tx) => {
      const updated: unknown[] = await tx.query(
        `UPDATE knowledge_versions SET status = 'failed', error = $2::jsonb, chunk_count = 0, updated_at = now()
          WHERE id = $1 AND status IN ('queued', 'indexing') RETURNING id`,
        [version.id, JSON.stringify(error)],
      );
      if (returned(updated).length === 0) return;
      await tx.query(`DELETE FROM knowledge_chunks WHERE version_id = $1`, [version.id]);
      await tx.query(`DELETE FROM knowledge_terms WHERE version_id = $1`, [version.id]);
      await recordEvent(tx, {
        type: 'knowledge.failed',
        agentId: version.agentId,
        data: { document_id: version.documentId, name: version.documentName, version: version.version, error },
      });
    });
  }
}

async function insertChunks(
  tx: EntityManager,
  version: Pick<VersionToIndex, 'id' | 'language'>,
  chunks: KnowledgeChunk[],
): Promise<void> {
  // A multi-row VALUES list types its parameters as text unless told: each column's cast.
  const columns: [string, string][] = [
    ['ordinal', '::int'],
    ['kind', ''],
    ['title', ''],
    ['text', ''],
    ['search_text', ''],
    ['fields', '::jsonb'],
    ['price', '::numeric'],
    ['identifiers', '::text[]'],
    ['location', ''],
  ];
  const values: unknown[] = [version.id, version.language];
  const rows = chunks.map((chunk) => {
    const at = values.length;
    values.push(
      chunk.ordinal,
      chunk.kind,
      chunk.title,
      chunk.text,
      chunk.searchText,
      chunk.fields === undefined ? null : JSON.stringify(chunk.fields),
      chunk.price ?? null,
      chunk.identifiers?.length ? chunk.identifiers : null,
      chunk.location,
    );
    return `($1::uuid, $2, ${columns.map(([, cast], i) => `$${at + i + 1}${cast}`).join(', ')})`;
  });
  await tx.query(
    `INSERT INTO knowledge_chunks (version_id, language, ${columns.map(([name]) => name).join(', ')})
     VALUES ${rows.join(', ')}`,
    values,
  );
}

/** The rows of an UPDATE or DELETE ... RETURNING, which TypeORM's Postgres driver gives as [rows, count]. */
function returned<T>(result: unknown[]): T[] {
  return (Array.isArray(result[0]) ? result[0] : result) as T[];
}
