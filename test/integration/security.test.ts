import type { INestApplication } from '@nestjs/common';
import { connectLambdaKey, signEngineWebhook } from '@voca/channels';
import jwt from 'jsonwebtoken';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Api } from '../support/http.js';
import { closeAll, startGateway } from '../support/in-process.js';
import { PrivateRedis } from '../support/private-redis.js';
import { cozyComfortRequest } from '../support/seed.js';
import { TEST_JWT_SECRET, testEnv, uniqueVendor } from '../support/test-env.js';
import { bearer, serviceToken, vendorToken } from '../support/tokens.js';

/**
 * The gateway's edge against someone who is not the backend or a platform: forged X deliveries through the CRC
 * route, tokens that never expire or outlive their maximum age, a token holding streams open without bound, a
 * rate limit that fails open when Redis is away, a public /metrics, and platform ids that walk API paths.
 */

const X_SECRET = 'security-x-consumer-secret';
const WEBHOOK_SECRET = 'security-webhook-master-secret-0123456789';
const METRICS_TOKEN = 'metrics-scrape-token-0123456789';
const apps: INestApplication[] = [];
let api: Api;

beforeAll(async () => {
  const gateway = await startGateway(
    testEnv({
      X_CONSUMER_SECRET: X_SECRET,
      SSE_STREAMS_PER_TOKEN: '2',
      JWT_MAX_AGE_S: '3600',
      METRICS_TOKEN,
      WEBHOOK_SECRET,
      ELIZAOS_WEBHOOK_DEADLINE_MS: '200',
    }),
  );
  apps.push(gateway.app);
  api = gateway.api;
});

afterAll(async () => {
  await closeAll(apps);
});

const now = () => Math.floor(Date.now() / 1000);
const someAgent = () => `/api/v1/agents/${randomUUID()}`;

describe('the X CRC route', () => {
  it('signs only what X sends as a token, never a body that could be posted as a delivery', async () => {
    const forged = JSON.stringify({ for_user_id: '1', direct_message_events: [] });
    const refused = await api.get(`/api/v1/webhooks/twitter?crc_token=${encodeURIComponent(forged)}`);
    expect(refused.status).toBe(400);
    expect(refused.body.fields).toEqual([
      { field: 'crc_token', messages: [expect.stringContaining('the token X sends')] },
    ]);
    expect(JSON.stringify(refused.body)).not.toContain('sha256=');

    const answered = await api.get('/api/v1/webhooks/twitter?crc_token=NDg4NDM2OTQ5NjE2NjIzNDI4NTU');
    expect(answered.status).toBe(200);
    expect(answered.body.response_token).toMatch(/^sha256=[A-Za-z0-9+/]+=*$/);
  });

  it('answers one address at most 20 times a minute, whatever X-Forwarded-For it claims', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++)
      statuses.push(
        (
          await api.get(`/api/v1/webhooks/twitter?crc_token=crc-token-${String(i).padStart(4, '0')}`, {
            'x-forwarded-for': `203.0.113.${i}`,
          })
        ).status,
      );
    expect(statuses.filter((status) => status === 200).length).toBeLessThanOrEqual(20);
    const limited = await api.get('/api/v1/webhooks/twitter?crc_token=crc-token-last');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('counts by the forwarded address only behind a proxy named in TRUST_PROXY', async () => {
    const proxied = await startGateway(testEnv({ X_CONSUMER_SECRET: X_SECRET, TRUST_PROXY: 'loopback' }));
    apps.push(proxied.app);
    const crc = (client: string, i: number) =>
      proxied.api.get(`/api/v1/webhooks/twitter?crc_token=crc-token-${String(i).padStart(4, '0')}`, {
        'x-forwarded-for': client,
      });
    for (let i = 0; i < 21; i++) await crc('198.51.100.7', i);
    expect((await crc('198.51.100.7', 99)).status).toBe(429);
    expect((await crc('198.51.100.8', 99)).status).toBe(200);
  });
});

