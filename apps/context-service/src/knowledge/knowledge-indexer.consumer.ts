import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ContextServiceEnv } from '@voca/config';
import { plural, QueueName, type JobOf, type KnowledgeChunk } from '@voca/contracts';
import {
  DocumentFormatError,
  DocumentLimitError,
  EmbeddingsClient,
  embeddingsClientFor,
  parseDocumentApart,
} from '@voca/knowledge';
import { InjectMetric } from '@voca/observability';
import { KnowledgeVersions, type KnowledgeVersionError, type VersionToIndex } from '@voca/persistence';
import { QueueConsumer, type JobHandlers } from '@voca/queue';
import type { Job } from 'bullmq';
import type { Counter, Histogram } from 'prom-client';
import { DataSource } from 'typeorm';
import { DocumentSource, DocumentUnavailable } from './document-source.js';
import { KNOWLEDGE_INDEX_SECONDS, KNOWLEDGE_VERSIONS } from './knowledge-metrics.js';

/** Past this many chunks a version's indexing refreshes the planner's statistics of the chunks. */
const LARGE_VERSION_CHUNKS = 5_000;

/** Why a version is given up, with what the business is told. */
class VersionRefused extends Error {
  constructor(readonly refusal: KnowledgeVersionError) {
    super(refusal.message);
  }
}

/**
 * Indexes an uploaded version of an agent's document (queue `knowledge`): fetch (a URL's, once), parse into chunks,
 * store them, index their lexemes, embed them (when an embeddings endpoint is configured), then swap it in as the
 * version its document answers from. Each step is recorded on the version, as provisioning's are on an operation. A
 * document the business must fix ends `failed` with where; the version answering until then goes on answering.
 */
@Injectable()
export class KnowledgeIndexer extends QueueConsumer<typeof QueueName.Knowledge> {
  protected readonly queue = QueueName.Knowledge;
  protected readonly handlers: JobHandlers<typeof QueueName.Knowledge> = {
    'knowledge.index': (job) => this.index(job),
  };
  // Parsing is CPU work: two at once keep a replica's event loop responsive for its other queues.
  protected readonly defaultConcurrency = 2;
  private readonly versions: KnowledgeVersions;
  private readonly embeddings?: EmbeddingsClient;

  constructor(
    @InjectDataSource() db: DataSource,
    private readonly source: DocumentSource,
    private readonly config: ConfigService<ContextServiceEnv, true>,
    @InjectMetric(KNOWLEDGE_VERSIONS) private readonly outcomes: Counter<'format' | 'outcome'>,
    @InjectMetric(KNOWLEDGE_INDEX_SECONDS) private readonly seconds: Histogram<'format'>,
  ) {
    super();
    this.versions = new KnowledgeVersions(db);
    const setting = <K extends keyof ContextServiceEnv>(key: K) => config.get(key, { infer: true });
    this.embeddings = embeddingsClientFor({
      KNOWLEDGE_EMBEDDINGS_MODEL: setting('KNOWLEDGE_EMBEDDINGS_MODEL'),
      KNOWLEDGE_EMBEDDINGS_BASE_URL: setting('KNOWLEDGE_EMBEDDINGS_BASE_URL'),
      KNOWLEDGE_EMBEDDINGS_API_KEY: setting('KNOWLEDGE_EMBEDDINGS_API_KEY'),
      KNOWLEDGE_EMBEDDINGS_TIMEOUT_MS: setting('KNOWLEDGE_EMBEDDINGS_TIMEOUT_MS'),
      OPENAI_API_KEY: setting('OPENAI_API_KEY'),
      OPENAI_BASE_URL: setting('OPENAI_BASE_URL'),
    });
  }

  private async index(job: Job<JobOf<'knowledge.index'>>) {
    const version = await this.versions.claim(job.data.versionId);
    if (!version) return { skipped: 'the version is gone or already settled' };
    const started = performance.now();
    try {
      const chunks = await this.read(version);
      await this.store(version, chunks);
      await this.embed(version);
      const current = await this.versions.activate(version);
      this.outcomes.inc({ format: version.format, outcome: current ? 'ready' : 'superseded' });
      this.seconds.observe({ format: version.format }, (performance.now() - started) / 1000);
      this.logger.log(
        { agentId: version.agentId, documentId: version.documentId, version: version.version, chunks: chunks.length },
        current ? 'document version answering' : 'document version superseded by a newer one',
      );
      return { chunks: chunks.length, current };
    } catch (error) {
      // Deleted meanwhile (its document removed, or a newer version answered first): nothing is left to do.
      if (!(await this.versions.exists(version.id))) return { skipped: 'the version was removed while indexing' };
      if (!(error instanceof VersionRefused)) throw error;
      await this.versions.fail(version, error.refusal);
      this.outcomes.inc({ format: version.format, outcome: 'failed' });
      this.logger.warn(
        {
          agentId: version.agentId,
          documentId: version.documentId,
          version: version.version,
          code: error.refusal.code,
        },
        `document version failed: ${error.refusal.message}`,
      );
      return { failed: error.refusal.code };
    }
  }

