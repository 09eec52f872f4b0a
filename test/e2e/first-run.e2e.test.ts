import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../support/app-processes.js';
import { Api } from '../support/http.js';
import { testEnv, uniqueVendor } from '../support/test-env.js';
import { bearer, serviceToken, vendorToken } from '../support/tokens.js';
import { waitFor } from '../support/wait-for.js';

/**
 * A newcomer's first run: the README's quickstart block run as written against a running engine, the line the
 * engine prints when ready with its one-time dashboard link, and the voice Lambda's key a backend signs the spec's
 * Connect body with. The engine runs as `npm run dev` runs it: NODE_ENV=development.
 */

const run = promisify(execFile);
const WEBHOOK_SECRET = 'engine-webhook-secret-for-first-run-0123456789';
const env = testEnv({ NODE_ENV: 'development', LOG_FORMAT: 'json', WEBHOOK_SECRET });
let engine: Engine;
let announcer: ChildProcess | undefined;

beforeAll(async () => {
  engine = await Engine.start(env);
});

afterAll(async () => {
  announcer?.kill();
  await engine?.stop();
});

/** The block of README.md under the quickstart marker, as a person would paste it. */
function quickstartBlock(): string {
  const readme = readFileSync(resolve('README.md'), 'utf8');
  const match = /<!-- quickstart:[^>]*-->\n```sh\n([\s\S]*?)```/.exec(readme);
  if (!match) throw new Error('README.md has no quickstart block');
  return match[1]!;
}

/** The developer tools' environment: the engine's settings, as `.env` gives them on a developer's machine. */
const toolEnv = (): NodeJS.ProcessEnv => ({ ...process.env, ...env, VOCA_URL: engine.gatewayUrl });

