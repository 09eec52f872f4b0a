import { migrateDatabase } from '@voca/persistence';
import { TEST_DATABASE_URL } from './test-env.js';

/** Brings the test database (created if missing) up to the latest migration once per run. */
export default async function setup(): Promise<void> {
  await migrateDatabase(TEST_DATABASE_URL);
}
