/** `npm run bench:retention`: only the retention bench (bench/retention.ts), on the engine of `npm run bench`. */
import { existsSync } from 'node:fs';
import { migrateDatabase } from '@voca/persistence';
import { startEngine } from './engine-harness.js';
import { benchRetention, RETENTION_BENCH_ENV, retentionTable } from './retention.js';

if (existsSync('.env')) process.loadEnvFile('.env');
const databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/voca';
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
await migrateDatabase(databaseUrl);
const engine = await startEngine(databaseUrl, redisUrl, RETENTION_BENCH_ENV);
try {
  console.log(retentionTable(await benchRetention(engine, databaseUrl)));
} finally {
  await engine.stop();
}
process.exit(0);
