/**
 * Webhook ingest beside its anchors, measured in one run on this machine: the bare and the durable Fastify routes
 * (bench/anchors/webhook-anchor.ts) and the engine's `POST /api/v1/webhooks/meta` (the gateway alone, as a process),
 * each loaded with signed WhatsApp messages with unique ids by autocannon. Prints req/s, p50 and p99, and the
 * engine's figures as ratios of the durable route's. `npm run bench` (after `npm run build`, Postgres and Redis up;
 * it uses the database and Redis of .env, a queue prefix and a table of its own, and removes them).
 */
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import autocannon from 'autocannon';
import { Queue } from 'bullmq';
import pg from 'pg';
import { BENCH_APP_SECRET, metaHeaders, whatsappBody } from './whatsapp-webhook.js';

export interface IngestFigures {
  name: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
}

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10);

async function load(name: string, url: string, phoneNumberId: string, durationS: number): Promise<IngestFigures> {
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: durationS,
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => {
          const body = whatsappBody(phoneNumberId);
          return { ...request, body, headers: metaHeaders(body) };
        },
      },
    ],
  });
  return {
    name,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

async function waitForPort(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`${url}: the server exited with ${child.exitCode}`);
    const ok = await fetch(url).then(
      (r) => r.status < 500,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} never answered`);
}

async function measure(
  name: string,
  child: ChildProcess,
  probeUrl: string,
  url: string,
  phoneNumberId: string,
): Promise<IngestFigures> {
  try {
    await waitForPort(probeUrl, child);
    await load(name, url, phoneNumberId, 2); // warm up
    return await load(name, url, phoneNumberId, DURATION_S);
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => (child.exitCode !== null ? r(undefined) : child.once('exit', r)));
  }
}

const freePort = () => 20_000 + Math.floor(Math.random() * 20_000);

export async function benchIngest(databaseUrl: string, redisUrl: string): Promise<IngestFigures[]> {
  const prefix = `{voca-bench-${randomUUID().slice(0, 8)}}`;
  const table = `bench_anchor_${randomUUID().slice(0, 8)}`;
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  await db.query(
    `CREATE TABLE ${table} (id bigserial PRIMARY KEY, platform_id text NOT NULL UNIQUE, body text NOT NULL, created_at timestamptz NOT NULL DEFAULT now())`,
  );
  const agentId = randomUUID();
  const phoneNumberId = `9${Date.now()}`;
  await db.query(
    `INSERT INTO agents (id, vendor_id, name, business_type, status, version) VALUES ($1, 'bench', 'Bench', 'retail', 'active', 1)`,
    [agentId],
  );
  await db.query(
    `INSERT INTO agent_channels (agent_id, channel, status, external_account_id) VALUES ($1, 'whatsapp', 'active', $2)`,
    [agentId, phoneNumberId],
  );
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    META_APP_SECRET: BENCH_APP_SECRET,
    QUEUE_PREFIX: prefix,
    ANCHOR_TABLE: table,
  };
  const figures: IngestFigures[] = [];
  try {
    for (const mode of ['bare', 'durable'] as const) {
      const port = freePort();
      const anchor = fork(resolve('dist/bench/anchors/webhook-anchor.js'), [mode, String(port)], {
        env,
        stdio: 'inherit',
      });
      const name =
        mode === 'bare'
          ? 'bare route (Fastify, signature, BullMQ add)'
          : 'durable route (the same + INSERT ... ON CONFLICT)';
      figures.push(
        await measure(name, anchor, `http://127.0.0.1:${port}/`, `http://127.0.0.1:${port}/webhook`, phoneNumberId),
      );
    }
    const port = freePort();
    const profile = process.env.BENCH_CPU_PROFILE
      ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROFILE}`]
      : [];
    const gateway = spawn(process.execPath, [...profile, resolve('dist/apps/api-gateway/src/main.js')], {
      env: {
        JWT_SECRET_KEY: randomBytes(32).toString('hex'),
        CREDENTIALS_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
        ...env,
        PORT: String(port),
        LOG_LEVEL: 'warn',
        LOG_FORMAT: 'json',
        RATE_LIMIT_PER_MINUTE: '100000000',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    figures.push(
      await measure(
        'engine POST /api/v1/webhooks/meta',
        gateway,
        `http://127.0.0.1:${port}/health`,
        `http://127.0.0.1:${port}/api/v1/webhooks/meta`,
        phoneNumberId,
      ),
    );
  } finally {
    const inbound = new Queue('inbound', { connection: { url: redisUrl }, prefix });
    const anchorQueue = new Queue('anchor-inbound', { connection: { url: redisUrl }, prefix });
    await Promise.all([inbound.obliterate({ force: true }), anchorQueue.obliterate({ force: true })]);
    await Promise.all([inbound.close(), anchorQueue.close()]);
    await db.query(`DROP TABLE IF EXISTS ${table}`);
    await db.query(`DELETE FROM conversation_messages WHERE agent_id = $1`, [agentId]);
    await db.query(`DELETE FROM agents WHERE id = $1`, [agentId]);
    await db.end();
  }
  return figures;
}