describe('tokens', () => {
  const sign = (claims: object, options: jwt.SignOptions = {}) =>
    jwt.sign({ role: 'service', sub: 'backend', ...claims }, TEST_JWT_SECRET, options);

  it('must expire: a token without exp is refused', async () => {
    const refused = await api.get(someAgent(), bearer(sign({})));
    expect(refused.status).toBe(401);
    expect(refused.body.message).toMatch(/exp and iat/);
  });

  it('may live at most JWT_MAX_AGE_S: neither valid for longer, nor issued longer ago', async () => {
    const longLived = await api.get(someAgent(), bearer(sign({}, { expiresIn: 7200 })));
    expect(longLived.status).toBe(401);
    expect(longLived.body.message).toMatch(/JWT_MAX_AGE_S/);
    const old = await api.get(someAgent(), bearer(sign({ iat: now() - 7200, exp: now() + 60 })));
    expect(old.status).toBe(401);
    expect(old.body.message).toMatch(/too long ago/);
    expect((await api.get(someAgent(), bearer(sign({}, { expiresIn: 600 })))).status).toBe(404);
  });

  it('may not be issued in the future, beyond a little clock skew', async () => {
    const ahead = await api.get(someAgent(), bearer(sign({ iat: now() + 3600, exp: now() + 3700 })));
    expect(ahead.status).toBe(401);
    expect(ahead.body.message).toBe('the token was issued in the future (iat)');
    const skewed = await api.get(someAgent(), bearer(sign({ iat: now() + 10, exp: now() + 600 })));
    expect(skewed.status).toBe(404);
  });

  it('must name the configured issuer and audience', async () => {
    const strict = await startGateway(
      testEnv({ JWT_ISSUER: 'https://backend.voca.example', JWT_AUDIENCE: 'voca-engine' }),
    );
    apps.push(strict.app);
    const unnamed = await strict.api.get(someAgent(), bearer(sign({}, { expiresIn: 600 })));
    expect(unnamed.status).toBe(401);
    const otherIssuer = await strict.api.get(
      someAgent(),
      bearer(sign({}, { expiresIn: 600, issuer: 'https://elsewhere.example', audience: 'voca-engine' })),
    );
    expect(otherIssuer.status).toBe(401);
    expect(otherIssuer.body.message).toMatch(/iss/);
    const named = await strict.api.get(
      someAgent(),
      bearer(sign({}, { expiresIn: 600, issuer: 'https://backend.voca.example', audience: 'voca-engine' })),
    );
    expect(named.status).toBe(404);
  });
});

describe('event streams', () => {
  it('are capped per token: beyond SSE_STREAMS_PER_TOKEN the next is 429 until one ends', async () => {
    const vendor = uniqueVendor();
    const owner = bearer(vendorToken(vendor));
    // No workers run here: the operation stays queued and its stream open.
    const accepted = await api.post(
      '/api/v1/agents/provision',
      cozyComfortRequest(vendor, { channels: ['voice'] }),
      owner,
    );
    expect(accepted.status).toBe(202);
    const open = () => {
      const abort = new AbortController();
      const response = fetch(`${api.baseUrl}${accepted.body.events_url}`, {
        headers: { accept: 'text/event-stream', ...owner },
        signal: abort.signal,
      });
      return { abort, response };
    };
    const first = open();
    const second = open();
    expect((await first.response).status).toBe(200);
    expect((await second.response).status).toBe(200);
    const third = open();
    const refused = await third.response;
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBeTruthy();
    // Another token has a budget of its own.
    const other = await fetch(`${api.baseUrl}${accepted.body.events_url}`, {
      headers: { accept: 'text/event-stream', ...bearer(serviceToken()) },
      signal: AbortSignal.timeout(2_000),
    }).catch(() => undefined);
    expect(other?.status).toBe(200);

    first.abort.abort();
    await new Promise((resolve) => setTimeout(resolve, 300));
    const fourth = open();
    expect((await fourth.response).status).toBe(200);
    second.abort.abort();
    fourth.abort.abort();
  });
});

describe('/metrics', () => {
  it('needs METRICS_TOKEN when one is set', async () => {
    expect((await fetch(`${api.baseUrl}/metrics`)).status).toBe(401);
    expect(
      (await fetch(`${api.baseUrl}/metrics`, { headers: { authorization: 'Bearer wrong-token-0123456789' } })).status,
    ).toBe(401);
    const scraped = await fetch(`${api.baseUrl}/metrics`, { headers: bearer(METRICS_TOKEN) });
    expect(scraped.status).toBe(200);
    expect(await scraped.text()).toContain('process_cpu_user_seconds_total');
  });
});

describe('platform ids', () => {
  it.each([
    ['whatsapp', { phone_number_id: '..', access_token: 'EAAG-token-0001' }, 'phone_number_id'],
    [
      'whatsapp',
      { phone_number_id: '1065', business_account_id: '../me', access_token: 'EAAG-token-0001' },
      'business_account_id',
    ],
    ['facebook', { page_id: '../../me/accounts', access_token: 'EAAG-token-0002' }, 'page_id'],
    ['instagram', { account_id: 'ig.account', access_token: 'EAAG-token-0003' }, 'account_id'],
    ['twitter', { user_id: '12.34', access_token: 'x-user-token-4' }, 'user_id'],
  ])("refuses a %s id that is not the platform's numeric id (%s)", async (channel, credentials, field) => {
    const request = cozyComfortRequest(uniqueVendor(), {
      channels: ['voice', channel] as never,
      channel_credentials: { [channel]: credentials } as never,
    });
    const refused = await api.post('/api/v1/agents/provision', request, bearer(serviceToken()));
    expect(refused.status).toBe(400);
    expect(refused.body.fields.map((f: { field: string }) => f.field)).toContain(
      `agent_config.channel_credentials.${channel}.${field}`,
    );
  });
});

