import { dataSourceOptions, migrateDatabase } from '@voca/persistence';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { afterAll, describe, expect, it } from 'vitest';
import { dropScratchDatabase, testDatabase } from '../support/database.js';
import { TEST_DATABASE_URL } from '../support/test-env.js';

const scratchName = `voca_migrations_${randomUUID().slice(0, 8)}`;
const scratchUrl = Object.assign(new URL(TEST_DATABASE_URL), { pathname: `/${scratchName}` }).toString();
const admin = testDatabase();

afterAll(async () => {
  await dropScratchDatabase(admin, scratchName);
  await admin.end();
});

describe('migrations', () => {
  it('create a missing database, build the schema the entities describe, and are idempotent', async () => {
    const first = await migrateDatabase(scratchUrl);
    expect(first.createdDatabase).toBe(true);
    expect(first.applied.length).toBeGreaterThan(0);

    const dataSource = new DataSource(dataSourceOptions({ url: scratchUrl, poolSize: 1, applicationName: 'test' }));
    await dataSource.initialize();
    try {
      // What TypeORM would still change to match the entities: nothing, if the migrations are complete.
      const pending = await dataSource.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((query) => query.query)).toEqual([]);

      for (const _ of first.applied) await dataSource.undoLastMigration({ transaction: 'each' });
      const tables = await dataSource.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public'`);
      // typeorm_metadata is TypeORM's own: its migration runner keeps generated columns' expressions there.
      expect(tables.map((row: { tablename: string }) => row.tablename).sort()).toEqual([
        'schema_migrations',
        'typeorm_metadata',
      ]);
      expect(await dataSource.query(`SELECT * FROM typeorm_metadata`)).toEqual([]);
    } finally {
      await dataSource.destroy();
    }

    const again = await migrateDatabase(scratchUrl);
    expect(again).toEqual({ createdDatabase: false, applied: first.applied });
    expect(await migrateDatabase(scratchUrl)).toEqual({ createdDatabase: false, applied: [] });
  });
});
