import { databaseSettingsFrom, dataSourceOptions } from '@voca/persistence';
import { createServer, type AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../support/database.js';
import { TEST_DATABASE_URL } from '../support/test-env.js';

/** The DATABASE_*_TIMEOUT_MS settings reach every connection, so a hung database fails work instead of holding it. */

const settings = databaseSettingsFrom(
  {
    DATABASE_URL: TEST_DATABASE_URL,
    DATABASE_POOL_SIZE: 2,
    DATABASE_CONNECT_TIMEOUT_MS: 800,
    DATABASE_STATEMENT_TIMEOUT_MS: 700,
    DATABASE_LOCK_TIMEOUT_MS: 300,
    DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: 1_000,
  },
  'timeouts-test',
);
let db: DataSource;
const other = testDatabase();

beforeAll(async () => {
  db = await new DataSource(dataSourceOptions(settings)).initialize();
});

afterAll(async () => {
  await db.destroy();
  await other.end();
});

describe('Postgres timeouts from config', () => {
  it('sets them on the session', async () => {
    const [row] = await db.query(
      `SELECT current_setting('statement_timeout') AS statement, current_setting('lock_timeout') AS lock,
              current_setting('idle_in_transaction_session_timeout') AS idle`,
    );
    expect(row).toEqual({ statement: '700ms', lock: '300ms', idle: '1s' });
  });

  it('cancels a statement that runs too long', async () => {
    const started = Date.now();
    await expect(db.query('SELECT pg_sleep(5)')).rejects.toThrow(/statement timeout/);
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('gives up waiting for a lock another session holds', async () => {
    const holder = await other.connect();
    try {
      await holder.query('BEGIN');
      await holder.query(`SELECT pg_advisory_xact_lock(4242)`);
      await expect(db.query('SELECT pg_advisory_xact_lock(4242)')).rejects.toThrow(/lock timeout/);
    } finally {
      await holder.query('ROLLBACK');
      holder.release();
    }
  });

  it('fails a connection attempt to a server that never answers within the connect timeout', async () => {
    // A port that accepts the connection and then says nothing, as a hung server does.
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as AddressInfo;
    const hung = new DataSource(
      dataSourceOptions({ ...settings, url: `postgres://postgres@127.0.0.1:${port}/voca_test` }),
    );
    const started = Date.now();
    try {
      await expect(hung.initialize()).rejects.toThrow(/timeout/i);
      expect(Date.now() - started).toBeGreaterThanOrEqual(700);
      expect(Date.now() - started).toBeLessThan(3_000);
    } finally {
      silent.close();
    }
  });
});
