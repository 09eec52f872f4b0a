import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isPlaceholderSecret, productionSecretProblems } from './production-secrets.js';

const own = () => ({
  JWT_SECRET_KEY: randomBytes(32).toString('hex'),
  CREDENTIALS_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
  WEBHOOK_SECRET: randomBytes(32).toString('hex'),
});

const problems = (env: Record<string, string>) =>
  productionSecretProblems({ NODE_ENV: 'production', ...env }, { gateway: true });

describe('production secrets', () => {
  it('accepts secrets someone generated', () => {
    expect(problems({ ...own(), META_APP_SECRET: randomBytes(16).toString('hex') })).toEqual([]);
  });

  it("refuses the Kubernetes example's placeholder and other templates' values, naming each", () => {
    expect(
      problems({
        ...own(),
        META_APP_SECRET: 'CHANGE-ME',
        META_VERIFY_TOKEN: 'change me please, this is only a placeholder',
        X_CONSUMER_SECRET: '<your-x-consumer-secret-goes-here-0123>',
        METRICS_TOKEN: 'x'.repeat(40),
      }).map(({ variable, message }) => `${variable} ${message}`),
    ).toEqual([
      "META_APP_SECRET looks like a template's placeholder: set a secret of your own in production",
      "META_VERIFY_TOKEN looks like a template's placeholder: set a secret of your own in production",
      "X_CONSUMER_SECRET looks like a template's placeholder: set a secret of your own in production",
      "METRICS_TOKEN looks like a template's placeholder: set a secret of your own in production",
    ]);
  });

  it('refuses every secret shorter than 32 characters', () => {
    expect(problems({ ...own(), META_VERIFY_TOKEN: 'k8Hq2LmZ9wPx4Tn' })).toEqual([
      {
        variable: 'META_VERIFY_TOKEN',
        message: 'must be at least 32 characters in production (e.g. openssl rand -hex 32)',
      },
    ]);
  });

  it('reads a base64 key as the phrase it may encode', () => {
    expect(isPlaceholderSecret(Buffer.from('please-change-me-32-byte-key!!!!').toString('base64'))).toBe(true);
    expect(isPlaceholderSecret(randomBytes(32).toString('base64'))).toBe(false);
  });

  it('asks nothing outside production', () => {
    expect(
      productionSecretProblems({ NODE_ENV: 'development', META_APP_SECRET: 'CHANGE-ME' }, { gateway: true }),
    ).toEqual([]);
  });
});
