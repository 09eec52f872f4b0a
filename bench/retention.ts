/**
 * Retention beside the message path: a million messages past RETENTION_MESSAGE_DAYS are seeded, and the engine prunes
 * them (RetentionPruner, in batches) while a returning customer keeps writing; the turns' latency while it prunes is
 * judged beside the same turns on the same engine just before, with nothing to prune. Part of `npm run bench`, or
 * alone with `npm run bench:retention`.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { RunningEngine } from './engine-harness.js';
import { percentileOf, turnTimer } from './turns.js';

export interface RetentionFigures {
  messages: number;
  seededInS: number;
  prunedInS: number;
  batch: number;
  quiet: { turns: number; p50: number; p99: number };
  pruning: { turns: number; p50: number; p99: number };
}

const MESSAGES = Number(process.env.BENCH_PRUNE_MESSAGES ?? 1_000_000);
const QUIET_TURNS = Number(process.env.BENCH_TURNS ?? 100);
/** Rows one seeding statement inserts. */
const SEED_CHUNK = 100_000;
export const RETENTION_BENCH_BATCH = 1_000;

/** What the engine is started with for this bench: retention on, looking every second. */
export const RETENTION_BENCH_ENV = {
  RETENTION: 'on',
  RETENTION_INTERVAL_MS: '1000',
  RETENTION_BATCH: String(RETENTION_BENCH_BATCH),
};

function summary(latencies: number[]) {
  const sorted = [...latencies].sort((a, b) => a - b);
  return { turns: sorted.length, p50: percentileOf(sorted, 50), p99: percentileOf(sorted, 99) };
}

export async function benchRetention(engine: RunningEngine, databaseUrl: string): Promise<RetentionFigures> {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  const agentId = randomUUID();
  try {
    const turn = turnTimer(engine, await engine.whatsappAgent());
    const customer = `1557${Date.now() % 1e7}`;
    for (let i = 0; i < 5; i++) await turn(customer); // warm up
    const quiet: number[] = [];
    for (let i = 0; i < QUIET_TURNS; i++) quiet.push(await turn(customer));

    // The old conversations of an agent of their own, a year and more back, settled: what retention removes.
    await db.query(
      `INSERT INTO agents (id, vendor_id, name, business_type, status, version)
       VALUES ($1, 'bench_retention', 'Bench Retention', 'retail', 'active', 1)`,
      [agentId],
    );
    const seeding = performance.now();
    for (let from = 0; from < MESSAGES; from += SEED_CHUNK) {
      await db.query(
        `INSERT INTO conversation_messages
           (agent_id, channel, direction, business_account_id, counterpart_id, platform_message_id, text, status,
            created_at, updated_at)
         SELECT $1::uuid, 'whatsapp', 'inbound', 'bench-retention', 'c' || (g % 5000), 'bench-old.' || $1::text || '.' || g,
                'an old message ' || g, 'answered', now() - interval '400 days', now() - interval '400 days'
           FROM generate_series($2::int, $3::int) g`,
        [agentId, from, Math.min(MESSAGES, from + SEED_CHUNK) - 1],
      );
    }
    await db.query('ANALYZE conversation_messages');
    const seededInS = (performance.now() - seeding) / 1000;

    const left = async () =>
      Number(
        (await db.query(`SELECT count(*) AS n FROM conversation_messages WHERE agent_id = $1`, [agentId])).rows[0].n,
      );
    const pruning: number[] = [];
    const started = performance.now();
    let remaining = MESSAGES;
    let checked = performance.now();
    while (remaining > 0) {
      pruning.push(await turn(customer));
      if (performance.now() - checked > 1_000) {
        remaining = await left();
        checked = performance.now();
      }
      if (performance.now() - started > 1_800_000) throw new Error(`retention left ${remaining} rows after 30 min`);
    }
    return {
      messages: MESSAGES,
      seededInS,
      prunedInS: (performance.now() - started) / 1000,
      batch: RETENTION_BENCH_BATCH,
      quiet: summary(quiet),
      pruning: summary(pruning),
    };
  } finally {
    await db.query(`DELETE FROM agents WHERE id = $1`, [agentId]);
    await db.end();
  }
}

export function retentionTable(f: RetentionFigures): string {
  const pad = (text: string) => text.padEnd(52);
  const ms = (value: number) => value.toFixed(1).padStart(9);
  return [
    `retention: ${f.messages} messages past RETENTION_MESSAGE_DAYS (seeded in ${f.seededInS.toFixed(1)} s), batches of ${f.batch}`,
    `${pad('pruned in s / rows per s')}${f.prunedInS.toFixed(1).padStart(9)} / ${(f.messages / f.prunedInS).toFixed(0)}`,
    `${pad(`turns, returning customer, nothing to prune (${f.quiet.turns})`)}${ms(f.quiet.p50)}${ms(f.quiet.p99)}  p50 / p99 ms`,
    `${pad(`the same while pruning (${f.pruning.turns})`)}${ms(f.pruning.p50)}${ms(f.pruning.p99)}  ${(f.pruning.p50 / f.quiet.p50).toFixed(2)}x, ${(f.pruning.p99 / f.quiet.p99).toFixed(2)}x`,
  ].join('\n');
}
