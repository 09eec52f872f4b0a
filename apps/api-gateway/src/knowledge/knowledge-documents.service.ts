import { InjectQueue } from '@nestjs/bullmq';
import {
  BadRequestException,
  ConflictException,
  Injectable,
  Logger,
  NotFoundException,
  UnprocessableEntityException,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import type { GatewayEnv } from '@voca/config';
import {
  knowledgeIndexJobId,
  knowledgeNameProblem,
  QueueName,
  type KnowledgeDocumentDetailView,
  type KnowledgeDocumentListView,
  type KnowledgeFormat,
  type KnowledgeIndexJobData,
} from '@voca/contracts';
import { OutboundHttpClient } from '@voca/outbound-http';
import { Agent, auditAgentChange, KnowledgeDocument, KnowledgeVersion } from '@voca/persistence';
import { enqueueOrLeave, JOB_PRESETS } from '@voca/queue';
import type { Queue } from 'bullmq';
import { DataSource, type EntityManager } from 'typeorm';
import { writableAgent, visibleAgent } from '../agents/agent-access.js';
import { actorOf } from '../auth/actor.js';
import type { Principal } from '../auth/principal.js';
import { fieldError } from '../http/field-errors.js';
import { checkVendorUrl } from '../http/vendor-url.js';
import { describeRef, type DocumentRef } from './document-ref.js';
import {
  DOCUMENT_COLUMNS,
  documentDetailView,
  documentView,
  WITH_NEWEST_VERSION,
  type DocumentRow,
} from './document-views.js';
import { formatFor, type ReceivedDocument } from './received-document.js';

/** What a PUT did: made the document (201), added a version (202), or found its newest version identical (200). */
export type PutOutcome = 'created' | 'versioned' | 'unchanged';

/** Who asks, and under which request: what the audit trail and the indexing job carry. */
interface Requester {
  principal: Principal;
  requestId: string;
}

/**
 * An agent's documents: uploaded (a file, a JSON body's content, or a URL fetched later), versioned, listed and
 * deleted. Each change is one transaction with its audit line; indexing is queued once it commits, and left to the
 * reconciler when Redis refuses it.
 */
@Injectable()
export class KnowledgeDocuments {
  private readonly logger = new Logger(KnowledgeDocuments.name);
  private readonly maxDocuments: number;
  private readonly maxChunks: number;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectQueue(QueueName.Knowledge) private readonly queue: Queue<KnowledgeIndexJobData>,
    private readonly outbound: OutboundHttpClient,
    config: ConfigService<GatewayEnv, true>,
  ) {
    this.maxDocuments = config.get('KNOWLEDGE_MAX_DOCUMENTS', { infer: true });
    this.maxChunks = config.get('KNOWLEDGE_MAX_CHUNKS', { infer: true });
  }

  async list(agentId: string, principal: Principal): Promise<KnowledgeDocumentListView> {
    await visibleAgent(this.db.manager, agentId, principal);
    const rows: DocumentRow[] = await this.db.query(
      `SELECT ${DOCUMENT_COLUMNS} FROM ${WITH_NEWEST_VERSION} WHERE d.agent_id = $1 ORDER BY d.name`,
      [agentId],
    );
    return { items: rows.map(documentView) };
  }

  async get(agentId: string, ref: DocumentRef, principal: Principal): Promise<KnowledgeDocumentDetailView> {
    await visibleAgent(this.db.manager, agentId, principal);
    return documentDetailView(await this.rowOf(this.db.manager, agentId, ref));
  }

  /** A new document (POST): named by the body, or by its file; 409 when the agent has one of that name. */
  async create(agentId: string, received: ReceivedDocument, by: Requester): Promise<KnowledgeDocumentDetailView> {
    await visibleAgent(this.db.manager, agentId, by.principal);
    const name = nameOfNew(received);
    if (received.source === 'url') await checkVendorUrl(this.outbound, received.url);
    const { view, versionId } = await this.db.transaction(async (tx) => {
      const agent = await writableAgent(tx, agentId, by.principal, 'documents');
      await lockDocumentsOf(tx, agentId);
      if (await tx.existsBy(KnowledgeDocument, { agentId, name }))
        throw new ConflictException(
          `the agent has a document named ${name} already: PUT /api/v1/agents/${agentId}/knowledge/${encodeURIComponent(name)} uploads a new version`,
        );
      return this.addDocument(tx, agent, name, received, by);
    });
    this.logUploaded(view, received);
    await this.queueIndexing(versionId, by.requestId);
    return view;
  }

  /**
   * A new version of the document (PUT), or the document itself when none has the name yet. The document's row is
   * locked meanwhile, so versions are numbered one after the other however many arrive at once. Bytes identical to
   * the newest version's (same format) change nothing.
   */
  async put(
    agentId: string,
    ref: DocumentRef,
    received: ReceivedDocument,
    by: Requester,
  ): Promise<{ outcome: PutOutcome; view: KnowledgeDocumentDetailView }> {
    await visibleAgent(this.db.manager, agentId, by.principal);
    if (received.source === 'url') await checkVendorUrl(this.outbound, received.url);
    const done = await this.db.transaction(async (tx) => {
      const agent = await writableAgent(tx, agentId, by.principal, 'documents');
      // By name the document may have to be made: names are claimed one request at a time.
      if ('name' in ref) await lockDocumentsOf(tx, agentId);
      const document = await tx.getRepository(KnowledgeDocument).findOne({
        where: { agentId, ...ref },
        lock: { mode: 'pessimistic_write' },
      });
      if (!document) {
        if ('id' in ref) throw new NotFoundException(`${describeRef(ref)} not found`);
        checkSameName(received, ref.name);
        return { outcome: 'created' as const, ...(await this.addDocument(tx, agent, ref.name, received, by)) };
      }
      checkSameName(received, document.name);
      const newest = await tx.findOneByOrFail(KnowledgeVersion, {
        documentId: document.id,
        version: document.latestVersion,
      });
      const format = formatFor(received, document.name, newest.format);
      // The same bytes again change nothing, unless that version failed: then they are read again (a retry).
      if (
        received.source !== 'url' &&
        newest.status !== 'failed' &&
        received.sha256 === newest.sha256 &&
        format === newest.format
      )
        return {
          outcome: 'unchanged' as const,
          versionId: null,
          view: documentDetailView(await this.rowOf(tx, agentId, ref)),
        };
      await this.checkChunks(tx, agentId, document.id);
      const versionId = await this.addVersion(tx, agent, document, document.latestVersion + 1, received, format, by);
      await tx.update(KnowledgeDocument, { id: document.id }, { latestVersion: document.latestVersion + 1 });
      return {
        outcome: 'versioned' as const,
        versionId,
        view: documentDetailView(await this.rowOf(tx, agentId, { id: document.id })),
      };
    });
    if (done.versionId) {
      this.logUploaded(done.view, received);
      await this.queueIndexing(done.versionId, by.requestId);
    }
    return { outcome: done.outcome, view: done.view };
  }

  /** Deletes the document with its versions and their chunks (the foreign keys cascade). */
  async remove(agentId: string, ref: DocumentRef, by: Requester): Promise<void> {
    await visibleAgent(this.db.manager, agentId, by.principal);
    const document = await this.db.transaction(async (tx) => {
      const [deleted] = (await tx.query(
        `DELETE FROM knowledge_documents WHERE agent_id = $1 AND ${'id' in ref ? 'id' : 'name'} = $2
         RETURNING id, name, latest_version`,
        [agentId, 'id' in ref ? ref.id : ref.name],
      )) as [{ id: string; name: string; latest_version: number }[], number];
      const document = deleted[0];
      if (!document) throw new NotFoundException(`${describeRef(ref)} not found`);
      await auditAgentChange(tx, {
        agentId,
        action: 'knowledge_deleted',
        actor: actorOf(by.principal),
        requestId: by.requestId,
        details: { document_id: document.id, name: document.name, versions: document.latest_version },
      });
      return document;
    });
    this.logger.log(
      { agentId, documentId: document.id, versions: document.latest_version },
      'knowledge document deleted',
    );
  }

  private async addDocument(
    tx: EntityManager,
    agent: Agent,
    name: string,
    received: ReceivedDocument,
    by: Requester,
  ): Promise<{ versionId: string; view: KnowledgeDocumentDetailView }> {
    const format = formatFor(received, name);
    const documents = await tx.countBy(KnowledgeDocument, { agentId: agent.id });
    if (documents >= this.maxDocuments)
      throw new UnprocessableEntityException(
        `the agent has ${documents} documents, as many as KNOWLEDGE_MAX_DOCUMENTS allows: delete one first`,
      );
    await this.checkChunks(tx, agent.id, null);
    const document = await tx.save(
      tx.create(KnowledgeDocument, {
        agentId: agent.id,
        vendorId: agent.vendorId,
        name,
        latestVersion: 1,
        currentVersion: null,
      }),
    );
    const versionId = await this.addVersion(tx, agent, document, 1, received, format, by);
    return { versionId, view: documentDetailView(await this.rowOf(tx, agent.id, { id: document.id })) };
  }

  private async addVersion(
    tx: EntityManager,
    agent: Agent,
    document: KnowledgeDocument,
    version: number,
    received: ReceivedDocument,
    format: KnowledgeFormat,
    by: Requester,
  ): Promise<string> {
    const bytes = received.source === 'url' ? undefined : received;
    const saved = await tx.save(
      tx.create(KnowledgeVersion, {
        documentId: document.id,
        agentId: agent.id,
        version,
        format,
        fileName: bytes?.fileName ?? null,
        sourceUrl: received.source === 'url' ? received.url : null,
        content: bytes?.bytes ?? null,
        sizeBytes: bytes?.bytes.length ?? null,
        sha256: bytes?.sha256 ?? null,
        language: agent.characterConfig.language ?? 'en',
        status: 'queued',
        steps: [],
        requestId: by.requestId,
      }),
    );
    await auditAgentChange(tx, {
      agentId: agent.id,
      action: 'knowledge_uploaded',
      actor: actorOf(by.principal),
      requestId: by.requestId,
      details: {
        document_id: document.id,
        name: document.name,
        version,
        type: format,
        source: received.source,
        size_bytes: bytes?.bytes.length ?? null,
      },
    });
    return saved.id;
  }

  /**
   * 422 once the agent's answering documents hold KNOWLEDGE_MAX_CHUNKS chunks, besides the one a new version
   * replaces (the indexer fails a version that would pass the limit).
   */
  private async checkChunks(tx: EntityManager, agentId: string, replacing: string | null): Promise<void> {
    const [{ chunks }] = (await tx.query(
      `SELECT coalesce(sum(v.chunk_count), 0)::int AS chunks
         FROM knowledge_documents d JOIN knowledge_versions v ON v.document_id = d.id AND v.version = d.current_version
        WHERE d.agent_id = $1 AND d.id IS DISTINCT FROM $2::uuid`,
      [agentId, replacing],
    )) as [{ chunks: number }];
    if (chunks >= this.maxChunks)
      throw new UnprocessableEntityException(
        `the agent's documents hold ${chunks} chunks, as many as KNOWLEDGE_MAX_CHUNKS allows: delete or shorten one first`,
      );
  }

  /** What was uploaded, never its content. */
  private logUploaded(view: KnowledgeDocumentDetailView, received: ReceivedDocument): void {
    this.logger.log(
      {
        agentId: view.agent_id,
        documentId: view.id,
        version: view.version,
        type: view.type,
        source: received.source,
        sizeBytes: view.size_bytes,
      },
      'knowledge document uploaded',
    );
  }

  private async queueIndexing(versionId: string, requestId: string): Promise<void> {
    await enqueueOrLeave(
      () =>
        this.queue.add(
          'knowledge.index',
          { versionId, requestId },
          { ...JOB_PRESETS.knowledgeIndex, jobId: knowledgeIndexJobId(versionId) },
        ),
      this.logger,
      { versionId },
      'indexing the uploaded document not queued yet; the reconciler will',
    );
  }

  private async rowOf(tx: EntityManager, agentId: string, ref: DocumentRef): Promise<DocumentRow> {
    const [row] = (await tx.query(
      `SELECT ${DOCUMENT_COLUMNS} FROM ${WITH_NEWEST_VERSION}
        WHERE d.agent_id = $1 AND ${'id' in ref ? 'd.id' : 'd.name'} = $2`,
      [agentId, 'id' in ref ? ref.id : ref.name],
    )) as DocumentRow[];
    if (!row) throw new NotFoundException(`${describeRef(ref)} not found`);
    return row;
  }
}

/** Creating documents (and counting them) one request at a time per agent. */
async function lockDocumentsOf(tx: EntityManager, agentId: string): Promise<void> {
  await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`knowledge:${agentId}`]);
}

/** A new document's name: the body's, else its file's (which must then be a valid name). */
function nameOfNew(received: ReceivedDocument): string {
  if (received.name !== undefined) return received.name;
  if (received.source !== 'file' || !received.fileName)
    throw new BadRequestException(fieldError('name', 'is required: the name the document is known by'));
  const problem = knowledgeNameProblem(received.fileName);
  if (problem)
    throw new BadRequestException(
      fieldError(
        'name',
        `is required, since the file's name (${received.fileName}) cannot name a document: it ${problem}`,
      ),
    );
  return received.fileName;
}

/** Documents are not renamed: a PUT's body names its document or nothing. */
function checkSameName(received: ReceivedDocument, name: string): void {
  if (received.name !== undefined && received.name !== name)
    throw new BadRequestException(fieldError('name', `must be the document's own name (${name}), or absent`));
}
