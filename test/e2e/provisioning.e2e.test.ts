import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../support/app-processes.js';
import { Api } from '../support/http.js';
import { cozyComfortRequest } from '../support/seed.js';
import { readSse } from '../support/sse.js';
import { testEnv, uniqueVendor } from '../support/test-env.js';
import { bearer, serviceToken, vendorToken } from '../support/tokens.js';

let engine: Engine;
let api: Api;

beforeAll(async () => {
  engine = await Engine.start(testEnv({ SIMULATE_LATENCY_MS: '120', LOG_LEVEL: 'info' }));
  api = new Api(engine.gatewayUrl);
});

afterAll(async () => {
  await engine?.stop();
});

const ORDER = ['queued', 'in_progress', 'completed'];

describe('the engine as four processes, driven over HTTP only', () => {
  it('provisions the seed agent on every channel: queued, in progress, completed, with the seed final shape', async () => {
    const vendor = uniqueVendor();
    const token = bearer(vendorToken(vendor));
    const accepted = await api.post('/api/v1/agents/provision', cozyComfortRequest(vendor), token);
    expect(accepted.status).toBe(202);
    expect(accepted.body.status).toBe('queued');

    const { events } = await readSse(`${engine.gatewayUrl}${accepted.body.events_url}`, token);
    const statuses = events.map((event) => JSON.parse(event.data).status as string);
    expect(statuses).toContain('in_progress');
    expect(statuses.at(-1)).toBe('completed');
    const ranks = statuses.map((status) => ORDER.indexOf(status));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));

    const final = await api.get(accepted.body.status_url, token);
    expect(final.body).toMatchObject({
      provisioning_id: accepted.body.provisioning_id,
      status: 'completed',
      agent_id: accepted.body.agent_id,
      agent_config: {
        id: accepted.body.agent_id,
        name: 'Cozy Comfort Bedding',
        status: 'active',
        provisioning_complete: true,
      },
    });
    const [voice, ...social] = final.body.agent_config.channels;
    expect(voice).toMatchObject({
      channel_type: 'voice',
      status: 'active',
      phone_number: expect.stringMatching(/^\+1/),
    });
    expect(voice.aws_connect_instance_id).toMatch(/^arn:aws:connect:us-east-1:/);
    expect(social.map((channel: { channel_type: string }) => channel.channel_type)).toEqual([
      'whatsapp',
      'instagram',
      'facebook',
      'twitter',
    ]);
    for (const channel of social) expect(channel.elizaos_agent_id).toEqual(expect.any(String));

    const agent = await api.get(`/api/v1/agents/${accepted.body.agent_id}`, token);
    expect(agent.body).toMatchObject({ status: 'active', provisioning_complete: true, vendor_id: vendor });
  });

  it('returns the same operation for a retried request with the same Idempotency-Key', async () => {
    const vendor = uniqueVendor();
    const headers = { ...bearer(serviceToken()), 'idempotency-key': `e2e-${vendor}` };
    const first = await api.post('/api/v1/agents/provision', cozyComfortRequest(vendor), headers);
    const retry = await api.post('/api/v1/agents/provision', cozyComfortRequest(vendor), headers);
    expect(retry.status).toBe(202);
    expect(retry.body.provisioning_id).toBe(first.body.provisioning_id);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
  });

  it("does not let one vendor read another vendor's operation", async () => {
    const owner = uniqueVendor();
    const accepted = await api.post('/api/v1/agents/provision', cozyComfortRequest(owner), bearer(vendorToken(owner)));
    const foreign = await api.get(accepted.body.status_url, bearer(vendorToken(uniqueVendor())));
    expect(foreign.status).toBe(404);
    expect(foreign.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
  });

  it('shows the depth of every queue in the gateway metrics', async () => {
    const metrics = await (await fetch(`${engine.gatewayUrl}/metrics`)).text();
    for (const queue of ['aws-connect', 'elizaos', 'context', 'provisioning']) {
      expect(metrics).toMatch(new RegExp(`voca_queue_jobs\\{queue="${queue}",state="waiting"[^}]*\\} \\d+`));
    }
  });

  it('serves health and metrics on every worker', async () => {
    for (const name of ['aws-connect-worker', 'elizaos-worker', 'context-service'] as const) {
      const ready = await fetch(`${engine.app(name).url}/health/ready`);
      expect(ready.status).toBe(200);
      const metrics = await (await fetch(`${engine.app(name).url}/metrics`)).text();
      expect(metrics).toContain(`app="${name}"`);
    }
    const metrics = await (await fetch(`${engine.app('aws-connect-worker').url}/metrics`)).text();
    expect(metrics).toMatch(
      /voca_provisioning_step_duration_seconds_count\{[^}]*step="aws_connect",outcome="completed"\} [1-9]/,
    );
  });

  it('logs structured JSON with the request id following the job into the workers', async () => {
    const vendor = uniqueVendor();
    const requestId = `trace-${vendor}`;
    const accepted = await api.post('/api/v1/agents/provision', cozyComfortRequest(vendor), {
      ...bearer(vendorToken(vendor)),
      'x-request-id': requestId,
    });
    expect(accepted.headers.get('x-request-id')).toBe(requestId);
    await readSse(`${engine.gatewayUrl}${accepted.body.events_url}`, bearer(vendorToken(vendor)));
    const workerLines = engine
      .app('aws-connect-worker')
      .log()
      .split('\n')
      .filter((line) => line.includes(requestId))
      .map((line) => JSON.parse(line));
    expect(workerLines.length).toBeGreaterThan(0);
    expect(workerLines[0]).toMatchObject({
      name: 'aws-connect-worker',
      requestId,
      operationId: accepted.body.provisioning_id,
    });
  });
});
