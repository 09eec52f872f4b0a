import { knowledgeIndexJobId, QueueName } from '@voca/contracts';
import { Queue } from 'bullmq';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppProcess, Engine, freePort } from '../support/app-processes.js';
import { testDatabase } from '../support/database.js';
import { Api } from '../support/http.js';
import { checkedFetch, parseBody } from '../support/openapi-contract.js';
import { operationEnd } from '../support/operations.js';
import { cozyComfortRequest } from '../support/seed.js';
import { specExample } from '../support/spec-examples.js';
import { TEST_PUBLIC_ADDRESS, testEnv, uniqueVendor } from '../support/test-env.js';
import { bearer, serviceToken, vendorToken } from '../support/tokens.js';

/**
 * An agent's documents through the gateway's API, on the built engine: each way a document comes (a multipart file,
 * JSON content, base64, a URL), versions, the list, deletion, tenancy, the limits, and what the agent view says of the
 * files its profile names. The indexer's queue (`knowledge`) is consumed by no process here, so each upload's job
 * stays where the gateway put it, and each version stays `queued`.
 */

const MAX_BYTES = 64 * 1024;
const MAX_DOCUMENTS = 8;
const MAX_CHUNKS = 1_000;
/** Far below a document: the document routes must read larger JSON bodies than the rest of the API. */
const HTTP_BODY_LIMIT = '16kb';

const catalogFile = readFileSync(new URL('../fixtures/knowledge/bedding_products.json', import.meta.url));
const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

const db = testDatabase();
let engine: Engine;
let contextService: AppProcess;
let knowledgeQueue: Queue;
let api: Api;

interface Answer {
  status: number;
  body: any;
  headers: Headers;
}

/** A document as a browser or `curl -F` uploads it: multipart/form-data with a file part and optional fields. */
async function upload(
  method: 'POST' | 'PUT',
  path: string,
  file: { name: string; type: string; bytes: Uint8Array },
  fields: Record<string, string> = {},
  headers: Record<string, string> = bearer(serviceToken()),
): Promise<Answer> {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  form.append('file', new Blob([file.bytes], { type: file.type }), file.name);
  const response = await checkedFetch(`${engine.gatewayUrl}${path}`, { method, body: form, headers });
  return { status: response.status, body: parseBody(await response.text()), headers: response.headers };
}

/** A PDF of one page saying `text`, made the way a business's tools make one. */
async function pdfSaying(text: string): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  pdf.addPage().drawText(text, { x: 50, y: 700, size: 12, font });
  return Buffer.from(await pdf.save());
}

/** Provisions a voice agent of `vendor` (its profile in `language`) and waits for it to be answering. */
async function provisionAgent(vendor: string, language = 'en'): Promise<string> {
  const request = cozyComfortRequest(vendor, {
    channels: ['voice'],
    character_config: { business_name: 'Cozy Comfort Bedding', language },
  });
  const accepted = await api.post('/api/v1/agents/provision', request);
  expect(accepted.status).toBe(202);
  expect((await operationEnd(api, accepted.body.status_url)).status).toBe('completed');
  return accepted.body.agent_id;
}

async function versionRow(documentId: string, version: number) {
  const { rows } = await db.query(
    `SELECT id, content, size_bytes, sha256, format, file_name, source_url, language, status, steps, request_id
       FROM knowledge_versions WHERE document_id = $1 AND version = $2`,
    [documentId, version],
  );
  return rows[0];
}

async function auditOf(agentId: string, action: string): Promise<any[]> {
  const audit = await api.get(`/api/v1/agents/${agentId}/audit?limit=100`);
  expect(audit.status).toBe(200);
  return audit.body.events.filter((event: { action: string }) => event.action === action);
}

async function documentCount(agentId: string): Promise<number> {
  const { rows } = await db.query(`SELECT count(*)::int AS n FROM knowledge_documents WHERE agent_id = $1`, [agentId]);
  return rows[0].n;
}

