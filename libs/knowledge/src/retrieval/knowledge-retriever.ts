import type { KnowledgeFieldValue, KnowledgePassage } from '@voca/contracts';
import type { DataSource } from 'typeorm';
import { cosineSimilarity, type EmbeddingsClient } from './embeddings-client.js';
import { readKnowledgeQuery, type KnowledgeQuery } from './knowledge-query.js';
import {
  andQuery,
  atLeastTwoQuery,
  chooseLexemes,
  orQuery,
  type LexemeChoice,
  type LexemeCount,
} from './lexeme-choice.js';

export interface RetrievalRequest {
  agentId: string;
  /**
   * The agent's language (BCP 47): the text-search configuration the message is stemmed with, unless its documents
   * were all indexed in another one (the language changed since): then theirs, so the words meet.
   */
  language: string;
  /** The customer's message. */
  text: string;
  /** The customer's previous message, searched with this one when this one alone finds nothing ("and in blue?"). */
  previousText?: string;
  limit: number;
}

export interface Retrieval {
  passages: KnowledgePassage[];
  /** False when the agent has no document answering yet (nothing was searched). */
  searched: boolean;
  /** Chunks ranked to choose the passages. */
  candidates: number;
  /** Whether similarity of embeddings took part in the ranking. */
  hybrid: boolean;
  /** Why the embeddings endpoint could not re-rank this time (the full-text ranking stood). */
  embeddingsFailure?: string;
}

interface CurrentVersion {
  id: string;
  version: number;
  document_id: string;
  name: string;
  chunk_count: number;
  language: string;
}

interface ChunkRow {
  id: string;
  version_id: string;
  ordinal: number;
  kind: 'record' | 'section';
  title: string;
  text: string;
  fields: Record<string, KnowledgeFieldValue> | null;
  price: string | null;
  location: string;
  score: number;
}

/** Chunks ranked per search at most, per source of candidates: what bounds a search's cost at any corpus size. */
const CANDIDATE_CAP = 200;
/** In-range records per document for a price range, cheapest first. */
const PRICED_CANDIDATES = 50;
const IDENTIFIED_CANDIDATES = 20;
/** Words let go, the most common first, before the wide search. */
const MAX_LET_GO = 2;
/** Full-text candidates re-ranked by similarity when embeddings are on. */
const HYBRID_POOL = 24;
/** Reciprocal rank fusion's constant (the usual 60): how much the top ranks of each list outweigh the rest. */
const RRF_K = 60;

/**
 * Finds the few chunks of an agent's current documents that answer a customer's message: Postgres full-text search
 * in the documents' language, its words weighed by how many chunks hold them (which Postgres's ranking does not
 * know; those in most chunks are left out). The most precise candidates first: the record whose identifier (SKU) the
 * message names; the chunks holding every word, letting the most common go when none does; for "under $50", the
 * records in range; only when none of those matches, a wider net (two of the words, any of the rarest). Each source is
 * bounded, and the candidates are ranked by cover density (`ts_rank_cd`, titles weighing most); with an embeddings
 * endpoint, several candidates are re-ranked by reciprocal rank fusion with their similarity to the message.
 */
export class KnowledgeRetriever {
  constructor(
    private readonly db: DataSource,
    private readonly embeddings?: EmbeddingsClient,
  ) {}

  async retrieve(request: RetrievalRequest): Promise<Retrieval> {
    const versions: CurrentVersion[] = await this.db.query(
      `SELECT v.id, v.version, d.id AS document_id, d.name, v.chunk_count, v.language
         FROM knowledge_documents d JOIN knowledge_versions v ON v.document_id = d.id AND v.version = d.current_version
        WHERE d.agent_id = $1`,
      [request.agentId],
    );
    if (versions.length === 0 || request.limit <= 0)
      return { passages: [], searched: false, candidates: 0, hybrid: false };
    let found = await this.search(versions, request, readKnowledgeQuery(request.text));
    if (found.rows.length === 0 && request.previousText) {
      found = await this.search(versions, request, readKnowledgeQuery(`${request.previousText} ${request.text}`));
    }
    const byVersion = new Map(versions.map((v) => [v.id, v]));
    let rows = found.rows;
    let hybrid = false;
    let embeddingsFailure: string | undefined;
    if (this.embeddings && rows.length > 1) {
      try {
        rows = await this.fuse(rows, request.text);
        hybrid = true;
      } catch (error) {
        // The customer still gets an answer from the documents, ranked by their words alone.
        embeddingsFailure = error instanceof Error ? error.message : String(error);
      }
    }
    const passages = rows.slice(0, request.limit).map((row) => passageOf(row, byVersion.get(row.version_id)!));
    return {
      passages,
      searched: true,
      candidates: found.candidates,
      hybrid,
      ...(embeddingsFailure ? { embeddingsFailure } : {}),
    };
  }

