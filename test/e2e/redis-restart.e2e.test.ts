import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../support/app-processes.js';
import { Api } from '../support/http.js';
import { postSignedWebhook, provisionSpecAgent } from '../support/engine-webhooks.js';
import { PrivateRedis } from '../support/private-redis.js';
import { specExample } from '../support/spec-examples.js';
import { testEnv } from '../support/test-env.js';
import { bearer, serviceToken } from '../support/tokens.js';
import { waitFor } from '../support/wait-for.js';
import { checkedFetch } from '../support/openapi-contract.js';

/** The four apps on a Redis of the test's own, restarted under them. */

const WEBHOOK_SECRET = 'redis-restart-webhook-secret-0123456789';
const GRACE_MS = 4_000;
/** SHUTDOWN_MARGIN_MS of @voca/bootstrap, plus the time a process takes to start exiting. */
const MARGIN_MS = 5_000 + 1_500;
let redis: PrivateRedis;
let engine: Engine;
let api: Api;
let agentId: string;

beforeAll(async () => {
  redis = await PrivateRedis.start();
  engine = await Engine.start(testEnv({ REDIS_URL: redis.url, WEBHOOK_SECRET, SHUTDOWN_GRACE_MS: String(GRACE_MS) }));
  api = new Api(engine.gatewayUrl, bearer(serviceToken()));
  const done = await provisionSpecAgent(api, ['voice']);
  expect(done.status).toBe('completed');
  agentId = done.agent_id;
}, 120_000);

afterAll(async () => {
  await engine?.stop();
  await redis?.stop();
});

async function voiceTurn(message: string) {
  const turn = await postSignedWebhook(
    engine.gatewayUrl,
    '/api/v1/webhooks/connect',
    { agent_id: agentId, message, channel: 'voice' },
    WEBHOOK_SECRET,
  );
  return turn.body as { message: string };
}

const readiness = async (url: string) => (await fetch(`${url}/health/ready`)).status;

describe('a Redis restart under the running engine', () => {
  it(
    'is reported by readiness while Redis is away, and voice turns are answered normally afterwards',
    { timeout: 90_000 },
    async () => {
      expect((await voiceTurn('What time are you open?')).message).toContain('9 AM - 6 PM EST');

      await redis.crash();
      await waitFor(
        async () => ((await readiness(engine.gatewayUrl)) === 503 ? true : undefined),
        'the gateway to report not ready',
      );
      await redis.resume();
      for (const app of engine.apps.values()) await app.ready(30_000);
      const ready = (await (await fetch(`${engine.gatewayUrl}/health/ready`)).json()) as { info: object };
      expect(ready.info).toMatchObject({ redis: { status: 'up' }, events: { status: 'up' } });

      // The gateway hears replies again: the turn gets the agent's answer, not the fallback.
      expect((await voiceTurn('What time are you open?')).message).toContain('9 AM - 6 PM EST');
      expect((await voiceTurn('Do you take returns?')).message).toContain('30-day returns');
    },
  );

  it(
    'lets every app exit within its shutdown bound with Redis gone and an event stream open',
    { timeout: 90_000 },
    async () => {
      // An operation that never ends while Redis is away keeps its event stream open.
      const request = specExample('provision-request');
      request.agent_config.channels = ['sms'];
      const accepted = await api.post('/api/v1/agents/provision', request);
      const stream = await checkedFetch(`${engine.gatewayUrl}${accepted.body.events_url}`, {
        headers: bearer(serviceToken()),
      });
      expect(stream.status).toBe(200);
      const reading = stream.body!.getReader();
      await reading.read();

      await redis.crash();
      const stops = [...engine.apps.values()].map(async (app) => {
        const started = Date.now();
        const exit = await app.stop(60_000);
        return { app: app.name, ms: Date.now() - started, exit };
      });
      const times = await Promise.all(stops);
      console.log(
        'shutdown with Redis gone:',
        times.map(({ app, ms, exit }) => `${app} ${ms} ms (${exit.signal ?? exit.code})`).join(', '),
      );
      for (const { app, ms } of times) expect(ms, app).toBeLessThan(GRACE_MS + MARGIN_MS);
      await reading.cancel().catch(() => undefined);
    },
  );
});
