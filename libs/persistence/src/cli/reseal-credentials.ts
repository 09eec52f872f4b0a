import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { ConfigValidationError, credentialKeyringEnvSchema, validateEnv } from '@voca/config';
import { CredentialCipher } from '@voca/secrets';
import { DataSource } from 'typeorm';
import { resealCredentials } from '../credentials/reseal-credentials.js';

// `npm run credentials:rotate`: re-seals every stored secret (platform credentials, event endpoint secrets) with
// CREDENTIALS_ENCRYPTION_KEY (the previous keys, still in CREDENTIALS_PREVIOUS_KEYS, open them). Reads the
// environment, or .env.
if (existsSync('.env')) process.loadEnvFile('.env');
let db: DataSource | undefined;
try {
  const env = validateEnv(credentialKeyringEnvSchema, process.env);
  const cipher = new CredentialCipher(env.CREDENTIALS_ENCRYPTION_KEY, env.CREDENTIALS_PREVIOUS_KEYS);
  db = await new DataSource({ type: 'postgres', url: env.DATABASE_URL }).initialize();
  const report = await resealCredentials(db, cipher);
  console.log(`re-sealed ${report.resealed} stored secrets with key ${cipher.currentKeyId}`);
  if (report.unreadable.length) {
    console.error(
      `${report.unreadable.length} could not be opened by any key of the ring: ${report.unreadable.map((r) => `${r.table}/${r.id}`).join(', ')}`,
    );
    process.exitCode = 1;
  }
} catch (error) {
  console.error(
    error instanceof ConfigValidationError ? error.message : `rotation failed: ${(error as Error).message}`,
  );
  process.exitCode = 1;
} finally {
  await db?.destroy();
}
