/**
 * The agents' documents: retrieval at 50,000 chunks (a large store's catalog plus its FAQ), in process against the
 * real Postgres, by kind of question; and turns end to end for an agent with a 2,000-product catalog beside one
 * without documents, in the same engine, one message at a time. Part of `npm run bench`.
 */
import { randomUUID } from 'node:crypto';
import { sampleCatalog } from '@voca/devtools';
import { KnowledgeRetriever, parseDocument } from '@voca/knowledge';
import { dataSourceOptions, databaseSettingsFrom, KnowledgeVersions } from '@voca/persistence';
import { DataSource } from 'typeorm';
import type { RunningEngine } from './engine-harness.js';
import { percentileOf, turnTimer } from './turns.js';

export interface RetrievalFigures {
  kind: string;
  queries: number;
  p50: number;
  p99: number;
  max: number;
  passages: number;
}

export interface KnowledgeBench {
  chunks: number;
  indexSeconds: number;
  retrieval: RetrievalFigures[];
  turns: { name: string; turns: number; p50: number; p99: number }[];
}

const CATALOG_SIZE = Number(process.env.BENCH_KNOWLEDGE_CHUNKS ?? 50_000);
const QUERIES = Number(process.env.BENCH_KNOWLEDGE_QUERIES ?? 200);
const TURNS = Number(process.env.BENCH_TURNS ?? 100);

const FAQ = Array.from(
  { length: 20 },
  (_, i) =>
    `## Question ${i + 1}: ${['returns', 'shipping', 'washing', 'warranty', 'gift cards'][i % 5]}\n` +
    `Our ${['returns', 'shipping', 'care', 'warranty', 'gift card'][i % 5]} policy, part ${i + 1}: ` +
    'items may be returned within 30 days, ship in 2 days, wash cold, and are covered for a year.\n',
).join('\n');

/** Indexes the catalog and FAQ as the indexer does (parse, store, lexemes, swap), then times each kind of question. */
export async function benchRetrieval(databaseUrl: string): Promise<Omit<KnowledgeBench, 'turns'>> {
  const db = await new DataSource(
    dataSourceOptions(
      databaseSettingsFrom(
        {
          DATABASE_URL: databaseUrl,
          DATABASE_POOL_SIZE: 2,
          DATABASE_CONNECT_TIMEOUT_MS: 5_000,
          DATABASE_STATEMENT_TIMEOUT_MS: 120_000,
          DATABASE_LOCK_TIMEOUT_MS: 5_000,
          DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: 120_000,
        },
        'bench-knowledge',
      ),
    ),
  ).initialize();
  const agentId = randomUUID();
  await db.query(
    `INSERT INTO agents (id, vendor_id, name, business_type, version, status) VALUES ($1, $2, 'Bench store', 'retail', 1, 'active')`,
    [agentId, `bench_${agentId.slice(0, 8)}`],
  );
  try {
    const catalog = sampleCatalog(CATALOG_SIZE);
    const started = performance.now();
    await indexAs(db, agentId, 'product_catalog', 'json', Buffer.from(JSON.stringify(catalog)));
    await indexAs(db, agentId, 'faq.md', 'markdown', Buffer.from(FAQ));
    const indexSeconds = (performance.now() - started) / 1000;
    // Earlier runs' rows, deleted, stay in the indexes until vacuumed: a steady state is measured, not their debris.
    await db.query('VACUUM ANALYZE knowledge_chunks');
    await db.query('VACUUM ANALYZE knowledge_terms');
    const retriever = new KnowledgeRetriever(db);
    const pick = (i: number) => catalog[(i * 7919) % catalog.length]!;
    const kinds: [string, (i: number) => string][] = [
      ['a product by name ("how much is the X?")', (i) => `How much is the ${pick(i).name}?`],
      ['a size and colour of a product', (i) => `Do you have the ${pick(i).name} in queen, sage?`],
      ['a SKU', (i) => `is ${pick(i).sku} in stock?`],
      ['a price range ("duvets under $90")', (i) => `what duvets do you have under $${60 + (i % 40)}?`],
      ['common words only ("bedding for my bed")', () => 'I need some cozy bedding for my bed'],
      ['a policy question (FAQ)', () => 'How long do I have to return a gift card?'],
      ['nothing in the documents', () => 'Do you sell lawn mowers or garden chairs?'],
    ];
    const retrieval: RetrievalFigures[] = [];
    for (let i = 0; i < 10; i++) await retriever.retrieve({ agentId, language: 'en', text: pick(i).name, limit: 5 });
    for (const [kind, question] of kinds) {
      const latencies: number[] = [];
      let passages = 0;
      for (let i = 0; i < QUERIES; i++) {
        const began = performance.now();
        const found = await retriever.retrieve({ agentId, language: 'en', text: question(i), limit: 5 });
        latencies.push(performance.now() - began);
        passages += found.passages.length;
      }
      latencies.sort((a, b) => a - b);
      retrieval.push({
        kind,
        queries: QUERIES,
        p50: percentileOf(latencies, 50),
        p99: percentileOf(latencies, 99),
        max: latencies[latencies.length - 1]!,
        passages: passages / QUERIES,
      });
    }
    const [{ chunks }] = (await db.query(
      `SELECT count(*)::int AS chunks FROM knowledge_chunks c JOIN knowledge_versions v ON v.id = c.version_id
        WHERE v.agent_id = $1`,
      [agentId],
    )) as { chunks: number }[];
    return { chunks, indexSeconds, retrieval };
  } finally {
    await db.query(`DELETE FROM agents WHERE id = $1`, [agentId]);
    await db.destroy();
  }
}