describe('the README quickstart', () => {
  it('takes the spec’s agent from provisioning to answering a question, as written', async () => {
    const block = quickstartBlock();
    expect(block).toContain('npm run --silent token');
    expect(block).toContain('npm run --silent chat');
    // Only where the engine listens differs: the test's engine is on a free port, not 8008.
    const script = block.replaceAll('http://localhost:8008', engine.gatewayUrl);
    const { stdout } = await run('bash', ['-euo', 'pipefail', '-c', script], {
      cwd: resolve('.'),
      env: toolEnv(),
      timeout: 120_000,
    });
    expect(stdout).toMatch(/"name":"Cozy Comfort Bedding/);
    expect(stdout).toMatch(/Cozy Comfort Bedding.*> .*9 AM - 6 PM EST/);
  });

  it('npm run token mints a vendor token the API scopes, and refuses production', async () => {
    const vendor = uniqueVendor();
    const { stdout } = await run('npm', ['run', '--silent', 'token', '--', '--vendor', vendor], { env: toolEnv() });
    const agents = await new Api(engine.gatewayUrl, bearer(stdout.trim())).get('/api/v1/agents');
    expect(agents.status).toBe(200);
    expect(agents.body).toMatchObject({ total: 0, items: [] });
    const refused = await run('npm', ['run', '--silent', 'token'], {
      env: { ...toolEnv(), NODE_ENV: 'production' },
    }).catch((error: { code: number; stderr: string; stdout: string }) => error);
    expect(refused).toMatchObject({ code: 1, stdout: '' });
    expect(refused.stderr).toContain('refused under NODE_ENV=production');
  });
});

describe('the line printed when the engine is ready', () => {
  it('names the API and the docs, and its dashboard link opens the dashboard once, in a browser', async () => {
    const lines: string[] = [];
    announcer = spawn(process.execPath, [resolve('dist/libs/devtools/src/cli/announce-ready.js')], {
      env: {
        ...toolEnv(),
        VOCA_HEALTH_URLS: ['aws-connect-worker', 'elizaos-worker', 'context-service']
          .map((app) => engine.app(app as never).url)
          .join(','),
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    announcer.stdout!.on('data', (chunk: Buffer) => lines.push(...chunk.toString().split('\n').filter(Boolean)));
    const line = await waitFor(async () => lines[0], 'the ready line', 20_000);
    expect(line).toContain(`API ${engine.gatewayUrl}/api/v1`);
    expect(line).toContain(`docs ${engine.gatewayUrl}/docs`);
    const link = /queues (\S+\/admin\/queues\/login\?ticket=\S+)/.exec(line)?.[1];
    expect(link).toBeDefined();

    const redeemed = await fetch(link!, { redirect: 'manual' });
    expect(redeemed.status).toBe(303);
    expect(redeemed.headers.get('location')).toBe('/admin/queues/');
    const cookie = redeemed.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\/admin\/queues/);
    const session = cookie.split(';')[0]!;

    const dashboard = await fetch(`${engine.gatewayUrl}/admin/queues/`, { headers: { cookie: session } });
    expect(dashboard.status).toBe(200);
    expect(await dashboard.text()).toContain('<html');
    expect((await fetch(`${engine.gatewayUrl}/admin/queues/`)).status).toBe(401);
    // One time only; and neither the session nor the ticket is an API token.
    expect((await fetch(link!, { redirect: 'manual' })).status).toBe(401);
    const sessionToken = session.split('=')[1]!;
    const ticket = new URL(link!).searchParams.get('ticket')!;
    for (const token of [sessionToken, ticket])
      expect((await new Api(engine.gatewayUrl, bearer(token)).get('/api/v1/agents')).status).toBe(401);
    // An API token is not a ticket either.
    const forged = `${engine.gatewayUrl}/admin/queues/login?ticket=${serviceToken()}`;
    expect((await fetch(forged, { redirect: 'manual' })).status).toBe(401);
  });
});

describe("the voice Lambda's key", () => {
  it('is served to the service role, and signs the spec’s Connect body as the documentation says', async () => {
    const api = new Api(engine.gatewayUrl, bearer(serviceToken()));
    const accepted = await api.post(
      '/api/v1/agents/provision',
      JSON.parse(readFileSync(resolve('test/fixtures/spec/provision-request.json'), 'utf8')),
    );
    expect(accepted.status).toBe(202);
    const agentId: string = accepted.body.agent_id;
    await waitFor(
      async () => ((await api.get(`/api/v1/agents/${agentId}`)).body.status === 'active' ? true : undefined),
      'the agent to be active',
      60_000,
    );

    const vendor = new Api(engine.gatewayUrl, bearer(vendorToken(uniqueVendor())));
    expect((await vendor.get('/api/v1/webhook-keys/connect')).status).toBe(403);
    const served = await api.get('/api/v1/webhook-keys/connect');
    expect(served.status).toBe(200);
    expect(served.body).toMatchObject({
      webhook_url: 'http://localhost:8008/api/v1/webhooks/connect',
      webhook_key: expect.stringMatching(/^[0-9a-f]{64}$/),
    });

    // What `signing` says, computed here with node:crypto: sha256=<hex HMAC-SHA256(key, "<timestamp>.<raw body>")>.
    expect(served.body.signing).toContain('sha256=<hex HMAC-SHA256(webhook_key, "<timestamp>.<raw body>")>');
    const post = (key: string) => {
      const body = JSON.stringify({ agent_id: agentId, message: 'What are your store hours?', channel: 'voice' });
      const timestamp = String(Math.floor(Date.now() / 1000));
      const signature = createHmac('sha256', key).update(`${timestamp}.${body}`).digest('hex');
      return fetch(`${engine.gatewayUrl}/api/v1/webhooks/connect`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-voca-timestamp': timestamp,
          'x-voca-signature': `sha256=${signature}`,
        },
        body,
      });
    };
    const answered = await post(served.body.webhook_key);
    expect(answered.status).toBe(200);
    expect(await answered.json()).toMatchObject({
      agent_id: agentId,
      channel: 'voice',
      tts_ready: true,
      message: expect.stringContaining('9 AM - 6 PM EST'),
    });
    expect((await post('0'.repeat(64))).status).toBe(401);
  });
});