  private async search(
    versions: CurrentVersion[],
    request: RetrievalRequest,
    query: KnowledgeQuery,
  ): Promise<{ rows: ChunkRow[]; candidates: number }> {
    const versionIds = versions.map((v) => v.id);
    const total = versions.reduce((sum, v) => sum + v.chunk_count, 0);
    const words = wordsToSearch(query);
    const counts: LexemeCount[] =
      words.length === 0
        ? []
        : await this.db.query(
            `SELECT t.lexeme, sum(t.chunks)::int AS chunks
               FROM knowledge_terms t
              WHERE t.version_id = ANY($1)
                AND t.lexeme = ANY(tsvector_to_array(to_tsvector(knowledge_search_config($2), $3)))
              GROUP BY t.lexeme`,
            [versionIds, languageOf(versions, request.language), words.join(' ')],
          );
    const choice = chooseLexemes(counts, total, CANDIDATE_CAP);
    const limit = this.embeddings ? Math.max(HYBRID_POOL, request.limit) : request.limit;
    // The precise candidates first (every word, the SKU, a price range): most questions name what they ask about,
    // and what holds every word is what they name. The wider net (two of the words, any rare one) is cast only when
    // nothing does ("the Cloud Duvet or the Alpine Quilt?"): it costs several times the rest of the search.
    // When no chunk holds every word, the most common word is let go, then the next ("the Cloud Duvet in Sage" of a
    // duvet that has no sage still names the duvet), down to two words.
    if (query.identifiers.length > 0) {
      // A SKU or model number names its record outright: its letters ("CCB" of every SKU) would only add noise.
      const named = await this.rank(versionIds, choice, query, limit, 'identifiers');
      if (named.rows.length > 0) return named;
    }
    for (let letGo = 0; ; letGo++) {
      const every = choice.all.slice(0, choice.all.length - letGo);
      const precise = await this.rank(versionIds, choice, query, limit, { every });
      if (precise.rows.length > 0 || !widens(choice, query)) return precise;
      if (letGo === MAX_LET_GO || every.length <= 2) break;
    }
    return this.rank(versionIds, choice, query, limit, 'wide');
  }

  /** Ranks one set of candidate sources (each bounded) by cover density; the SKU named weighs most. */
  private async rank(
    versionIds: string[],
    choice: LexemeChoice,
    query: KnowledgeQuery,
    limit: number,
    net: { every: string[] } | 'wide' | 'identifiers',
  ): Promise<{ rows: ChunkRow[]; candidates: number }> {
    const wide = net === 'wide';
    const params: unknown[] = [versionIds];
    const param = (value: unknown) => `$${params.push(value)}`;
    const range = query.price;
    const inRange = range
      ? [
          range.atLeast !== undefined ? `c.price >= ${param(range.atLeast)}` : '',
          range.atMost !== undefined ? `c.price <= ${param(range.atMost)}` : '',
        ]
          .filter(Boolean)
          .join(' AND ')
      : '';
    const any = choice.all.length > 0 ? param(orQuery(choice.all)) : undefined;
    const sources: string[] = [];
    const bounded = (where: string, cap = CANDIDATE_CAP) =>
      `(SELECT c.id FROM knowledge_chunks c WHERE c.version_id = ANY($1) AND ${where} LIMIT ${cap})`;
    if (net === 'identifiers') {
      // Only the records the message names by identifier (below).
    } else if (inRange && any) {
      // A price range with words ("duvets under $90"): the records in range holding any of them, best match first.
      sources.push(bounded(`${inRange} AND c.search @@ ${any}::tsquery`));
    } else if (inRange) {
      // A price range alone ("what do you have under $50?"): in each document, the cheapest records in range.
      sources.push(
        `(SELECT x.id FROM unnest($1::uuid[]) AS v(version), LATERAL (
            SELECT c.id FROM knowledge_chunks c WHERE c.version_id = v.version AND ${inRange}
             ORDER BY c.price LIMIT ${PRICED_CANDIDATES}) x)`,
      );
    } else {
      const every = wide ? choice.all : net.every;
      if (every.length > 1) sources.push(bounded(`c.search @@ ${param(andQuery(every))}::tsquery`));
      if ((wide || choice.all.length === 1) && choice.rare.length > 0)
        sources.push(bounded(`c.search @@ ${param(orQuery(choice.rare))}::tsquery`));
      if (wide && choice.all.length > 2)
        sources.push(bounded(`c.search @@ ${param(atLeastTwoQuery(choice.all))}::tsquery`));
    }
    let identified = 'false';
    if (query.identifiers.length > 0) {
      const ids = param(query.identifiers);
      identified = `COALESCE(c.identifiers && ${ids}::text[], false)`;
      sources.push(bounded(`c.identifiers && ${ids}::text[]`, IDENTIFIED_CANDIDATES));
    }
    if (sources.length === 0) return { rows: [], candidates: 0 };
    const rank = any ? `ts_rank_cd(c.search, ${any}::tsquery)` : '0';
    // Ranked on the candidates' vectors alone; the words and fields are read for the few kept.
    const rows: (ChunkRow & { candidates: number })[] = await this.db.query(
      `WITH candidates AS (${sources.join(' UNION ')}),
       ranked AS (
         SELECT c.id, c.price, c.ordinal, count(*) OVER ()::int AS candidates,
                (${rank} + CASE WHEN ${identified} THEN 1 ELSE 0 END)::float8 AS score
           FROM knowledge_chunks c JOIN candidates USING (id)
          ${inRange ? `WHERE ${inRange}` : ''}
          ORDER BY score DESC, c.price ASC NULLS LAST, c.ordinal
          LIMIT ${param(limit)})
       SELECT c.id, c.version_id, c.ordinal, c.kind, c.title, c.text, c.fields, c.price, c.location, r.score,
              r.candidates
         FROM ranked r JOIN knowledge_chunks c USING (id)
        ORDER BY r.score DESC, r.price ASC NULLS LAST, r.ordinal`,
      params,
    );
    const candidates = rows[0]?.candidates ?? 0;
    // Only a price range with no word the documents know lists records that match no word.
    const kept = rows.filter((row) => row.score > 0 || (inRange && !any));
    return { rows: kept, candidates };
  }

