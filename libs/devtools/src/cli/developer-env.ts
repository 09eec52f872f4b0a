import { commonEnvSchema, gatewayEnvSchema, validateEnv } from '@voca/config';
import { existsSync } from 'node:fs';
import { z } from 'zod';

// The gateway's own rules for these variables (its schema carries refinements, so its fields are taken one by one).
const gateway = gatewayEnvSchema.shape;
const developerEnvSchema = z.object({
  NODE_ENV: commonEnvSchema.shape.NODE_ENV,
  PORT: gateway.PORT,
  JWT_SECRET_KEY: gateway.JWT_SECRET_KEY,
  JWT_MAX_AGE_S: gateway.JWT_MAX_AGE_S,
  JWT_ISSUER: gateway.JWT_ISSUER,
  JWT_AUDIENCE: gateway.JWT_AUDIENCE,
  /** The gateway these tools talk to; default: this machine's, on PORT. */
  VOCA_URL: z.url({ protocol: /^https?$/ }).optional(),
});

export type DeveloperEnv = z.infer<typeof developerEnvSchema> & { gatewayUrl: string };

/**
 * What the developer tools read: the environment, then `.env` for what it leaves unset, as the apps do. They mint
 * tokens with the engine's own secret, so they refuse to run against a production configuration.
 */
export function developerEnvOrExit(tool: string, { refuseProduction = true } = {}): DeveloperEnv {
  if (existsSync('.env')) process.loadEnvFile('.env');
  let env: z.infer<typeof developerEnvSchema>;
  try {
    env = validateEnv(developerEnvSchema, process.env);
  } catch (error) {
    return exit(tool, (error as Error).message);
  }
  if (refuseProduction && env.NODE_ENV === 'production') {
    exit(tool, 'refused under NODE_ENV=production: production tokens come from the backend that holds JWT_SECRET_KEY');
  }
  return { ...env, gatewayUrl: (env.VOCA_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, '') };
}

export function exit(tool: string, message: string): never {
  process.stderr.write(`${tool}: ${message}\n`);
  process.exit(1);
}
