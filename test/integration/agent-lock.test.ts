import { databaseSettingsFrom, dataSourceOptions } from '@voca/persistence';
import { whileHoldingLock } from '@voca/provisioning';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASE_URL } from '../support/test-env.js';

/** Two runs of one agent's cloud step (a job taken over while its first run still goes on) never overlap. */

const settings = (lockMs: number) =>
  databaseSettingsFrom(
    {
      DATABASE_URL: TEST_DATABASE_URL,
      DATABASE_POOL_SIZE: 4,
      DATABASE_CONNECT_TIMEOUT_MS: 2_000,
      DATABASE_STATEMENT_TIMEOUT_MS: 10_000,
      DATABASE_LOCK_TIMEOUT_MS: lockMs,
      DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: 10_000,
    },
    'agent-lock-test',
  );
let db: DataSource;
let impatient: DataSource;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  db = await new DataSource(dataSourceOptions(settings(5_000))).initialize();
  impatient = await new DataSource(dataSourceOptions(settings(200))).initialize();
});

afterAll(async () => {
  await db.destroy();
  await impatient.destroy();
});

describe('whileHoldingLock', () => {
  it('runs two holders of one key one after the other, and holders of other keys at once', async () => {
    const events: string[] = [];
    const run = (key: string, name: string) =>
      whileHoldingLock(db, key, async () => {
        events.push(`${name} start`);
        await sleep(150);
        events.push(`${name} end`);
      });
    await Promise.all([run('agent-1', 'a'), run('agent-1', 'b'), run('agent-2', 'c')]);
    const a = events.indexOf('a start');
    const b = events.indexOf('b start');
    const [first, second] = a < b ? ['a', 'b'] : ['b', 'a'];
    expect(events.indexOf(`${second} start`)).toBeGreaterThan(events.indexOf(`${first} end`));
    expect(events.indexOf('c start')).toBeLessThan(events.indexOf(`${first} end`));
  });

  it('gives up waiting after the lock timeout, so the job is retried later', async () => {
    const holding = whileHoldingLock(db, 'agent-3', () => sleep(800));
    await sleep(50);
    await expect(whileHoldingLock(impatient, 'agent-3', async () => 'ran')).rejects.toThrow(/lock timeout/);
    await holding;
    await expect(whileHoldingLock(impatient, 'agent-3', async () => 'ran')).resolves.toBe('ran');
  });

  it('lets go of the lock when the work fails', async () => {
    await expect(whileHoldingLock(db, 'agent-4', async () => Promise.reject(new Error('boom')))).rejects.toThrow(
      'boom',
    );
    await expect(whileHoldingLock(impatient, 'agent-4', async () => 'ran')).resolves.toBe('ran');
  });
});
