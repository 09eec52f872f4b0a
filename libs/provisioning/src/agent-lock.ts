import type { DataSource } from 'typeorm';

/**
 * Runs `work` while holding a Postgres advisory lock on `key`, so two runs of one agent's cloud step never overlap:
 * BullMQ hands a job to another worker when its lock expires, even if the first worker (too busy to renew it) is
 * still running it. The second run waits for the first (at most DATABASE_LOCK_TIMEOUT_MS, then it is retried) and
 * then finds what the first created. A worker that dies lets go of the lock with its connection.
 */
export async function whileHoldingLock<T>(db: DataSource, key: string, work: () => Promise<T>): Promise<T> {
  const runner = db.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock(hashtext($1))', [key]);
    try {
      return await work();
    } finally {
      await runner.query('SELECT pg_advisory_unlock(hashtext($1))', [key]).catch(() => undefined);
    }
  } finally {
    await runner.release();
  }
}