  /** Re-ranks full-text candidates by reciprocal rank fusion with the similarity of their embeddings to the message. */
  private async fuse(rows: ChunkRow[], text: string): Promise<ChunkRow[]> {
    const [query] = await this.embeddings!.embed([text]);
    const vectors: { id: string; embedding: number[] | null }[] = await this.db.query(
      `SELECT id, embedding FROM knowledge_chunks WHERE id = ANY($1)`,
      [rows.map((row) => row.id)],
    );
    const embeddingOf = new Map(vectors.map((v) => [String(v.id), v.embedding]));
    const bySimilarity = rows
      .map((row) => ({ row, similarity: cosineSimilarity(query ?? [], embeddingOf.get(String(row.id)) ?? []) }))
      .sort((a, b) => b.similarity - a.similarity);
    const similarityRank = new Map(bySimilarity.map(({ row }, i) => [row, i]));
    return rows
      .map((row, textRank) => ({
        row,
        fused: 1 / (RRF_K + textRank + 1) + 1 / (RRF_K + similarityRank.get(row)! + 1),
      }))
      .sort((a, b) => b.fused - a.fused)
      .map(({ row, fused }) => ({ ...row, score: fused }));
  }
}

/** The language the documents were indexed in when they agree on one, else the agent's. */
function languageOf(versions: CurrentVersion[], agentLanguage: string): string {
  const languages = new Set(versions.map((v) => v.language));
  return languages.size === 1 ? [...languages][0]! : agentLanguage;
}

/** Whether the wide candidate sources would add any: not for a price range, nor for a single known word. */
function widens(choice: LexemeChoice, query: KnowledgeQuery): boolean {
  return !query.price && choice.all.length > 1;
}

/** The words full-text search reads: a price range's own amounts say nothing about which product is meant. */
function wordsToSearch(query: KnowledgeQuery): string[] {
  if (!query.price) return query.words;
  const amounts = new Set(
    [query.price.atLeast, query.price.atMost].flatMap((n) => (n === undefined ? [] : [String(n)])),
  );
  return query.words.filter((word) => !amounts.has(word));
}

function passageOf(row: ChunkRow, version: CurrentVersion): KnowledgePassage {
  return {
    documentId: version.document_id,
    documentName: version.name,
    version: version.version,
    ordinal: row.ordinal,
    kind: row.kind,
    title: row.title,
    text: row.text,
    ...(row.fields ? { fields: row.fields } : {}),
    ...(row.price !== null ? { price: Number(row.price) } : {}),
    location: row.location,
    score: Number(row.score),
  };
}
