import type { INestApplication } from '@nestjs/common';
import jwt from 'jsonwebtoken';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, testDatabase } from '../support/database.js';
import { Api } from '../support/http.js';
import { closeAll, startGateway, startWorkers } from '../support/in-process.js';
import { cozyComfortRequest } from '../support/seed.js';
import { readSse } from '../support/sse.js';
import { testEnv, TEST_JWT_SECRET, uniqueVendor } from '../support/test-env.js';
import { bearer, serviceToken, vendorToken } from '../support/tokens.js';
import { operationEnd } from '../support/operations.js';

const env = testEnv();
const db = testDatabase();
let gateway: INestApplication;
let workers: INestApplication[];
let api: Api;

beforeAll(async () => {
  ({ app: gateway, api } = await startGateway(env));
  workers = await startWorkers(env);
});

afterAll(async () => {
  await closeAll(workers);
  await gateway.close();
  await db.end();
});

function finished(operationId: string, token = serviceToken()) {
  return operationEnd(api, `/api/v1/provisioning/${operationId}`, 20_000, bearer(token));
}

describe('provisioning the seed agent', () => {
  it('answers 202 at once, then completes with the seed final shape', async () => {
    const vendor = uniqueVendor();
    const request = cozyComfortRequest(vendor, {
      channel_credentials: { whatsapp: { phone_number_id: `8${Date.now()}`, access_token: 'EAAG-whatsapp-secret' } },
    } as never);
    const accepted = await api.post('/api/v1/agents/provision', request, bearer(serviceToken()));
    expect(accepted.status).toBe(202);
    expect(accepted.body).toMatchObject({
      status: 'queued',
      provisioning_id: expect.any(String),
      agent_id: expect.any(String),
    });
    expect(accepted.body.status_url).toBe(`/api/v1/provisioning/${accepted.body.provisioning_id}`);

    const done = await finished(accepted.body.provisioning_id);
    expect(done.status).toBe('completed');
    expect(done.percent).toBe(100);
    expect(done.steps.map((step: { name: string; status: string }) => [step.name, step.status])).toEqual([
      ['aws_connect', 'completed'],
      ['elizaos', 'completed'],
      ['context', 'completed'],
      ['finalize', 'completed'],
    ]);
    expect(done.agent_config).toMatchObject({
      id: accepted.body.agent_id,
      name: 'Cozy Comfort Bedding',
      status: 'active',
      provisioning_complete: true,
    });
    const channels = Object.fromEntries(
      done.agent_config.channels.map((c: { channel_type: string }) => [c.channel_type, c]),
    );
    expect(Object.keys(channels)).toEqual(['voice', 'whatsapp', 'instagram', 'facebook', 'twitter']);
    expect(channels.voice.phone_number).toMatch(/^\+1\d{3}55501\d{2}$/);
    expect(channels.voice.aws_connect_instance_id).toMatch(/^arn:aws:connect:/);
    for (const social of ['whatsapp', 'instagram', 'facebook', 'twitter']) {
      expect(channels[social].elizaos_agent_id).toBe(channels.whatsapp.elizaos_agent_id);
    }
    // WhatsApp has its account; the others wait for theirs, and say what they need.
    expect(channels.whatsapp).toMatchObject({ status: 'active' });
    expect(channels.whatsapp).not.toHaveProperty('error');
    expect(channels.instagram).toMatchObject({
      status: 'pending_configuration',
      credentials_configured: false,
      error: expect.stringContaining(
        'channel_credentials.instagram.account_id and channel_credentials.instagram.access_token',
      ),
    });
    expect(channels.facebook.error).toContain('channel_credentials.facebook.page_id');
    expect(channels.twitter.error).toContain('channel_credentials.twitter.user_id');
    expect(channels.whatsapp.webhook_url).toMatch(/\/api\/v1\/webhooks\/meta$/);
    expect(channels.twitter.webhook_url).toMatch(/\/api\/v1\/webhooks\/twitter$/);
    expect(channels.whatsapp.credentials_configured).toBe(true);
    expect(JSON.stringify(done)).not.toContain('EAAG-whatsapp-secret');

    const agent = await api.get(`/api/v1/agents/${accepted.body.agent_id}`, bearer(vendorToken(vendor)));
    expect(agent.status).toBe(200);
    expect(agent.body).toMatchObject({ vendor_id: vendor, status: 'active', business_type: 'retail' });
    expect(JSON.stringify(agent.body)).not.toContain('EAAG-whatsapp-secret');

    const stored = await db.query(
      'SELECT credentials_ciphertext FROM agent_channels WHERE agent_id = $1 AND channel = $2',
      [accepted.body.agent_id, 'whatsapp'],
    );
    expect(stored.rows[0].credentials_ciphertext).toMatch(/^v2\.[0-9a-f]{12}\./);
    expect(stored.rows[0].credentials_ciphertext).not.toContain('EAAG-whatsapp-secret');

    const context = done.steps.find((step: { name: string }) => step.name === 'context');
    expect(context.detail).toMatch(/^\d+ facts from the business profile; each turn sees up to 20 earlier turns$/);
  });

  it('streams progress as Server-Sent Events and ends the stream when the operation ends', async () => {
    const vendor = uniqueVendor();
    const accepted = await api.post(
      '/api/v1/agents',
      { ...cozyComfortRequest(vendor).agent_config },
      bearer(vendorToken(vendor)),
    );
    expect(accepted.status).toBe(202);
    const { status, events } = await readSse(`${api.baseUrl}${accepted.body.events_url}`, bearer(vendorToken(vendor)));
    expect(status).toBe(200);
    const views = events.map((event) => JSON.parse(event.data));
    expect(events.every((event) => event.event === 'progress')).toBe(true);
    expect(views.at(-1)).toMatchObject({ status: 'completed', percent: 100 });
    expect(views.at(-1).agent_config.status).toBe('active');
    const percents = views.map((view) => view.percent);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
  });

  it('creates nothing new when a request is retried with the same Idempotency-Key', async () => {
    const vendor = uniqueVendor();
    const key = `retry-${vendor}`;
    const request = cozyComfortRequest(vendor);
    const headers = { ...bearer(serviceToken()), 'idempotency-key': key };
    const attempts = await Promise.all([1, 2, 3, 4].map(() => api.post('/api/v1/agents/provision', request, headers)));
    expect(attempts.map((attempt) => attempt.status)).toEqual([202, 202, 202, 202]);
    expect(new Set(attempts.map((attempt) => attempt.body.provisioning_id)).size).toBe(1);
    expect(new Set(attempts.map((attempt) => attempt.body.agent_id)).size).toBe(1);
    expect(attempts.filter((attempt) => attempt.headers.get('idempotent-replayed') === 'true')).toHaveLength(3);
    expect(await countRows(db, 'agents', 'vendor_id = $1', [vendor])).toBe(1);
    expect(await countRows(db, 'provisioning_operations', 'vendor_id = $1', [vendor])).toBe(1);

    // Same request, keys of its JSON in another order: still the same request.
    const reordered = JSON.stringify({ agent_config: request.agent_config, vendor_id: vendor });
    const again = await api.post('/api/v1/agents/provision', reordered, headers);
    expect(again.body.provisioning_id).toBe(attempts[0]!.body.provisioning_id);

    const changed = await api.post('/api/v1/agents/provision', cozyComfortRequest(vendor, { name: 'Other' }), headers);
    expect(changed.status).toBe(422);
    expect(changed.body.message).toMatch(/Idempotency-Key/);
    expect(await countRows(db, 'agents', 'vendor_id = $1', [vendor])).toBe(1);
  });

  it('refuses a platform account that already belongs to another agent with 409', async () => {
    const phoneNumberId = `9${Date.now()}`;
    const credentials = { whatsapp: { phone_number_id: phoneNumberId, access_token: 'token-one-12345' } };
    const first = await api.post(
      '/api/v1/agents/provision',
      cozyComfortRequest(uniqueVendor(), { channel_credentials: credentials } as never),
      bearer(serviceToken()),
    );
    expect(first.status).toBe(202);
    const vendor = uniqueVendor();
    const second = await api.post(
      '/api/v1/agents/provision',
      cozyComfortRequest(vendor, { channel_credentials: credentials } as never),
      bearer(serviceToken()),
    );
    expect(second.status).toBe(409);
    expect(second.body.fields[0].field).toBe('agent_config.channel_credentials.whatsapp');
    expect(await countRows(db, 'agents', 'vendor_id = $1', [vendor])).toBe(0);
  });
});