describe("the engine's own webhooks", () => {
  const postSigned = async (path: string, payload: Record<string, unknown>, key: string) => {
    const body = JSON.stringify(payload);
    const response = await fetch(`${api.baseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...signEngineWebhook(body, key) },
      body,
    });
    return { status: response.status, body: (await response.json()) as Record<string, any> };
  };
  const message = (agentId: string) => ({
    platform: 'whatsapp',
    agent_id: agentId,
    message: 'Are you open?',
    user_id: `u${Date.now()}${Math.random()}`,
  });

  it("take each agent's own key: another agent's, the Lambda's or the master secret are refused; a rotation voids the old key", async () => {
    const vendor = uniqueVendor();
    const owner = bearer(vendorToken(vendor));
    const provision = async () =>
      (
        await api.post(
          '/api/v1/agents/provision',
          cozyComfortRequest(vendor, { channels: ['voice', 'whatsapp'] }),
          owner,
        )
      ).body.agent_id as string;
    const [first, second] = [await provision(), await provision()];
    const keyOf = async (agentId: string) => (await api.get(`/api/v1/agents/${agentId}/webhook-key`, owner)).body;
    const firstKey = await keyOf(first);
    expect(firstKey).toMatchObject({
      agent_id: first,
      key_version: 1,
      webhook_key: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect((await api.get(`/api/v1/agents/${first}/webhook-key`, bearer(vendorToken(uniqueVendor())))).status).toBe(
      404,
    );

    const generic = '/api/v1/webhooks/elizaos';
    expect((await postSigned(generic, message(first), firstKey.webhook_key)).status).not.toBe(401);
    expect((await postSigned(generic, message(first), (await keyOf(second)).webhook_key)).status).toBe(401);
    expect((await postSigned(generic, message(first), connectLambdaKey(WEBHOOK_SECRET))).status).toBe(401);
    expect((await postSigned(generic, message(first), WEBHOOK_SECRET)).status).toBe(401);
    const unnamed = await postSigned(
      generic,
      { platform: 'whatsapp', message: 'hi', user_id: '1' },
      firstKey.webhook_key,
    );
    expect(unnamed.status).toBe(400);
    expect(unnamed.body.fields[0].field).toBe('agent_id');

    // The Lambda's key signs Connect turns only, and an agent's key cannot sign them.
    const turn = { agent_id: first, message: 'Are you open?', channel: 'voice' };
    expect((await postSigned('/api/v1/webhooks/connect', turn, firstKey.webhook_key)).status).toBe(401);
    expect((await postSigned('/api/v1/webhooks/connect', turn, connectLambdaKey(WEBHOOK_SECRET))).status).not.toBe(401);

    const rotated = await api.post(`/api/v1/agents/${first}/webhook-key/rotate`, {}, owner);
    expect(rotated.status).toBe(200);
    expect(rotated.body.key_version).toBe(2);
    expect(rotated.body.webhook_key).not.toBe(firstKey.webhook_key);
    expect((await postSigned(generic, message(first), firstKey.webhook_key)).status).toBe(401);
    expect((await postSigned(generic, message(first), rotated.body.webhook_key)).status).not.toBe(401);
    const audit = await api.get(`/api/v1/agents/${first}/audit`, owner);
    expect(JSON.stringify(audit.body)).toContain('webhook_key_rotated');
    expect(JSON.stringify(audit.body)).not.toContain(rotated.body.webhook_key);
  });
});

describe('the request limit while Redis is away', () => {
  it('still limits: each replica counts on its own instead of letting everything through', async () => {
    const redis = await PrivateRedis.start();
    try {
      const gateway = await startGateway(testEnv({ REDIS_URL: redis.url, RATE_LIMIT_PER_MINUTE: '3' }));
      apps.push(gateway.app);
      const token = bearer(vendorToken(uniqueVendor()));
      await redis.crash();
      await new Promise((resolve) => setTimeout(resolve, 300));
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) statuses.push((await gateway.api.get(someAgent(), token)).status);
      expect(statuses.slice(0, 3)).toEqual([404, 404, 404]);
      expect(statuses.slice(3)).toEqual([429, 429]);
    } finally {
      await redis.stop();
    }
  });
});
