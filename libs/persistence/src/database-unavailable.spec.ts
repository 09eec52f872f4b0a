import pg from 'pg';
import { QueryFailedError } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from './database-unavailable.js';

const pgError = (code: string, message: string) => Object.assign(new Error(message), { code });

describe('isDatabaseUnavailable', () => {
  it('recognises a server that refuses connections', async () => {
    const client = new pg.Client({ host: '127.0.0.1', port: 1, connectionTimeoutMillis: 1_000 });
    const error = await client.connect().catch((e: unknown) => e);
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it('recognises a restart, a timeout and a lost connection, wrapped by TypeORM or not', () => {
    for (const [code, message] of [
      ['57P01', 'terminating connection due to administrator command'],
      ['57P03', 'the database system is starting up'],
      ['57014', 'canceling statement due to statement timeout'],
      ['55P03', 'canceling statement due to lock timeout'],
      ['08006', 'connection failure'],
    ]) {
      const error = pgError(code!, message!);
      expect(isDatabaseUnavailable(error), code).toBe(true);
      expect(isDatabaseUnavailable(new QueryFailedError('SELECT 1', [], error)), code).toBe(true);
    }
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('timeout exceeded when trying to connect'))).toBe(true);
  });

  it('does not excuse a query that is wrong', () => {
    expect(isDatabaseUnavailable(new QueryFailedError('SELECT', [], pgError('23505', 'duplicate key value')))).toBe(
      false,
    );
    expect(isDatabaseUnavailable(new QueryFailedError('SELECT', [], pgError('42P01', 'relation does not exist')))).toBe(
      false,
    );
    expect(isDatabaseUnavailable(new Error('boom'))).toBe(false);
    expect(isDatabaseUnavailable(undefined)).toBe(false);
  });
});
