/**
 * `npm run bench`: the engine's figures beside anchors measured in the same run on the same machine, as a table.
 * Ingest beside its anchors (bench/ingest.ts), message turns beside ElizaOS alone (bench/turns.ts), the backlog drain
 * (bench/drain.ts), the agents' documents (bench/knowledge.ts: retrieval at 50,000 chunks, turns with documents
 * beside without), tool calls (bench/tools.ts: the engine's overhead of one), retention beside the message path
 * (bench/retention.ts) and provisioning (bench/provisioning.ts);
 * see bench/README.md for what each figure means and the latest run.
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
import pg from 'pg';
import { migrateDatabase } from '@voca/persistence';
import { benchIngest, type IngestFigures } from './ingest.js';
import { benchDrain, type DrainFigures } from './drain.js';
import { benchProvisioning, type ProvisioningFigures } from './provisioning.js';
import { startEngine } from './engine-harness.js';
import { benchElizaosAnchor, benchTurns, type TurnFigures } from './turns.js';
import { benchRetention, RETENTION_BENCH_ENV, retentionTable } from './retention.js';
import { benchKnowledgeTurns, benchRetrieval, knowledgeTable } from './knowledge.js';
import { benchToolCalls, benchToolTurns, TOOLS_BENCH_ENV, toolsTable } from './tools.js';

const pad = (text: string, width: number) => text.padEnd(width);
const num = (value: number, digits = 0) => value.toFixed(digits).padStart(9);

function ingestTable(figures: IngestFigures[]): string {
  const durable = figures.find((f) => f.name.startsWith('durable'))!;
  const lines = [
    `${pad('ingest', 52)}${'req/s'.padStart(9)}${'p50 ms'.padStart(9)}${'p99 ms'.padStart(9)}  vs durable`,
  ];
  for (const f of figures) {
    const ratio =
      f === durable
        ? ''
        : `  ${(f.requestsPerSecond / durable.requestsPerSecond).toFixed(2)}x req/s, ${(f.p99 / durable.p99).toFixed(2)}x p99`;
    lines.push(
      `${pad(f.name, 52)}${num(f.requestsPerSecond)}${num(f.p50, 1)}${num(f.p99, 1)}${ratio}${f.errors ? `  (${f.errors} errors)` : ''}`,
    );
  }
  return lines.join('\n');
}

function turnTable(anchor: TurnFigures[], engine: TurnFigures[]): string {
  const lines = [
    `${pad(`turns (${engine[0]?.turns ?? 0} each, one at a time)`, 52)}${'p50 ms'.padStart(9)}${'p99 ms'.padStart(9)}  vs ElizaOS alone; vs target p50 50, p99 150`,
  ];
  for (const f of anchor) lines.push(`${pad(f.name, 52)}${num(f.p50, 1)}${num(f.p99, 1)}`);
  for (const f of engine) {
    const alone = anchor.find((a) => a.customer === f.customer)!;
    lines.push(
      `${pad(f.name, 52)}${num(f.p50, 1)}${num(f.p99, 1)}  ${(f.p50 / alone.p50).toFixed(2)}x, ${(f.p99 / alone.p99).toFixed(2)}x; ${(f.p50 / 50).toFixed(2)}x, ${(f.p99 / 150).toFixed(2)}x`,
    );
  }
  return lines.join('\n');
}

function drainTable(f: DrainFigures): string {
  return [
    `drain: ${f.messages} messages from ${f.customers} customers, posted in ${f.postedInS.toFixed(1)} s, last reply after ${f.drainedInS.toFixed(1)} s`,
    `${pad('turns/s', 52)}${num(f.turnsPerSecond, 1)}  target >= 40: ${(f.turnsPerSecond / 40).toFixed(2)}x`,
    `${pad('answered / answered twice / unanswered (both backlogs)', 52)}${num(f.answered)} / ${f.answeredTwice} / ${f.unanswered}`,
    `${pad(`elizaos-worker RSS MiB, peak / end, ${f.customers} customers`, 52)}${num(f.elizaosPeakRssMiB)} / ${f.elizaosEndRssMiB.toFixed(0)}`,
    `${pad(`the same after ${f.moreCustomers} more (${f.customers + f.moreCustomers} customers)`, 52)}${num(f.elizaosPeakRssAllCustomersMiB)} / ${f.elizaosEndRssAllCustomersMiB.toFixed(0)}  target < 1024`,
    `${pad('CPU ms per turn', 52)}${Object.entries(f.cpuMsPerTurn)
      .map(([app, ms]) => `${app} ${ms.toFixed(1)}`)
      .join(', ')}`,
  ].join('\n');
}

function provisioningTable(f: ProvisioningFigures): string {
  const perAgent = Object.entries(f.callsByOperation)
    .sort(([, a], [, b]) => b - a)
    .map(([operation, calls]) => `${operation} ${(calls / f.agents).toFixed(1)}`)
    .join(', ');
  return [
    `provisioning: ${f.agents} voice agents at once, Connect throttled at 2 requests/s, burst 5`,
    `${pad('total s / throttle lower bound s (calls made)', 52)}${num(f.totalS, 1)} / ${f.lowerBoundS.toFixed(1)}  ${(f.totalS / f.lowerBoundS).toFixed(2)}x, target <= 1.1x`,
    `${pad('failed operations / throttled answers', 52)}${num(f.failed)} / ${f.throttled}`,
    `${pad('Connect calls per agent', 52)}${num(f.connectCalls / f.agents, 1)}  (${perAgent})`,
    `${pad('Lex calls in all (speech bot, once per language)', 52)}${num(
      Object.values(f.lexCallsByOperation).reduce((sum, calls) => sum + calls, 0),
    )}  (${Object.entries(f.lexCallsByOperation)
      .map(([operation, calls]) => `${operation} ${calls}`)
      .join(', ')})`,
  ].join('\n');
}

/**
 * Postgres plans queries from statistics that autovacuum keeps up to date; a database where it is off (some
 * development set-ups) plans every run's statements from the first run's tables, and turns slow down as the bench's
 * own rows pile up (measured: 62 ms instead of 44 at the median). The bench judges the engine, so it analyzes first.
 */
