import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { commonEnvSchema, ConfigValidationError, validateEnv } from '@voca/config';
import { migrateDatabase } from '../migrate.js';

// `npm run migrate`: brings the database in DATABASE_URL (from the environment or .env) up to date.
if (existsSync('.env')) process.loadEnvFile('.env');
try {
  const { DATABASE_URL } = validateEnv(commonEnvSchema.pick({ DATABASE_URL: true }), process.env);
  const report = await migrateDatabase(DATABASE_URL);
  const database = new URL(DATABASE_URL).pathname.slice(1);
  if (report.createdDatabase) console.log(`created database ${database}`);
  console.log(report.applied.length ? `applied ${report.applied.join(', ')}` : `database ${database} is up to date`);
} catch (error) {
  console.error(
    error instanceof ConfigValidationError ? error.message : `migration failed: ${(error as Error).message}`,
  );
  process.exitCode = 1;
}
