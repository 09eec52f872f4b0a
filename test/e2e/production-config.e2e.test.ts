import { parseEnv } from 'node:util';
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { APPS, AppProcess, freePort } from '../support/app-processes.js';
import { testEnv } from '../support/test-env.js';

/**
 * Production never runs on the repository's secrets: each app, started as a process the way the compose file starts
 * it (NODE_ENV=production), refuses the values of `.env.example` and names each one; the gateway also refuses to
 * start without its secrets, and keeps /metrics from the internet unless METRICS_TOKEN is set.
 */

const example = parseEnv(readFileSync('.env.example', 'utf8')) as Record<string, string>;
const started: AppProcess[] = [];

afterAll(async () => {
  await Promise.all(started.map((app) => app.stop()));
});

/** The test environment (its own database and Redis), in production mode, with the given secrets. */
function productionEnv(secrets: Record<string, string>): Record<string, string> {
  const { JWT_SECRET_KEY: _jwt, CREDENTIALS_ENCRYPTION_KEY: _key, ...base } = testEnv();
  return { ...base, NODE_ENV: 'production', PLATFORM_OWNERSHIP_CHECK: 'live', ...secrets };
}

async function exitOf(app: (typeof APPS)[number], env: Record<string, string>) {
  const process = AppProcess.spawn(app, env, await freePort());
  started.push(process);
  const status = await process.waitForExit();
  return { status, log: process.log() };
}

const ownSecrets = () => ({
  JWT_SECRET_KEY: randomBytes(32).toString('hex'),
  CREDENTIALS_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
  WEBHOOK_SECRET: randomBytes(32).toString('hex'),
});

describe('a production start', () => {
  it.each(APPS)('of %s refuses every secret copied from .env.example, naming each', async (app) => {
    const secrets = Object.fromEntries(
      [
        'JWT_SECRET_KEY',
        'CREDENTIALS_ENCRYPTION_KEY',
        'WEBHOOK_SECRET',
        'META_APP_SECRET',
        'META_VERIFY_TOKEN',
        'X_CONSUMER_SECRET',
      ].map((name) => [name, example[name]!]),
    );
    expect(Object.values(secrets).every(Boolean)).toBe(true);
    const { status, log } = await exitOf(app, productionEnv(secrets));
    expect(status.code).toBe(1);
    // Each app reads some of them; whichever it reads is named.
    expect(log).toMatch(
      /(JWT_SECRET_KEY|CREDENTIALS_ENCRYPTION_KEY|WEBHOOK_SECRET) is the repository's development value/,
    );
    if (app === 'api-gateway') {
      for (const name of Object.keys(secrets)) expect(log).toContain(`${name} is the repository's development value`);
    }
  });

  it("of the gateway refuses the Kubernetes example's placeholders and short secrets, naming each", async () => {
    const { status, log } = await exitOf(
      'api-gateway',
      productionEnv({ ...ownSecrets(), META_APP_SECRET: 'CHANGE-ME', X_CONSUMER_SECRET: 'a-real-but-short-secret' }),
    );
    expect(status.code).toBe(1);
    expect(log).toContain("META_APP_SECRET looks like a template's placeholder");
    expect(log).toContain('X_CONSUMER_SECRET must be at least 32 characters in production');
  });

  it('of the gateway refuses to skip the proof of account ownership', async () => {
    const { status, log } = await exitOf(
      'api-gateway',
      productionEnv({ ...ownSecrets(), PLATFORM_OWNERSHIP_CHECK: 'off' }),
    );
    expect(status.code).toBe(1);
    expect(log).toContain('PLATFORM_OWNERSHIP_CHECK may be off in development only');
  });

  it('of the gateway refuses a missing WEBHOOK_SECRET', async () => {
    const { WEBHOOK_SECRET: _missing, ...secrets } = ownSecrets();
    const { status, log } = await exitOf('api-gateway', productionEnv(secrets));
    expect(status.code).toBe(1);
    expect(log).toContain('WEBHOOK_SECRET is required in production');
  });

  it('with secrets of its own runs, and the gateway serves /metrics only with METRICS_TOKEN', async () => {
    const gateway = AppProcess.spawn('api-gateway', productionEnv(ownSecrets()), await freePort());
    started.push(gateway);
    await gateway.ready();
    const closed = await fetch(`${gateway.url}/metrics`);
    expect(closed.status).toBe(403);
    expect(((await closed.json()) as { message: string }).message).toContain('METRICS_TOKEN');
    await gateway.stop();

    const token = randomBytes(16).toString('hex');
    const scraped = AppProcess.spawn(
      'api-gateway',
      productionEnv({ ...ownSecrets(), METRICS_TOKEN: token }),
      await freePort(),
    );
    started.push(scraped);
    await scraped.ready();
    expect((await fetch(`${scraped.url}/metrics`)).status).toBe(401);
    expect((await fetch(`${scraped.url}/metrics`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
  });
});
