import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options.js';
import { ensureDatabase } from './ensure-database.js';

export interface MigrationReport {
  createdDatabase: boolean;
  applied: string[];
}

/** Creates the database if needed and applies every pending migration, each in its own transaction. */
export async function migrateDatabase(url: string): Promise<MigrationReport> {
  const createdDatabase = await ensureDatabase(url);
  const dataSource = new DataSource(dataSourceOptions({ url, poolSize: 1, applicationName: 'voca-migrate' }));
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations();
    return { createdDatabase, applied: applied.map((migration) => migration.name) };
  } finally {
    await dataSource.destroy();
  }
}
