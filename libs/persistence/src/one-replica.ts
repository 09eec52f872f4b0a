import type { DataSource } from 'typeorm';

/**
 * Runs `work` on this replica only if no other replica is running work under the same key (a Postgres advisory lock
 * tried, not waited for): periodic passes that one replica at a time must make (the reconciler, retention). Undefined
 * when another replica holds it. A replica that dies lets go of the lock with its connection.
 */
export async function onOneReplica<T>(db: DataSource, key: string, work: () => Promise<T>): Promise<T | undefined> {
  const runner = db.createQueryRunner();
  await runner.connect();
  try {
    const [{ locked }] = (await runner.query(`SELECT pg_try_advisory_lock(hashtext($1)) AS locked`, [key])) as {
      locked: boolean;
    }[];
    if (!locked) return undefined;
    try {
      return await work();
    } finally {
      await runner.query(`SELECT pg_advisory_unlock(hashtext($1))`, [key]).catch(() => undefined);
    }
  } finally {
    await runner.release();
  }
}