  protected override async settleFailedForGood(job: Job, error: Error): Promise<void> {
    const version = await this.versions.claim((job.data as JobOf<'knowledge.index'>).versionId);
    if (!version) return;
    await this.versions.fail(version, {
      code: 'internal',
      message: `indexing failed after ${plural(job.attemptsMade, 'attempt')}: ${error.message}`,
    });
  }

  /** The version's bytes (fetched once for a URL) read into chunks, within the agent's chunk limit. */
  private async read(version: VersionToIndex): Promise<KnowledgeChunk[]> {
    let content = await this.versions.content(version.id);
    if (content === null) {
      if (!version.sourceUrl) throw new VersionRefused({ code: 'internal', message: 'the version has no content' });
      await this.versions.step(version.id, 'fetch', { status: 'running' });
      try {
        const fetched = await this.source.fetch(version.sourceUrl);
        await this.versions.storeFetched(version.id, fetched.content, fetched.sha256);
        content = fetched.content;
      } catch (error) {
        if (!(error instanceof DocumentUnavailable)) throw error;
        await this.versions.step(version.id, 'fetch', { status: 'failed', detail: error.message });
        throw new VersionRefused({ code: 'fetch_failed', message: error.message });
      }
      await this.versions.step(version.id, 'fetch', { status: 'completed', detail: `${content.length} bytes` });
    }
    await this.versions.step(version.id, 'parse', { status: 'running' });
    const maxChunks = this.config.get('KNOWLEDGE_MAX_CHUNKS', { infer: true });
    const room = maxChunks - (await this.versions.chunksOfOtherDocuments(version.agentId, version.documentId));
    try {
      if (room <= 0) throw new VersionRefused(tooManyChunks(maxChunks));
      const chunks = await parseDocumentApart(
        { bytes: content, format: version.format, name: version.fileName ?? version.documentName },
        { maxChunks: room },
        {
          timeoutMs: this.config.get('KNOWLEDGE_PARSE_TIMEOUT_MS', { infer: true }),
          maxHeapMb: this.config.get('KNOWLEDGE_PARSE_MAX_HEAP_MB', { infer: true }),
        },
      );
      await this.versions.step(version.id, 'parse', { status: 'completed', detail: describeChunks(chunks) });
      return chunks;
    } catch (error) {
      const refusal = error instanceof VersionRefused ? error.refusal : refusalOf(error, maxChunks);
      if (!refusal) throw error;
      await this.versions.step(version.id, 'parse', { status: 'failed', detail: refusal.message });
      throw new VersionRefused(refusal);
    }
  }

  private async store(version: VersionToIndex, chunks: KnowledgeChunk[]): Promise<void> {
    await this.versions.step(version.id, 'store', { status: 'running' });
    await this.versions.storeChunks(version, chunks);
    await this.versions.step(version.id, 'store', { status: 'completed', detail: plural(chunks.length, 'chunk') });
    await this.versions.step(version.id, 'index', { status: 'running' });
    const terms = await this.versions.indexTerms(version.id, chunks.length >= LARGE_VERSION_CHUNKS);
    await this.versions.step(version.id, 'index', { status: 'completed', detail: plural(terms, 'distinct term') });
  }

  /** Vectors for the chunks still without one, a batch per call, so a retried job embeds only what is left. */
  private async embed(version: VersionToIndex): Promise<void> {
    if (!this.embeddings) {
      await this.versions.step(version.id, 'embed', { status: 'skipped', detail: 'no embeddings endpoint configured' });
      return;
    }
    await this.versions.step(version.id, 'embed', { status: 'running' });
    const batch = this.config.get('KNOWLEDGE_EMBEDDINGS_BATCH', { infer: true });
    let embedded = 0;
    for (;;) {
      const chunks = await this.versions.chunksToEmbed(version.id, batch);
      if (chunks.length === 0) break;
      const vectors = await this.embeddings.embed(chunks.map((chunk) => `${chunk.title}\n${chunk.text}`));
      await this.versions.storeEmbeddings(
        version.id,
        chunks.map((chunk, i) => ({ ordinal: chunk.ordinal, embedding: vectors[i]! })),
      );
      embedded += chunks.length;
    }
    await this.versions.step(version.id, 'embed', {
      status: 'completed',
      detail: `${plural(embedded, 'chunk')} embedded with ${this.embeddings.model}`,
    });
  }
}

function refusalOf(error: unknown, maxChunks: number): KnowledgeVersionError | undefined {
  if (error instanceof DocumentFormatError) return { code: 'malformed', message: error.message, ...error.where };
  if (error instanceof DocumentLimitError) return tooManyChunks(maxChunks);
  return undefined;
}

function tooManyChunks(maxChunks: number): KnowledgeVersionError {
  return {
    code: 'too_many_chunks',
    message: `the agent's documents would hold more than KNOWLEDGE_MAX_CHUNKS (${maxChunks}) records and sections`,
  };
}

function describeChunks(chunks: KnowledgeChunk[]): string {
  const records = chunks.filter((chunk) => chunk.kind === 'record').length;
  const sections = chunks.length - records;
  return [records ? plural(records, 'record') : '', sections ? plural(sections, 'section') : '']
    .filter(Boolean)
    .join(' and ');
}
