import type pg from 'pg';
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';

/**
 * Runs a hot-path statement as a named prepared statement on the data source's own pool: each connection parses and
 * plans it once instead of on every call (about half of Postgres's work for a webhook's insert), and the call skips
 * TypeORM's query runner. For statements run thousands of times a second; everything else goes through TypeORM.
 */
export async function preparedQuery<Row>(
  db: DataSource,
  name: string,
  text: string,
  values: unknown[],
): Promise<Row[]> {
  const pool = (db.driver as PostgresDriver).master as pg.Pool;
  const result = await pool.query<Row & pg.QueryResultRow>({ name, text, values });
  return result.rows;
}
