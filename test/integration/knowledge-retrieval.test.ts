import { sampleCatalog } from '@voca/devtools';
import { EmbeddingsClient, KnowledgeRetriever } from '@voca/knowledge';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OpenAiEmulator } from '../emulators/openai/index.js';
import { testDataSource } from '../support/database.js';
import { indexDocument, insertKnowledgeAgent } from '../support/knowledge.js';

const CATALOG = sampleCatalog(2_000);
const SHIPPING_FAQ = `# Shipping

## Delivery times
Orders ship within 2 business days. Standard delivery takes 3-5 business days in the continental US.

## International
We ship to Canada and the United Kingdom. Customs duties are paid by the customer on delivery.

# Care

## Washing duvets
Wash duvets on a gentle cycle at 30 degrees and tumble dry on low heat with dryer balls.
`;

/**
 * Retrieval against the real Postgres: a generated 2,000-product catalog and an FAQ indexed as the indexer does, then
 * searched as a turn searches them.
 */
describe('knowledge retrieval', () => {
  let db: DataSource;
  let agent: { agentId: string; vendorId: string };
  let retriever: KnowledgeRetriever;
  const ask = (text: string, limit = 5, previousText?: string) =>
    retriever.retrieve({ agentId: agent.agentId, language: 'en', text, limit, previousText });

  beforeAll(async () => {
    db = await testDataSource('knowledge-retrieval-test');
    agent = await insertKnowledgeAgent(db);
    await indexDocument(db, agent, 'product_catalog', 'json', JSON.stringify(CATALOG));
    await indexDocument(db, agent, 'shipping_faq.md', 'markdown', SHIPPING_FAQ);
    retriever = new KnowledgeRetriever(db);
  });

  afterAll(async () => {
    await db?.query(`DELETE FROM agents WHERE id = $1`, [agent.agentId]);
    await db?.destroy();
  });

  it('finds the product a customer names first, with its document, version and record', async () => {
    const product = CATALOG[1234]!;
    const found = await ask(`How much is the ${product.name}?`);

    expect(found.searched).toBe(true);
    expect(found.passages[0]).toMatchObject({
      documentName: 'product_catalog',
      version: 1,
      kind: 'record',
      title: product.name,
      ordinal: 1234,
      price: product.price,
    });
    expect(found.passages[0]!.fields).toMatchObject({ sku: product.sku, price: product.price });
    expect(found.candidates).toBeLessThanOrEqual(800);
  });

  it('finds a product by its SKU, however it is written', async () => {
    const product = CATALOG[77]!;
    const found = await ask(`is ${product.sku.toLowerCase()} in stock?`);
    expect(found.passages[0]).toMatchObject({ title: product.name });
  });

  it('lists only records within a price range for "under $40"', async () => {
    const found = await ask('What pillows do you have under $40?');
    expect(found.passages.length).toBeGreaterThan(0);
    for (const passage of found.passages) expect(passage.price).toBeLessThanOrEqual(40);
    expect(found.passages.some((p) => /pillow/i.test(p.title))).toBe(true);
  });

  it('answers a prose question from the FAQ section that covers it', async () => {
    const found = await ask('Do you ship to the United Kingdom?');
    expect(found.passages[0]).toMatchObject({ documentName: 'shipping_faq.md', kind: 'section' });
    expect(found.passages[0]!.title).toMatch(/International/);
  });

  it('searches the previous message too when a follow-up alone finds nothing', async () => {
    const alone = await ask('and in the large one?');
    expect(alone.passages).toEqual([]);
    const product = CATALOG[42]!;
    const followUp = await ask('and in the large one?', 5, `Tell me about the ${product.name}`);
    expect(followUp.passages[0]).toMatchObject({ title: product.name });
  });

  it('finds nothing, not something, for a subject the documents do not hold', async () => {
    const found = await ask('Do you sell garden furniture or lawn mowers?');
    expect(found.passages).toEqual([]);
  });

  it('searches nothing for an agent without documents', async () => {
    const other = await insertKnowledgeAgent(db);
    try {
      const found = await retriever.retrieve({ agentId: other.agentId, language: 'en', text: 'duvet', limit: 5 });
      expect(found).toEqual({ passages: [], searched: false, candidates: 0, hybrid: false });
    } finally {
      await db.query(`DELETE FROM agents WHERE id = $1`, [other.agentId]);
    }
  });

  it("never returns another agent's chunks", async () => {
    const other = await insertKnowledgeAgent(db);
    try {
      await indexDocument(db, other, 'catalog', 'json', JSON.stringify([{ name: 'Zebra Striped Hammock', price: 10 }]));
      const mine = await ask('zebra striped hammock');
      expect(mine.passages).toEqual([]);
      const theirs = await retriever.retrieve({ agentId: other.agentId, language: 'en', text: 'hammock', limit: 5 });
      expect(theirs.passages.map((p) => p.title)).toEqual(['Zebra Striped Hammock']);
    } finally {
      await db.query(`DELETE FROM agents WHERE id = $1`, [other.agentId]);
    }
  });

  it('answers from a new version once it is swapped in, and the old version is gone', async () => {
    const other = await insertKnowledgeAgent(db);
    try {
      const first = await indexDocument(
        db,
        other,
        'catalog',
        'json',
        JSON.stringify([{ name: 'Harbor Quilt', price: 80 }]),
      );
      const second = await indexDocument(
        db,
        other,
        'catalog',
        'json',
        JSON.stringify([{ name: 'Harbor Quilt', price: 95 }]),
      );
      const found = await retriever.retrieve({
        agentId: other.agentId,
        language: 'en',
        text: 'harbor quilt',
        limit: 5,
      });
      expect(found.passages).toHaveLength(1);
      expect(found.passages[0]).toMatchObject({ version: 2, price: 95 });
      const left = await db.query(`SELECT id FROM knowledge_versions WHERE document_id = $1`, [first.documentId]);
      expect(left).toEqual([{ id: second.versionId }]);
    } finally {
      await db.query(`DELETE FROM agents WHERE id = $1`, [other.agentId]);
    }
  });

  it("stems in the agent's language", async () => {
    const french = await insertKnowledgeAgent(db, 'fr-FR');
    try {
      await indexDocument(
        db,
        french,
        'catalogue',
        'json',
        JSON.stringify([
          { name: 'Couette légère en lin', price: 120 },
          { name: 'Oreiller à mémoire de forme', price: 45 },
        ]),
        'fr-FR',
      );
      const found = await retriever.retrieve({
        agentId: french.agentId,
        language: 'fr-FR',
        text: 'Avez-vous des couettes légères ?',
        limit: 5,
      });
      expect(found.passages[0]).toMatchObject({ title: 'Couette légère en lin' });
    } finally {
      await db.query(`DELETE FROM agents WHERE id = $1`, [french.agentId]);
    }
  });

  describe('with an OpenAI-compatible embeddings endpoint', () => {
    let emulator: OpenAiEmulator;

    beforeAll(async () => {
      emulator = await OpenAiEmulator.start();
    });

    afterAll(async () => {
      await emulator?.stop();
    });

    it('re-ranks the full-text candidates by similarity (reciprocal rank fusion), through the real SDK', async () => {
      const embeddings = new EmbeddingsClient({
        model: 'text-embedding-3-small',
        baseUrl: emulator.baseUrl,
        apiKey: 'test-key',
        timeoutMs: 5_000,
      });
      const hybrid = new KnowledgeRetriever(db, embeddings);
      const found = await hybrid.retrieve({ agentId: agent.agentId, language: 'en', text: 'alpine duvet', limit: 5 });
      expect(found.hybrid).toBe(true);
      expect(found.passages).toHaveLength(5);
      for (const passage of found.passages) expect(passage.title).toMatch(/Alpine|Duvet/);
      const calls = emulator.requests.filter((r) => r.path === '/v1/embeddings');
      expect(calls).toHaveLength(1);
      expect(calls[0]!.body).toMatchObject({ model: 'text-embedding-3-small', input: ['alpine duvet'] });
    });

    it('falls back to the full-text ranking when the endpoint cannot be reached', async () => {
      const unreachable = new EmbeddingsClient({
        model: 'text-embedding-3-small',
        baseUrl: 'http://127.0.0.1:9/v1',
        apiKey: 'test-key',
        timeoutMs: 1_000,
        maxRetries: 0,
      });
      const found = await new KnowledgeRetriever(db, unreachable).retrieve({
        agentId: agent.agentId,
        language: 'en',
        text: 'alpine duvet',
        limit: 3,
      });
      expect(found.hybrid).toBe(false);
      expect(found.embeddingsFailure).toBeTruthy();
      expect(found.passages).toHaveLength(3);
      for (const passage of found.passages) expect(passage.title).toMatch(/^Alpine .*Duvet/);
    });
  });
});