beforeAll(async () => {
  const env = testEnv({
    KNOWLEDGE_MAX_BYTES: String(MAX_BYTES),
    KNOWLEDGE_MAX_DOCUMENTS: String(MAX_DOCUMENTS),
    KNOWLEDGE_MAX_CHUNKS: String(MAX_CHUNKS),
    HTTP_BODY_LIMIT,
  });
  engine = await Engine.start(env, ['api-gateway', 'aws-connect-worker', 'elizaos-worker']);
  // Every queue of the context-service but `knowledge`: the jobs the gateway adds are left for the test to read.
  contextService = AppProcess.spawn(
    'context-service',
    {
      ...env,
      WORKER_QUEUES: [QueueName.Context, QueueName.Provisioning, QueueName.Inbound, QueueName.Conversations].join(),
    },
    await freePort(),
  );
  await contextService.ready();
  knowledgeQueue = new Queue(QueueName.Knowledge, { connection: { url: env.REDIS_URL }, prefix: env.QUEUE_PREFIX });
  api = new Api(engine.gatewayUrl, bearer(serviceToken()));
}, 120_000);

afterAll(async () => {
  await knowledgeQueue?.close();
  await contextService?.stop();
  await engine?.stop();
  await db.end();
});

describe('uploading a document', () => {
  const vendor = uniqueVendor();
  const asVendor = bearer(vendorToken(vendor));
  let agentId: string;
  let base: string;

  beforeAll(async () => {
    agentId = await provisionAgent(vendor, 'fr-CA');
    base = `/api/v1/agents/${agentId}/knowledge`;
  });

  it('takes a JSON file as multipart (named by the file), stores its bytes and queues its indexing', async () => {
    const answer = await upload(
      'POST',
      base,
      { name: 'bedding_products.json', type: 'application/json', bytes: catalogFile },
      {},
      { ...asVendor, 'x-request-id': 'knowledge-e2e-catalog' },
    );
    expect(answer.status).toBe(202);
    expect(answer.body).toEqual({
      id: expect.any(String),
      agent_id: agentId,
      name: 'bedding_products.json',
      type: 'json',
      file_name: 'bedding_products.json',
      source_url: null,
      size_bytes: catalogFile.length,
      version: 1,
      current_version: null,
      status: 'queued',
      chunk_count: 0,
      error: null,
      steps: [],
      created_at: expect.any(String),
      updated_at: expect.any(String),
      indexed_at: null,
    });
    expect(answer.headers.get('location')).toBe(`${base}/${answer.body.id}`);

    const version = await versionRow(answer.body.id, 1);
    expect(Buffer.compare(version.content, catalogFile)).toBe(0);
    expect(version).toMatchObject({
      size_bytes: catalogFile.length,
      sha256: sha256(catalogFile),
      format: 'json',
      language: 'fr-CA',
      status: 'queued',
      steps: [],
      request_id: 'knowledge-e2e-catalog',
    });

    const job = await knowledgeQueue.getJob(knowledgeIndexJobId(version.id));
    expect(job?.name).toBe('knowledge.index');
    expect(job?.data).toEqual({ versionId: version.id, requestId: 'knowledge-e2e-catalog' });
    expect(job?.opts.attempts).toBe(5);

    const [audited] = await auditOf(agentId, 'knowledge_uploaded');
    expect(audited).toMatchObject({
      actor: `vendor:${vendor}:user-of-${vendor}`,
      request_id: 'knowledge-e2e-catalog',
      details: {
        document_id: answer.body.id,
        name: 'bedding_products.json',
        version: 1,
        type: 'json',
        source: 'file',
        size_bytes: catalogFile.length,
      },
    });
  });

  it("takes a PDF's bytes as multipart, with a name, its format from the content type, its file's name in UTF-8", async () => {
    const pdf = await pdfSaying('Wash duvet covers at 40 degrees.');
    const answer = await upload(
      'POST',
      base,
      { name: 'guía de cuidado', type: 'application/pdf', bytes: pdf },
      { name: 'care_guide' },
    );
    expect(answer.status).toBe(202);
    expect(answer.body).toMatchObject({
      name: 'care_guide',
      type: 'pdf',
      file_name: 'guía de cuidado',
      size_bytes: pdf.length,
    });
    expect(Buffer.compare((await versionRow(answer.body.id, 1)).content, pdf)).toBe(0);
  });

  it('takes JSON content: a JSON value as its JSON text, a text by the format its name tells', async () => {
    const catalog = [{ sku: 'CCB-PIL-STD-210', name: 'Memory Foam Pillow', price: 45 }];
    const json = await api.post(base, { name: 'pillows', content: catalog });
    expect(json.status).toBe(202);
    expect(json.body).toMatchObject({ name: 'pillows', type: 'json', file_name: null, version: 1 });
    expect((await versionRow(json.body.id, 1)).content.toString()).toBe(JSON.stringify(catalog));

    const policy = '# Returns\n\nUnused items can be returned within 30 days.\n';
    const markdown = await api.post(base, { name: 'return_policy.md', content: policy });
    expect(markdown.status).toBe(202);
    expect(markdown.body).toMatchObject({ type: 'markdown', size_bytes: Buffer.byteLength(policy) });
    expect((await versionRow(markdown.body.id, 1)).content.toString()).toBe(policy);
  });

  it('takes a binary document in base64', async () => {
    const pdf = await pdfSaying('Our king comforter weighs 2 kg.');
    const answer = await api.post(base, { name: 'sizes.pdf', content_base64: pdf.toString('base64') });
    expect(answer.status).toBe(202);
    expect(answer.body).toMatchObject({ type: 'pdf', size_bytes: pdf.length });
    expect(Buffer.compare((await versionRow(answer.body.id, 1)).content, pdf)).toBe(0);
  });

  it("takes a URL to fetch once, its format from the URL's path, and refuses one inside the engine's network", async () => {
    const url = `http://${TEST_PUBLIC_ADDRESS}:8080/downloads/faq.md?v=3`;
    const answer = await api.post(base, { name: 'faq', url });
    expect(answer.status).toBe(202);
    expect(answer.body).toMatchObject({ name: 'faq', type: 'markdown', source_url: url, size_bytes: null });
    const version = await versionRow(answer.body.id, 1);
    expect(version).toMatchObject({ content: null, sha256: null, source_url: url, status: 'queued' });
    expect((await knowledgeQueue.getJob(knowledgeIndexJobId(version.id)))?.name).toBe('knowledge.index');

    for (const refused of ['http://127.0.0.1:8008/faq.md', 'ftp://cozycomfort.example/faq.md']) {
      const answer = await api.post(base, { name: 'faq_internal', url: refused });
      expect(answer.status, refused).toBe(400);
      expect(answer.body.fields.map((f: { field: string }) => f.field)).toEqual(['url']);
    }
    expect(await documentCount(agentId)).toBe(6);
  });

  it('lists the documents by name, and shows one by id or name with its steps', async () => {
    const list = await api.get(base, asVendor);
    expect(list.status).toBe(200);
    expect(list.body.items.map((item: { name: string }) => item.name)).toEqual([
      'bedding_products.json',
      'care_guide',
      'faq',
      'pillows',
      'return_policy.md',
      'sizes.pdf',
    ]);
    expect(list.body.items[0]).not.toHaveProperty('steps');

    const byName = await api.get(`${base}/bedding_products.json`, asVendor);
    expect(byName.status).toBe(200);
    expect(byName.body).toMatchObject({ name: 'bedding_products.json', steps: [] });
    expect((await api.get(`${base}/${byName.body.id}`)).body).toEqual(byName.body);
    expect((await api.get(`${base}/${encodeURIComponent('no such document')}`)).status).toBe(404);
    expect((await api.get(`${base}/${crypto.randomUUID()}`)).status).toBe(404);
  });

  it('refuses a name the agent has with 409, and writes nothing', async () => {
    const again = await api.post(base, { name: 'pillows', content: [{ sku: 'X' }] });
    expect(again.status).toBe(409);
    expect(again.body.message).toContain('PUT');
    expect(await documentCount(agentId)).toBe(6);
  });

  it('keeps identical bytes as they are (200), and numbers new versions one after the other', async () => {
    const jobsBefore = await knowledgeQueue.getJobCountByTypes('waiting', 'prioritized', 'delayed');
    const auditsBefore = (await auditOf(agentId, 'knowledge_uploaded')).length;
    const same = await upload('PUT', `${base}/bedding_products.json`, {
      name: 'bedding_products.json',
      type: 'application/json',
      bytes: catalogFile,
    });
    expect(same.status).toBe(200);
    expect(same.body).toMatchObject({ version: 1, status: 'queued' });
    expect(await knowledgeQueue.getJobCountByTypes('waiting', 'prioritized', 'delayed')).toBe(jobsBefore);
    expect(await auditOf(agentId, 'knowledge_uploaded')).toHaveLength(auditsBefore);

    const id = same.body.id;
    const changed = JSON.parse(catalogFile.toString());
    changed.products[0].price = 119.99;
    const second = await api.put(`${base}/${id}`, { content: changed });
    expect(second.status).toBe(202);
    expect(second.body).toMatchObject({ id, version: 2, current_version: null, status: 'queued', type: 'json' });
    const v2 = await versionRow(id, 2);
    expect(await knowledgeQueue.getJob(knowledgeIndexJobId(v2.id))).toBeDefined();

    // Two at once: the document's row is locked while a version is added, so they get 3 and 4.
    const [a, b] = await Promise.all(
      [1, 2].map((n) => api.put(`${base}/bedding_products.json`, { content: { ...changed, batch: n } })),
    );
    expect([a!.status, b!.status]).toEqual([202, 202]);
    expect([a!.body.version, b!.body.version].sort()).toEqual([3, 4]);
    const audited = await auditOf(agentId, 'knowledge_uploaded');
    expect(
      audited
        .slice(auditsBefore)
        .map((event) => event.details.version as number)
        .sort(),
    ).toEqual([2, 3, 4]);
  });

  it('makes the document a PUT names when there is none (201), and refuses a rename or an unknown id', async () => {
    const made = await api.put(`${base}/shipping_info`, { content: 'Free shipping over $50.', format: 'text' });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ name: 'shipping_info', type: 'text', version: 1 });
    expect(made.headers.get('location')).toBe(`${base}/${made.body.id}`);

    const renamed = await api.put(`${base}/shipping_info`, { name: 'shipping', content: 'Free shipping.' });
    expect(renamed.status).toBe(400);
    expect(renamed.body.fields[0].field).toBe('name');
    expect((await api.put(`${base}/${crypto.randomUUID()}`, { content: 'x', format: 'text' })).status).toBe(404);
  });

  it('deletes a document with its versions and chunks, and audits it', async () => {
    const document = (await api.get(`${base}/care_guide`)).body;
    const version = await versionRow(document.id, 1);
    // As the indexer would have stored it.
    await db.query(
      `INSERT INTO knowledge_chunks (version_id, ordinal, kind, title, text, search_text, location, language)
       VALUES ($1, 0, 'section', 'Care', 'Wash duvet covers at 40 degrees.', 'Wash duvet covers', 'page 1', 'fr-CA')`,
      [version.id],
    );
    const deleted = await api.delete(`${base}/care_guide`, asVendor);
    expect(deleted.status).toBe(204);
    expect((await api.get(`${base}/${document.id}`)).status).toBe(404);
    const { rows } = await db.query(
      `SELECT (SELECT count(*) FROM knowledge_versions WHERE document_id = $1)::int AS versions,
              (SELECT count(*) FROM knowledge_chunks WHERE version_id = $2)::int AS chunks`,
      [document.id, version.id],
    );
    expect(rows[0]).toEqual({ versions: 0, chunks: 0 });
    expect(await auditOf(agentId, 'knowledge_deleted')).toEqual([
      expect.objectContaining({
        actor: `vendor:${vendor}:user-of-${vendor}`,
        details: { document_id: document.id, name: 'care_guide', versions: 1 },
      }),
    ]);
    expect((await api.delete(`${base}/care_guide`)).status).toBe(404);
  });

  it("answers 404 to another vendor's token on every route, and changes nothing", async () => {
    const other = bearer(vendorToken(uniqueVendor()));
    const before = await documentCount(agentId);
    expect((await api.get(base, other)).status).toBe(404);
    expect((await api.get(`${base}/pillows`, other)).status).toBe(404);
    expect((await api.post(base, { name: 'intruder', content: 'x', format: 'text' }, other)).status).toBe(404);
    expect((await api.put(`${base}/pillows`, { content: [{ sku: 'stolen' }] }, other)).status).toBe(404);
    expect(
      (await upload('POST', base, { name: 'intruder.txt', type: 'text/plain', bytes: Buffer.from('x') }, {}, other))
        .status,
    ).toBe(404);
    expect((await api.delete(`${base}/pillows`, other)).status).toBe(404);
    expect(await documentCount(agentId)).toBe(before);
    expect((await api.get(`${base}/pillows`)).body.version).toBe(1);
  });

  it('refuses a format it cannot tell: 415 for a file, 400 naming format for JSON', async () => {
    const docx = await upload('POST', base, {
      name: 'notes.docx',
      type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      bytes: Buffer.from('PK\u0003\u0004'),
    });
    expect(docx.status).toBe(415);
    expect(docx.body.message).toContain('format');

    const untold = await api.post(base, { name: 'notes', content: 'Some notes' });
    expect(untold.status).toBe(400);
    expect(untold.body.fields.map((f: { field: string }) => f.field)).toEqual(['format']);
    const wrong = await api.post(base, { name: 'notes', content: 'x', format: 'docx' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.fields[0].field).toBe('format');

    const plain = await api.send('POST', base, 'Some notes', { 'content-type': 'text/plain' });
    expect(plain.status).toBe(415);
  });

  it('refuses a body that is not exactly one document, or a name that cannot be one, naming the fields', async () => {
    const two = await api.post(base, { name: 'faq2', content: '# FAQ', url: 'https://cozycomfort.example/faq.md' });
    expect(two.status).toBe(400);
    expect(two.body.fields.map((f: { field: string }) => f.field)).toEqual(['content', 'url']);
    const none = await api.post(base, { name: 'faq2', format: 'markdown' });
    expect(none.body.fields.map((f: { field: string }) => f.field)).toEqual(['content', 'content_base64', 'url']);
    const unnamed = await api.post(base, { content: '# FAQ', format: 'markdown' });
    expect(unnamed.body.fields[0].field).toBe('name');
    for (const name of ['../etc/passwd', ' leading', crypto.randomUUID(), 'x'.repeat(201)]) {
      const refused = await api.post(base, { name, content: '# FAQ', format: 'markdown' });
      expect(refused.status, name).toBe(400);
      expect(refused.body.fields[0].field, name).toBe('name');
    }
    const empty = await api.post(base, { name: 'empty', content: '' });
    expect(empty.body.fields[0].field).toBe('content');
    const badRef = await api.get(`${base}/${encodeURIComponent('a/b')}`);
    expect(badRef.status).toBe(400);
    expect(badRef.body.fields[0].field).toBe('doc');
    expect(await documentCount(agentId)).toBe(6);
  });
});

