import { describe, expect, it } from 'vitest';
import { contextServiceEnvSchema, elizaosWorkerEnvSchema, gatewayEnvSchema } from './env-schemas.js';
import { ConfigValidationError, validateEnv } from './validate-env.js';

const valid = {
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/voca',
  REDIS_URL: 'redis://127.0.0.1:6379',
  JWT_SECRET_KEY: 'x'.repeat(32),
  CREDENTIALS_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
};

function problemsOf(env: Record<string, string>): string[] {
  try {
    validateEnv(gatewayEnvSchema, env);
  } catch (error) {
    if (error instanceof ConfigValidationError) return error.problems;
    throw error;
  }
  return [];
}

describe('validateEnv', () => {
  it('parses and defaults a valid environment', () => {
    const env = validateEnv(gatewayEnvSchema, { ...valid, PORT: '9000' });
    expect(env.PORT).toBe(9000);
    expect(env.QUEUE_PREFIX).toBe('{voca}');
    expect(env.STEP_ATTEMPTS).toBe(5);
  });

  it('names every missing variable', () => {
    const { JWT_SECRET_KEY: _jwt, REDIS_URL: _redis, ...rest } = valid;
    expect(problemsOf(rest)).toEqual(['REDIS_URL is required', 'JWT_SECRET_KEY is required']);
  });

  it('names malformed variables with what is wrong', () => {
    const problems = problemsOf({
      ...valid,
      PORT: 'eighty',
      DATABASE_URL: 'mysql://x',
      QUEUE_PREFIX: 'voca',
      CREDENTIALS_ENCRYPTION_KEY: 'c2hvcnQ=',
      JWT_SECRET_KEY: 'short',
    });
    expect(problems).toHaveLength(5);
    expect(problems.join('\n')).toMatch(/^PORT /m);
    expect(problems).toContain('DATABASE_URL must be a postgres:// URL');
    expect(problems).toContain('QUEUE_PREFIX must be a hash tag such as {voca}');
    expect(problems).toContain('CREDENTIALS_ENCRYPTION_KEY must be base64 of exactly 32 bytes');
    expect(problems).toContain('JWT_SECRET_KEY must be at least 32 characters');
  });

  it('never echoes a secret value in its message', () => {
    const secret = 'not-long-enough-secret';
    expect(problemsOf({ ...valid, JWT_SECRET_KEY: secret }).join('\n')).not.toContain(secret);
  });

  it('asks the elizaos-worker for the credentials key only when it makes platform subscriptions', () => {
    const { JWT_SECRET_KEY: _jwt, CREDENTIALS_ENCRYPTION_KEY: _key, ...worker } = valid;
    expect(validateEnv(elizaosWorkerEnvSchema, worker).PLATFORM_SUBSCRIPTIONS).toBe('off');
    expect(() => validateEnv(elizaosWorkerEnvSchema, { ...worker, PLATFORM_SUBSCRIPTIONS: 'live' })).toThrow(
      /CREDENTIALS_ENCRYPTION_KEY is required when PLATFORM_SUBSCRIPTIONS is live/,
    );
    expect(() => validateEnv(elizaosWorkerEnvSchema, { ...worker, X_WEBHOOK_ID: 'abc' })).toThrow(
      /X_WEBHOOK_ID must be the numeric webhook id/,
    );
  });

  describe('worker roles', () => {
    const { JWT_SECRET_KEY: _jwt, ...worker } = valid;
    const problems = (env: Record<string, string>) => {
      try {
        validateEnv(contextServiceEnvSchema, { ...worker, ...env });
        return [];
      } catch (error) {
        return (error as ConfigValidationError).problems;
      }
    };

    it('reads the queues a process consumes and their concurrency; unset or empty means all, at the default', () => {
      const env = validateEnv(contextServiceEnvSchema, {
        ...worker,
        WORKER_QUEUES: ' inbound, conversations ,inbound',
        WORKER_QUEUE_CONCURRENCY: 'inbound=50, conversations = 20',
      });
      expect(env.WORKER_QUEUES).toEqual(['inbound', 'conversations']);
      expect(env.WORKER_QUEUE_CONCURRENCY).toEqual({ inbound: 50, conversations: 20 });
      const all = validateEnv(contextServiceEnvSchema, { ...worker, WORKER_QUEUES: '', WORKER_QUEUE_CONCURRENCY: '' });
      expect(all.WORKER_QUEUES).toBeUndefined();
      expect(all.WORKER_QUEUE_CONCURRENCY).toBeUndefined();
    });

    it("refuses queues another app consumes, unknown ones and malformed concurrency, naming the app's queues", () => {
      expect(problems({ WORKER_QUEUES: 'inbound,messages' })).toEqual([
        'WORKER_QUEUES names messages: this app consumes context, provisioning, inbound, conversations, knowledge',
      ]);
      expect(problems({ WORKER_QUEUES: ' , ' })).toEqual(['WORKER_QUEUES must name at least one queue']);
      expect(problems({ WORKER_QUEUE_CONCURRENCY: 'inbound:50' })).toEqual([
        'WORKER_QUEUE_CONCURRENCY must be queue=number pairs such as inbound=50,conversations=20',
      ]);
      expect(problems({ WORKER_QUEUE_CONCURRENCY: 'inbound=0' })).toHaveLength(1);
      expect(problems({ WORKER_QUEUE_CONCURRENCY: 'aws-connect=5' })[0]).toMatch(/^WORKER_QUEUE_CONCURRENCY/);
      expect(() => validateEnv(elizaosWorkerEnvSchema, { ...worker, WORKER_QUEUES: 'messages' })).not.toThrow();
    });
  });
});
