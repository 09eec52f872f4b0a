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
