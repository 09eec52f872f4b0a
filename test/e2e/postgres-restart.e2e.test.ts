import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../support/app-processes.js';
import { Api } from '../support/http.js';
import { postSignedWebhook, provisionSpecAgent } from '../support/engine-webhooks.js';
import { PrivatePostgres } from '../support/private-postgres.js';
import { testEnv } from '../support/test-env.js';
import { bearer, serviceToken } from '../support/tokens.js';
import { waitFor } from '../support/wait-for.js';

/** The four apps on a Postgres of the test's own, crashed and restarted under them. */

const WEBHOOK_SECRET = 'postgres-restart-webhook-secret-0123456789';
let postgres: PrivatePostgres;
let engine: Engine;
let api: Api;
let agentId: string;

beforeAll(async () => {
  postgres = await PrivatePostgres.start();
  engine = await Engine.start(
    testEnv({ DATABASE_URL: postgres.urlOf('voca_chaos'), WEBHOOK_SECRET, DATABASE_CONNECT_TIMEOUT_MS: '1000' }),
  );
  api = new Api(engine.gatewayUrl, bearer(serviceToken()));
  const done = await provisionSpecAgent(api, ['voice']);
  expect(done.status).toBe('completed');
  agentId = done.agent_id;
}, 120_000);

afterAll(async () => {
  await engine?.stop();
  postgres?.stop();
});

function voiceTurn(message: string) {
  return postSignedWebhook(
    engine.gatewayUrl,
    '/api/v1/webhooks/connect',
    { agent_id: agentId, message, channel: 'voice' },
    WEBHOOK_SECRET,
  );
}

describe('a Postgres crash under the running engine', () => {
  it('answers 503 while it is away, never 500, and works again once it is back', { timeout: 90_000 }, async () => {
    expect((await voiceTurn('What time are you open?')).body.message).toContain('9 AM - 6 PM EST');

    postgres.crash();
    const turn = await voiceTurn('What time are you open?');
    expect(turn.status).toBe(503);
    expect(turn.retryAfter).toBe('2');
    expect(turn.body).toMatchObject({ statusCode: 503, message: expect.stringContaining('database') });
    const read = await api.get(`/api/v1/agents/${agentId}`);
    expect(read.status).toBe(503);
    await waitFor(
      async () => ((await fetch(`${engine.gatewayUrl}/health/ready`)).status === 503 ? true : undefined),
      'not ready',
    );
    for (const app of engine.apps.values()) expect(app.child.exitCode, `${app.name} is still running`).toBeNull();

    postgres.resume();
    for (const app of engine.apps.values()) await app.ready(30_000);
    expect((await api.get(`/api/v1/agents/${agentId}`)).status).toBe(200);
    expect((await voiceTurn('Do you take returns?')).body.message).toContain('30-day returns');
  });
});
