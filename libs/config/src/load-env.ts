import { existsSync } from 'node:fs';
import type { z } from 'zod';
import { ConfigValidationError, validateEnv } from './validate-env.js';

/**
 * Reads the app's configuration at start: `.env` in the working directory fills what the environment leaves unset,
 * then the schema validates everything. A missing or malformed variable ends the process with a message naming it,
 * before any module starts.
 */
export function loadEnvOrExit<S extends z.ZodType>(appName: string, schema: S): z.infer<S> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  try {
    return validateEnv(schema, process.env);
  } catch (error) {
    if (!(error instanceof ConfigValidationError)) throw error;
    process.stderr.write(`${appName}: ${error.message}\n`);
    process.exit(1);
  }
}
