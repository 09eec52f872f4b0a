import { databaseSettingsFrom, dataSourceOptions } from '@voca/persistence';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { TEST_DATABASE_URL } from './test-env.js';

/** Direct access to the test database, for asserting what was (and was not) written. */
export function testDatabase(url = TEST_DATABASE_URL): pg.Pool {
  return new pg.Pool({ connectionString: url, max: 3 });
}

export async function countRows(db: pg.Pool, table: string, where: string, params: unknown[]): Promise<number> {
  const result = await db.query<{ count: string }>(`SELECT count(*) FROM ${table} WHERE ${where}`, params);
  return Number(result.rows[0]!.count);
}

/** A TypeORM data source on the test database, set up as the apps set theirs up, for a test of one service. */
export function testDataSource(applicationName: string): Promise<DataSource> {
  const settings = databaseSettingsFrom(
    {
      DATABASE_URL: TEST_DATABASE_URL,
      DATABASE_POOL_SIZE: 4,
      DATABASE_CONNECT_TIMEOUT_MS: 2_000,
      DATABASE_STATEMENT_TIMEOUT_MS: 10_000,
      DATABASE_LOCK_TIMEOUT_MS: 5_000,
      DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: 10_000,
    },
    applicationName,
  );
  return new DataSource(dataSourceOptions(settings)).initialize();
}

/**
 * Drops a test's scratch database once the apps that used it have let go: their pools close asynchronously, and a
 * connection FORCE terminated under a live pool is an error event nobody listens to, which fails the run. Waits up
 * to five seconds for the database's other sessions to end, then drops it (terminating what is left).
 */
export async function dropScratchDatabase(admin: pg.Pool, name: string): Promise<void> {
  for (let waited = 0; waited < 5_000; waited += 100) {
    const { rows } = await admin.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
      [name],
    );
    if (rows[0]!.n === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
}