describe('bad input', () => {
  const invalidBodies: [string, (vendor: string) => unknown, string][] = [
    ['missing agent_config', (vendor) => ({ vendor_id: vendor }), 'agent_config'],
    ['empty channels', (vendor) => cozyComfortRequest(vendor, { channels: [] }), 'agent_config.channels'],
    [
      'unknown channel',
      (vendor) => cozyComfortRequest(vendor, { channels: ['voice', 'fax'] as never }),
      'agent_config.channels',
    ],
    ['repeated channel', (vendor) => cozyComfortRequest(vendor, { channels: ['sms', 'sms'] }), 'agent_config.channels'],
    [
      'bad business_type',
      (vendor) => cozyComfortRequest(vendor, { business_type: 'bakery' as never }),
      'agent_config.business_type',
    ],
    ['missing name', (vendor) => cozyComfortRequest(vendor, { name: undefined as never }), 'agent_config.name'],
    ['name of the wrong type', (vendor) => cozyComfortRequest(vendor, { name: 42 as never }), 'agent_config.name'],
    ['unknown top-level field', (vendor) => ({ ...cozyComfortRequest(vendor), priority: 'high' }), 'priority'],
    [
      'unknown nested field',
      (vendor) => cozyComfortRequest(vendor, { character_config: { tone: 'friendly', mood: 'x' } as never }),
      'agent_config.character_config.mood',
    ],
    [
      'credentials for a channel the agent lacks',
      (vendor) =>
        cozyComfortRequest(vendor, {
          channels: ['voice'],
          channel_credentials: { facebook: { page_id: '123', access_token: 'abcdefgh12' } },
        } as never),
      'agent_config.channel_credentials',
    ],
    [
      'credentials without a token',
      (vendor) => cozyComfortRequest(vendor, { channel_credentials: { whatsapp: { phone_number_id: '1' } } } as never),
      'agent_config.channel_credentials.whatsapp.access_token',
    ],
    [
      'negative price',
      (vendor) => cozyComfortRequest(vendor, { context: { products: [{ name: 'x', price: -1 }] } as never }),
      'agent_config.context.products.0.price',
    ],
    ['bad vendor_id', () => cozyComfortRequest('bad vendor id!'), 'vendor_id'],
    [
      'a voice agent in a language the engine does not speak on the phone',
      (vendor) => cozyComfortRequest(vendor, { channels: ['voice'], character_config: { language: 'ja' } }),
      'agent_config.character_config.language',
    ],
    [
      "a Polly voice of another language than the agent's",
      (vendor) => cozyComfortRequest(vendor, { character_config: { language: 'es', voice: 'Joanna' } }),
      'agent_config.character_config.voice',
    ],
  ];

  it.each(invalidBodies)('%s is a 400 naming the field and writes nothing', async (_case, body, field) => {
    const vendor = uniqueVendor();
    const response = await api.post('/api/v1/agents/provision', body(vendor), bearer(serviceToken()));
    expect(response.status).toBe(400);
    expect(response.body.statusCode).toBe(400);
    expect(response.body.fields.map((f: { field: string }) => f.field)).toContain(field);
    expect(response.body.message).toContain(field);
    expect(response.body.request_id).toEqual(expect.any(String));
    expect(await countRows(db, 'agents', 'vendor_id = $1', [vendor])).toBe(0);
  });

  it('answers malformed JSON with 400 and an oversized body with 413', async () => {
    const malformed = await api.post('/api/v1/agents/provision', '{"vendor_id": ', bearer(serviceToken()));
    expect(malformed.status).toBe(400);
    expect(malformed.body.message).toMatch(/not valid JSON/);
    const huge = cozyComfortRequest(uniqueVendor(), { description: 'x'.repeat(300_000) });
    const tooLarge = await api.post('/api/v1/agents/provision', huge, bearer(serviceToken()));
    expect(tooLarge.status).toBe(413);
  });

  it('asks a service token to name the vendor', async () => {
    const { vendor_id: _vendor, ...withoutVendor } = cozyComfortRequest(uniqueVendor());
    const response = await api.post('/api/v1/agents/provision', withoutVendor, bearer(serviceToken()));
    expect(response.status).toBe(400);
    expect(response.body.fields[0].field).toBe('vendor_id');
  });

  it('rejects an id that is not a UUID with 400 naming it', async () => {
    const response = await api.get('/api/v1/provisioning/not-a-uuid', bearer(serviceToken()));
    expect(response.status).toBe(400);
    expect(response.body.fields[0].field).toBe('id');
  });

  it('rejects a malformed Idempotency-Key', async () => {
    const vendor = uniqueVendor();
    const response = await api.post('/api/v1/agents/provision', cozyComfortRequest(vendor), {
      ...bearer(serviceToken()),
      'idempotency-key': 'x'.repeat(300),
    });
    expect(response.status).toBe(400);
    expect(response.body.fields[0].field).toBe('Idempotency-Key');
  });
});

