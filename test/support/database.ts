import pg from 'pg';
import { TEST_DATABASE_URL } from './test-env.js';

/** Direct access to the test database, for asserting what was (and was not) written. */
export function testDatabase(url = TEST_DATABASE_URL): pg.Pool {
  return new pg.Pool({ connectionString: url, max: 3 });
}

export async function countRows(db: pg.Pool, table: string, where: string, params: unknown[]): Promise<number> {
  const result = await db.query<{ count: string }>(`SELECT count(*) FROM ${table} WHERE ${where}`, params);
  return Number(result.rows[0]!.count);
}
