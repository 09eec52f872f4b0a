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

/** The shortest secret production accepts: about 190 bits as hex, more as base64. */
export const MIN_PRODUCTION_SECRET_LENGTH = 32;

/** Words that mark a template's value rather than a secret (compared without case, dashes or spaces). */
const PLACEHOLDER_WORDS = [
  'changeme',
  'changeit',
  'placeholder',
  'replaceme',
  'example',
  'yoursecret',
  'yourtoken',
  'todo',
  'fixme',
  'redacted',
];

/** Fewer different characters than this and a value is a filler (`xxxx…`, `0000…`), not a secret. */
const MIN_DISTINCT_CHARACTERS = 8;

/** The value, and what it decodes to when it is base64 (a key given as base64 of a phrase). */
function readings(value: string): string[] {
  return [value, Buffer.from(value, 'base64').toString('latin1')].map((text) => text.toLowerCase());
}

export function isDevelopmentSecret(value: string): boolean {
  return readings(value).some((text) => text.includes(DEVELOPMENT_MARK));
}

/** A template's placeholder (`CHANGE-ME`, `<your-token>`, `xxxxxxxx`) rather than a secret someone generated. */
export function isPlaceholderSecret(value: string): boolean {
  const words = readings(value).map((text) => text.replace(/[^a-z0-9]/g, ''));
  return (
    /^<.*>$/.test(value.trim()) ||
    new Set(value).size < MIN_DISTINCT_CHARACTERS ||
    words.some((text) => PLACEHOLDER_WORDS.some((word) => text.includes(word)))
  );
}

/**
 * Problems with the secrets of a production environment: a value copied from the repository (anyone could sign a
 * service token with it), a template's placeholder, one shorter than 32 characters or, for the gateway, one missing.
 * Empty outside production.
 */
export function productionSecretProblems(env: Record<string, unknown>, options: { gateway: boolean }): SecretProblem[] {
  if (env.NODE_ENV !== 'production') return [];
  const problems: SecretProblem[] = [];
  for (const variable of SECRET_VARIABLES) {
    const value = env[variable];
    if (typeof value !== 'string') continue;
    if (isDevelopmentSecret(value)) {
      problems.push({
        variable,
        message: "is the repository's development value: set a secret of your own in production",
      });
    } else if (isPlaceholderSecret(value)) {
      problems.push({
        variable,
        message: "looks like a template's placeholder: set a secret of your own in production",
      });
    } else if (value.length < MIN_PRODUCTION_SECRET_LENGTH) {
      problems.push({
        variable,
        message: `must be at least ${MIN_PRODUCTION_SECRET_LENGTH} characters in production (e.g. openssl rand -hex 32)`,
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