describe('authentication and tenancy', () => {
  let operationId: string;
  let agentId: string;
  const owner = uniqueVendor();

  beforeAll(async () => {
    const accepted = await api.post('/api/v1/agents/provision', cozyComfortRequest(owner), bearer(vendorToken(owner)));
    ({ provisioning_id: operationId, agent_id: agentId } = accepted.body);
  });

  it('needs a valid, unexpired HS256 token', async () => {
    const path = `/api/v1/provisioning/${operationId}`;
    expect((await api.get(path)).status).toBe(401);
    expect((await api.get(path, { authorization: 'Basic abc' })).status).toBe(401);
    const forged = jwt.sign({ role: 'service' }, 'another-secret-of-sufficient-length-000', { expiresIn: 60 });
    expect((await api.get(path, bearer(forged))).status).toBe(401);
    const expired = jwt.sign({ role: 'service', exp: Math.floor(Date.now() / 1000) - 60 }, TEST_JWT_SECRET);
    const expiredResponse = await api.get(path, bearer(expired));
    expect(expiredResponse.status).toBe(401);
    expect(expiredResponse.body.message).toMatch(/expired/);
    const noneAlgorithm = jwt.sign({ role: 'service' }, '', { algorithm: 'none' });
    expect((await api.get(path, bearer(noneAlgorithm))).status).toBe(401);
    const noRole = jwt.sign({ sub: 'someone' }, TEST_JWT_SECRET, { expiresIn: 60 });
    expect((await api.get(path, bearer(noRole))).status).toBe(403);
  });

  it("hides another vendor's operation, agent and event stream behind 404", async () => {
    const stranger = bearer(vendorToken(uniqueVendor()));
    const status = await api.get(`/api/v1/provisioning/${operationId}`, stranger);
    expect(status.status).toBe(404);
    expect(JSON.stringify(status.body)).not.toContain(owner);
    expect((await api.get(`/api/v1/agents/${agentId}`, stranger)).status).toBe(404);
    const stream = await readSse(`${api.baseUrl}/api/v1/provisioning/${operationId}/events`, stranger, 5_000);
    expect(stream.status).toBe(404);
    expect((await api.get(`/api/v1/provisioning/${operationId}`, bearer(vendorToken(owner)))).status).toBe(200);
    expect((await api.get(`/api/v1/provisioning/${operationId}`, bearer(serviceToken()))).status).toBe(200);
  });

  it('forbids a vendor from provisioning for another vendor', async () => {
    const response = await api.post(
      '/api/v1/agents/provision',
      cozyComfortRequest(uniqueVendor()),
      bearer(vendorToken(owner)),
    );
    expect(response.status).toBe(403);
  });

  it('keeps probes, metrics and docs open', async () => {
    expect((await api.get('/health')).status).toBe(200);
    expect((await api.get('/health/ready')).body.info).toMatchObject({
      postgres: { status: 'up' },
      redis: { status: 'up' },
    });
    expect((await api.get('/metrics')).body).toContain('process_cpu_user_seconds_total');
    const openapi = await api.get('/docs/openapi.json');
    expect(openapi.status).toBe(200);
    expect(Object.keys(openapi.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/agents/provision',
        '/api/v1/agents',
        '/api/v1/agents/{id}',
        '/api/v1/provisioning/{id}',
        '/api/v1/provisioning/{id}/events',
      ]),
    );
  });
});