async function refreshPlannerStatistics(url: string): Promise<void> {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    await db.query('ANALYZE');
  } finally {
    await db.end();
  }
}

if (existsSync('.env')) process.loadEnvFile('.env');
const databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/voca';
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
await migrateDatabase(databaseUrl);
await refreshPlannerStatistics(databaseUrl);

console.log(
  `machine: ${os.cpus().length} x ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
);
console.log(
  `load: ${process.env.BENCH_CONNECTIONS ?? 50} connections, ${process.env.BENCH_DURATION_S ?? 10} s per target\n`,
);
/** `BENCH_PARTS=ingest,turns,drain` runs those parts only (the message path, to judge a change to it quickly). */
const PARTS = ['ingest', 'turns', 'drain', 'knowledge', 'tools', 'retention', 'provisioning'] as const;
const wanted = new Set((process.env.BENCH_PARTS ?? PARTS.join(',')).split(',').map((part) => part.trim()));
const unknown = [...wanted].filter((part) => !(PARTS as readonly string[]).includes(part));
if (unknown.length > 0) throw new Error(`BENCH_PARTS: no part ${unknown.join(', ')} (parts: ${PARTS.join(', ')})`);
const runs = (part: (typeof PARTS)[number]) => wanted.has(part);

if (runs('ingest')) console.log(ingestTable(await benchIngest(databaseUrl, redisUrl)));
if (runs('turns') || runs('drain') || runs('knowledge') || runs('tools')) {
  const elizaosAlone = runs('turns') ? await benchElizaosAnchor() : undefined;
  const engine = await startEngine(databaseUrl, redisUrl, TOOLS_BENCH_ENV);
  try {
    if (elizaosAlone) console.log(`\n${turnTable(elizaosAlone, await benchTurns(engine))}`);
    if (runs('drain')) console.log(`\n${drainTable(await benchDrain(engine))}`);
    if (runs('knowledge')) {
      const retrieval = await benchRetrieval(databaseUrl);
      console.log(`\n${knowledgeTable({ ...retrieval, turns: await benchKnowledgeTurns(engine) })}`);
    }
    if (runs('tools')) {
      const toolCalls = await benchToolCalls(databaseUrl);
      console.log(`\n${toolsTable({ calls: toolCalls, ...(await benchToolTurns(engine)) })}`);
    }
  } finally {
    await engine.stop();
  }
}
if (runs('retention')) {
  const pruning = await startEngine(databaseUrl, redisUrl, RETENTION_BENCH_ENV);
  try {
    console.log(`\n${retentionTable(await benchRetention(pruning, databaseUrl))}`);
  } finally {
    await pruning.stop();
  }
}
if (runs('provisioning')) console.log(`\n${provisioningTable(await benchProvisioning(databaseUrl, redisUrl))}`);
process.exit(0);
