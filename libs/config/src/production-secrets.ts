import type { z } from 'zod';

/** Variables that hold secrets: in production each must be the operator's own, never the repository's example. */
export const SECRET_VARIABLES = [
  'JWT_SECRET_KEY',
  'CREDENTIALS_ENCRYPTION_KEY',
  'WEBHOOK_SECRET',
  'META_APP_SECRET',
  'META_VERIFY_TOKEN',
  'X_CONSUMER_SECRET',
  'X_APP_BEARER_TOKEN',
  'OPENAI_API_KEY',
  'METRICS_TOKEN',
] as const;

/** Secrets the gateway cannot run safely without in production (the rest turn their feature off when unset). */
const REQUIRED_BY_GATEWAY = ['JWT_SECRET_KEY', 'CREDENTIALS_ENCRYPTION_KEY', 'WEBHOOK_SECRET'] as const;

/** Every development value in `.env.example` and the compose file starts so (the key is base64 of such text). */
const DEVELOPMENT_MARK = 'dev-only';

export function isDevelopmentSecret(value: string): boolean {
  const decoded = Buffer.from(value, 'base64').toString('latin1');
  return value.toLowerCase().includes(DEVELOPMENT_MARK) || decoded.toLowerCase().includes(DEVELOPMENT_MARK);
}

/**
 * Problems with the secrets of a production environment: a value copied from the repository (anyone could sign a
 * service token with it) or, for the gateway, one missing. Empty outside production.
 */
export function productionSecretProblems(env: Record<string, unknown>, options: { gateway: boolean }): SecretProblem[] {
  if (env.NODE_ENV !== 'production') return [];
  const problems: SecretProblem[] = [];
  for (const variable of SECRET_VARIABLES) {
    const value = env[variable];
    if (typeof value === 'string' && isDevelopmentSecret(value)) {
      problems.push({
        variable,
        message: "is the repository's development value: set a secret of your own in production",
      });
    }
  }
  for (const variable of options.gateway ? REQUIRED_BY_GATEWAY : []) {
    if (!env[variable]) problems.push({ variable, message: 'is required in production' });
  }
  if (options.gateway && env.PLATFORM_OWNERSHIP_CHECK === 'off') {
    problems.push({
      variable: 'PLATFORM_OWNERSHIP_CHECK',
      message: 'may be off in development only: in production anyone could claim any account',
    });
  }
  return problems;
}

export interface SecretProblem {
  variable: string;
  message: string;
}

/** A schema refinement that refuses a production environment with development or missing secrets. */
export function productionSecrets(options: { gateway: boolean }) {
  return (env: Record<string, unknown>, context: z.RefinementCtx): void => {
    for (const { variable, message } of productionSecretProblems(env, options)) {
      context.addIssue({ code: 'custom', path: [variable], message });
    }
  };
}