describe('the limits', () => {
  let agentId: string;
  let base: string;

  beforeAll(async () => {
    agentId = await provisionAgent(uniqueVendor());
    base = `/api/v1/agents/${agentId}/knowledge`;
  });

  it('takes a file of KNOWLEDGE_MAX_BYTES, and refuses one byte more with a 413 naming the limit', async () => {
    const exact = await upload('POST', base, {
      name: 'exact.txt',
      type: 'text/plain',
      bytes: Buffer.alloc(MAX_BYTES, 'a'),
    });
    expect(exact.status).toBe(202);
    expect(exact.body.size_bytes).toBe(MAX_BYTES);
    const over = await upload('POST', base, {
      name: 'over.txt',
      type: 'text/plain',
      bytes: Buffer.alloc(MAX_BYTES + 1, 'a'),
    });
    expect(over.status).toBe(413);
    expect(over.body.message).toContain(`KNOWLEDGE_MAX_BYTES (${MAX_BYTES} bytes)`);
    expect(await documentCount(agentId)).toBe(1);
  });

  it('reads JSON documents larger than HTTP_BODY_LIMIT, up to KNOWLEDGE_MAX_BYTES once decoded', async () => {
    const text = 'b'.repeat(MAX_BYTES - 1) + 'é'; // one byte over, in UTF-8
    const over = await api.post(base, { name: 'over.txt', content: text });
    expect(over.status).toBe(413);
    expect(over.body.message).toContain('KNOWLEDGE_MAX_BYTES');
    const base64Over = await api.post(base, {
      name: 'over.pdf',
      content_base64: Buffer.alloc(MAX_BYTES + 1).toString('base64'),
    });
    expect(base64Over.status).toBe(413);
    // Past even the route's own body limit: still a 413 naming the document's limit.
    const huge = await api.post(base, { name: 'huge.txt', content: 'c'.repeat(MAX_BYTES * 3) });
    expect(huge.status).toBe(413);
    expect(huge.body.message).toContain('KNOWLEDGE_MAX_BYTES');

    // Within the limit though far past HTTP_BODY_LIMIT, base64 included; the rest of the API keeps its own limit.
    const within = await api.post(base, {
      name: 'within.pdf',
      content_base64: Buffer.alloc(MAX_BYTES, 1).toString('base64'),
    });
    expect(within.status).toBe(202);
    const elsewhere = await api.post('/api/v1/event-endpoints', {
      url: 'https://backend.example.com/voca',
      events: ['operation.completed'],
      description: 'x'.repeat(20_000),
    });
    expect(elsewhere.status).toBe(413);
    expect(await documentCount(agentId)).toBe(2);
  });

  it('refuses a document past KNOWLEDGE_MAX_DOCUMENTS with 422, and writes nothing', async () => {
    for (let n = (await documentCount(agentId)) + 1; n <= MAX_DOCUMENTS; n += 1) {
      expect((await api.post(base, { name: `note_${n}`, content: `note ${n}`, format: 'text' })).status).toBe(202);
    }
    const refused = await api.post(base, { name: 'one_too_many', content: 'x', format: 'text' });
    expect(refused.status).toBe(422);
    expect(refused.body.message).toContain('KNOWLEDGE_MAX_DOCUMENTS');
    expect(await documentCount(agentId)).toBe(MAX_DOCUMENTS);
    // A new version is no new document.
    expect((await api.put(`${base}/note_${MAX_DOCUMENTS}`, { content: 'changed' })).status).toBe(202);
    await api.delete(`${base}/note_${MAX_DOCUMENTS}`);
  });

  it("refuses uploads once the answering documents hold KNOWLEDGE_MAX_CHUNKS chunks, but not the full document's own", async () => {
    // As if the indexer had made version 1 of exact.txt answer, with as many chunks as the limit.
    const { rows } = await db.query(
      `UPDATE knowledge_documents SET current_version = 1 WHERE agent_id = $1 AND name = 'exact.txt' RETURNING id`,
      [agentId],
    );
    await db.query(
      `UPDATE knowledge_versions SET status = 'ready', chunk_count = $2 WHERE document_id = $1 AND version = 1`,
      [rows[0].id, MAX_CHUNKS],
    );
    const refused = await api.post(base, { name: 'more', content: 'more', format: 'text' });
    expect(refused.status).toBe(422);
    expect(refused.body.message).toContain('KNOWLEDGE_MAX_CHUNKS');
    const elsewhere = await api.put(`${base}/note_3`, { content: 'note 3, again' });
    expect(elsewhere.status).toBe(422);
    const replacing = await api.put(`${base}/exact.txt`, { content: 'shorter now' });
    expect(replacing.status).toBe(202);
    expect(replacing.body).toMatchObject({ version: 2, current_version: 1 });
  });
});