async function indexAs(db: DataSource, agentId: string, name: string, format: 'json' | 'markdown', bytes: Buffer) {
  const [document] = (await db.query(
    `INSERT INTO knowledge_documents (agent_id, vendor_id, name, latest_version) VALUES ($1, 'bench', $2, 1) RETURNING id`,
    [agentId, name],
  )) as { id: string }[];
  const [row] = (await db.query(
    `INSERT INTO knowledge_versions (document_id, agent_id, version, format, content, size_bytes, language)
     VALUES ($1, $2, 1, $3, $4, $5, 'en') RETURNING id`,
    [document!.id, agentId, format, bytes, bytes.length],
  )) as { id: string }[];
  const versions = new KnowledgeVersions(db);
  const version = (await versions.claim(row!.id))!;
  const chunks = await parseDocument({ bytes, format, name }, { maxChunks: 1_000_000 });
  await versions.storeChunks(version, chunks);
  await versions.indexTerms(version.id);
  await versions.activate(version);
}

/**
 * Turns for an agent with a 2,000-product catalog (uploaded through the API and indexed by the engine) beside one
 * without documents, the same question for both, then catalog questions to the agent with documents.
 */
export async function benchKnowledgeTurns(engine: RunningEngine): Promise<KnowledgeBench['turns']> {
  const plain = await engine.provisionWhatsappAgent();
  const stocked = await engine.provisionWhatsappAgent();
  const catalog = sampleCatalog(2_000);
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${engine.token}` };
  const upload = await fetch(`${engine.gateway}/api/v1/agents/${stocked.agentId}/knowledge`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ name: 'product_catalog', format: 'json', content: catalog }),
  });
  if (upload.status !== 202) throw new Error(`the catalog upload answered ${upload.status}: ${await upload.text()}`);
  for (let i = 0; ; i++) {
    const view = (await fetch(`${engine.gateway}/api/v1/agents/${stocked.agentId}/knowledge/product_catalog`, {
      headers,
    }).then((r) => r.json())) as { status: string; current_version: number | null };
    if (view.current_version !== null) break;
    if (view.status === 'failed' || i > 600) throw new Error(`the catalog was not indexed: ${JSON.stringify(view)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const run = Date.now() % 1e6;
  const series = async (name: string, phoneNumberId: string, prefix: string, text: (i: number) => string) => {
    const turn = turnTimer(engine, phoneNumberId);
    for (let i = 0; i < 5; i++) await turn(`${prefix}${run}9${i}`, text(i));
    const latencies: number[] = [];
    for (let i = 0; i < TURNS; i++) latencies.push(await turn(`${prefix}${run}${String(i).padStart(4, '0')}`, text(i)));
    latencies.sort((a, b) => a - b);
    return { name, turns: TURNS, p50: percentileOf(latencies, 50), p99: percentileOf(latencies, 99) };
  };
  const hours = () => 'What time are you open?';
  return [
    await series('no documents: "What time are you open?"', plain.phoneNumberId, '1571', hours),
    await series('2,000-product catalog: "What time are you open?"', stocked.phoneNumberId, '1572', hours),
    await series('2,000-product catalog: "How much is the <product>?"', stocked.phoneNumberId, '1573', (i) => {
      return `How much is the ${catalog[(i * 37) % catalog.length]!.name}?`;
    }),
  ];
}

export function knowledgeTable(figures: KnowledgeBench): string {
  const pad = (text: string, width: number) => text.padEnd(width);
  const num = (value: number, digits = 1) => value.toFixed(digits).padStart(9);
  const lines = [
    `${pad(`retrieval at ${figures.chunks} chunks (indexed in ${figures.indexSeconds.toFixed(1)} s)`, 52)}${'p50 ms'.padStart(9)}${'p99 ms'.padStart(9)}${'max ms'.padStart(9)}${'found'.padStart(7)}  target p99 15`,
  ];
  for (const f of figures.retrieval)
    lines.push(
      `${pad(f.kind, 52)}${num(f.p50, 2)}${num(f.p99, 2)}${num(f.max, 2)}${f.passages.toFixed(1).padStart(7)}`,
    );
  if (figures.turns.length > 0) {
    const base = figures.turns[0]!;
    lines.push(
      '',
      `${pad(`turns with documents (${base.turns} each, one at a time)`, 52)}${'p50 ms'.padStart(9)}${'p99 ms'.padStart(9)}  vs no documents; target +10 ms p50`,
    );
    for (const f of figures.turns) {
      const delta = f === base ? '' : `  ${f.p50 - base.p50 >= 0 ? '+' : ''}${(f.p50 - base.p50).toFixed(1)} ms p50`;
      lines.push(`${pad(f.name, 52)}${num(f.p50)}${num(f.p99)}${delta}`);
    }
  }
  return lines.join('\n');
}