describe("the agent view, for the spec's agent", () => {
  let agentId: string;

  beforeAll(async () => {
    const accepted = await api.post('/api/v1/agents/provision', specExample('provision-request'));
    expect(accepted.status).toBe(202);
    agentId = accepted.body.agent_id;
    expect((await operationEnd(api, accepted.body.status_url)).status).toBe('completed');
  }, 60_000);

  it('names the catalog its knowledge base points at until a document of that name answers', async () => {
    const before = await api.get(`/api/v1/agents/${agentId}`);
    expect(before.body.knowledge).toEqual({ documents: 0, awaiting_upload: ['product_catalog'] });
    expect(before.body.character_config).toEqual(specExample('provision-request').agent_config.character_config);

    const uploaded = await upload(
      'POST',
      `/api/v1/agents/${agentId}/knowledge`,
      {
        name: 'bedding_products.json',
        type: 'application/json',
        bytes: catalogFile,
      },
      { name: 'product_catalog' },
    );
    expect(uploaded.status).toBe(202);
    // Uploaded, not indexed: the agent cannot answer from it yet.
    expect((await api.get(`/api/v1/agents/${agentId}`)).body.knowledge).toEqual({
      documents: 1,
      awaiting_upload: ['product_catalog'],
    });

    // No indexer runs in this test: the version is made the answering one as the indexer would.
    await db.query(`UPDATE knowledge_documents SET current_version = 1 WHERE id = $1`, [uploaded.body.id]);
    const after = await api.get(`/api/v1/agents/${agentId}`);
    expect(after.body.knowledge).toEqual({ documents: 1, awaiting_upload: [] });
    const listed = await api.get('/api/v1/agents?vendor_id=vendor_ccb_123&limit=100');
    expect(listed.body.items.find((agent: { id: string }) => agent.id === agentId).knowledge).toEqual({
      documents: 1,
      awaiting_upload: [],
    });
  });
});
