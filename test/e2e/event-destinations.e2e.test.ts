import { once } from 'node:events';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createGunzip, createGzip } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DnsEmulator } from '../emulators/dns/index.js';
import { AppProcess, Engine, freePort } from '../support/app-processes.js';
import { testDatabase } from '../support/database.js';
import { EventReceiver } from '../support/event-receiver.js';
import { Api } from '../support/http.js';
import { cozyComfortRequest } from '../support/seed.js';
import { TEST_PUBLIC_ADDRESS, testEnv, uniqueVendor } from '../support/test-env.js';
import { bearer, vendorToken } from '../support/tokens.js';
import { waitFor } from '../support/wait-for.js';

/**
 * Event endpoints tried as an attacker with a vendor token would turn them inward: internal addresses at
 * registration (literal, named, rebound after it), a redirect inward, a 256 MiB gzip answer, a process killed
 * mid-attempt. The gateway and the context-service (which delivers) run as processes; names resolve through a real
 * DNS server (the DNS emulator), and 127.0.0.2 plays the public internet (OUTBOUND_ALLOWED_CIDRS) so that 127.0.0.1,
 * where the engine and its Redis listen, is the inside.
 */

const BOMB_BYTES = 256 * 1024 * 1024;
const MIB = 1024 * 1024;
const vendor = uniqueVendor();
const db = testDatabase();
let dns: DnsEmulator;
let engine: Engine;
let env: Record<string, string>;
let api: Api;
let fine: EventReceiver;
/** Something inside the engine's network: it must never hear from the engine. */
let inside: Probe;
/** A vendor's server answering every delivery with a redirect inward. */
let redirecting: Probe;
/** A vendor's server answering every delivery 500 with a gzip body that inflates to 256 MiB. */
let bomb: Probe;
/** A vendor's server that takes a delivery and never answers. */
let silent: Probe;
let bombBody: Buffer;

interface Probe {
  server: Server;
  url: string;
  requests: number;
}

async function probe(host: string, handle: (request: IncomingMessage, response: ServerResponse) => void) {
  const target: Probe = { server: createServer(), url: '', requests: 0 };
  target.server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    target.requests += 1;
    request.resume();
    handle(request, response);
  });
  target.server.listen(0, host);
  await once(target.server, 'listening');
  target.url = `http://${host}:${(target.server.address() as { port: number }).port}/events`;
  return target;
}

/** 256 MiB of zeros, gzipped (about 256 KiB), and proof that it inflates to exactly that. */
async function gzipBomb(): Promise<Buffer> {
  const gzip = createGzip({ level: 9 });
  const chunks: Buffer[] = [];
  gzip.on('data', (chunk: Buffer) => chunks.push(chunk));
  const zeros = Buffer.alloc(MIB);
  for (let i = 0; i < BOMB_BYTES / MIB; i++) if (!gzip.write(zeros)) await once(gzip, 'drain');
  gzip.end();
  await once(gzip, 'end');
  const body = Buffer.concat(chunks);
  let inflated = 0;
  const gunzip = createGunzip();
  gunzip.on('data', (chunk: Buffer) => (inflated += chunk.length));
  gunzip.end(body);
  await once(gunzip, 'end');
  expect(inflated).toBe(BOMB_BYTES);
  expect(body.length).toBeLessThan(MIB);
  return body;
}

beforeAll(async () => {
  bombBody = await gzipBomb();
  dns = await DnsEmulator.start();
  fine = await EventReceiver.start();
  inside = await probe('127.0.0.1', (_request, response) => response.end('inside'));
  redirecting = await probe(TEST_PUBLIC_ADDRESS, (_request, response) =>
    response.writeHead(302, { location: `${inside.url}?from=redirect` }).end(),
  );
  bomb = await probe(TEST_PUBLIC_ADDRESS, (_request, response) => {
    response.writeHead(500, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
    response.end(bombBody);
  });
  silent = await probe(TEST_PUBLIC_ADDRESS, () => undefined);
  env = testEnv({
    EVENT_DELIVERY: 'on',
    EVENT_POLL_INTERVAL_MS: '100',
    EVENT_RETRY_BASE_MS: '500',
    EVENT_TIMEOUT_MS: '2000',
    OUTBOUND_DNS_SERVERS: dns.server,
  });
  engine = await Engine.start(env, ['api-gateway', 'context-service']);
  api = new Api(engine.gatewayUrl, bearer(vendorToken(vendor)));
}, 120_000);

afterAll(async () => {
  await db.query(`DELETE FROM event_endpoints WHERE vendor_id = $1`, [vendor]);
  await engine?.stop();
  for (const target of [inside, redirecting, bomb, silent]) {
    target?.server.closeAllConnections();
    target?.server.close();
  }
  await fine?.stop();
  await dns?.stop();
  await db.end();
});

async function register(url: string): Promise<string> {
  const created = await api.post('/api/v1/event-endpoints', { url, events: ['agent.status_changed'] });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  if (url === fine.url) fine.secret = created.body.secret;
  return created.body.id;
}

/** A new agent of the vendor: its provisioning starts with an `agent.status_changed` event for every endpoint. */
async function newAgent(): Promise<string> {
  const accepted = await api.post('/api/v1/agents/provision', cozyComfortRequest(vendor, { channels: ['voice'] }));
  expect(accepted.status).toBe(202);
  return accepted.body.agent_id;
}

interface Attempt {
  at: string;
  status_code?: number;
  error?: string;
}

/** The endpoint's delivery for the agent, once `ready` says it is far enough along. */
async function deliveryOf(endpointId: string, agentId: string, ready: (attempts: Attempt[]) => boolean) {
  return waitFor(
    async () => {
      const page = await api.get(`/api/v1/event-endpoints/${endpointId}/deliveries?limit=100`);
      const delivery = page.body.items.find((item: { agent_id: string }) => item.agent_id === agentId);
      return delivery && ready(delivery.attempt_log) ? delivery : undefined;
    },
    `a delivery of ${endpointId}`,
    30_000,
  );
}

/** Resident and peak (since the last reset) memory of a process, in bytes, from /proc. */
function memoryOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)![1]) * 1024;
  return { rss: kib('VmRSS'), peak: kib('VmHWM') };
}

describe('registering an event endpoint', () => {
  it.each([
    ['http://127.0.0.1:8008/api/v1/agents', '127.0.0.1 is a loopback address'],
    ['http://169.254.169.254/latest/meta-data/', '169.254.169.254 is a link-local address'],
    ['http://10.0.0.1/', '10.0.0.1 is a private (RFC 1918) address'],
    ['http://localhost:6379/', 'localhost is this machine'],
    ['http://[::ffff:127.0.0.1]:8008/', '127.0.0.1 is a loopback address'],
    ['http://internal.vendor.test/hooks', 'internal.vendor.test resolves to 127.0.0.1, a loopback address'],
  ])('refuses %s with a 400 naming the rule, and writes nothing', async (url, why) => {
    dns.set('internal.vendor.test', '127.0.0.1');
    const refused = await api.post('/api/v1/event-endpoints', { url, events: ['agent.status_changed'] });
    expect(refused.status).toBe(400);
    expect(refused.body.fields).toEqual([
      { field: 'url', messages: [`must not point inside the engine's network: ${why}`] },
    ]);
    const listed = await api.get('/api/v1/event-endpoints');
    expect(listed.body.items.map((item: { url: string }) => item.url)).not.toContain(url);
  });
});

describe('delivering to an endpoint', () => {
  it('is refused at connect time when its name now resolves inward, and the attempt says why', async () => {
    dns.set('rebind.vendor.test', TEST_PUBLIC_ADDRESS);
    const endpointId = await register(`http://rebind.vendor.test:${new URL(inside.url).port}/events`);
    dns.set('rebind.vendor.test', '127.0.0.1');
    const agentId = await newAgent();
    const delivery = await deliveryOf(endpointId, agentId, (attempts) =>
      attempts.some((a) => a.error?.startsWith('refused')),
    );
    expect(delivery.attempt_log[0]).toMatchObject({
      error: 'refused: rebind.vendor.test resolves to 127.0.0.1, a loopback address',
    });
    expect(delivery.attempt_log[0]).not.toHaveProperty('status_code');
    expect(inside.requests).toBe(0);
    await api.delete(`/api/v1/event-endpoints/${endpointId}`);
  });

  it('does not follow a redirect inward', async () => {
    const endpointId = await register(redirecting.url);
    const agentId = await newAgent();
    const delivery = await deliveryOf(endpointId, agentId, (attempts) => attempts.length >= 2);
    expect(delivery.attempt_log[0]).toMatchObject({
      status_code: 302,
      error: 'the endpoint answered 302; redirects are not followed',
    });
    expect(redirecting.requests).toBeGreaterThanOrEqual(2);
    expect(inside.requests).toBe(0);
    await api.delete(`/api/v1/event-endpoints/${endpointId}`);
  });

  it('reads none of a 256 MiB gzip answer: memory stays put, the attempt is recorded, others are delivered', async () => {
    const fineId = await register(fine.url);
    const bombId = await register(bomb.url);
    const { pid } = engine.app('context-service').child;
    // The peak so far is forgotten (Linux: 5 to clear_refs), so VmHWM is the peak from here on.
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    const before = memoryOf(pid!);
    const agents = [await newAgent(), await newAgent(), await newAgent()];
    const delivery = await deliveryOf(bombId, agents[2]!, (attempts) => attempts.length >= 2);
    await waitFor(
      async () =>
        agents.every((agentId) => fine.accepted((event) => event.agent_id === agentId).length) ? true : undefined,
      'the other endpoint to hear of every agent',
    );
    const after = memoryOf(pid!);
    expect(delivery.attempt_log[0]).toMatchObject({ status_code: 500, error: 'the endpoint answered 500' });
    // Nothing of the answer is kept: not even gzip's first byte (0x1f).
    expect(JSON.stringify(delivery)).not.toContain('\\u001f');
    expect(bomb.requests).toBeGreaterThanOrEqual(4);
    expect(after.peak - before.rss, `peak ${after.peak / MIB} MiB, from ${before.rss / MIB} MiB`).toBeLessThan(
      50 * MIB,
    );
    await api.delete(`/api/v1/event-endpoints/${bombId}`);
    await api.delete(`/api/v1/event-endpoints/${fineId}`);
  });

  it('counts an attempt its process died during, and gives the delivery up once past the retry window', async () => {
    const endpointId = await register(silent.url);
    const agentId = await newAgent();
    await waitFor(async () => (silent.requests > 0 ? true : undefined), 'the attempt to reach the endpoint');
    engine.app('context-service').child.kill('SIGKILL');
    await engine.app('context-service').waitForExit();
    const recorded = await deliveryOf(endpointId, agentId, (attempts) => attempts.length === 1);
    expect(recorded).toMatchObject({ status: 'pending', attempts: 1 });
    expect(recorded.attempt_log[0].error).toContain('no outcome recorded');
    // Another replica, with a window the delivery is already past: it does not try again, it gives up.
    const replica = AppProcess.spawn('context-service', { ...env, EVENT_RETRY_WINDOW_MS: '1000' }, await freePort());
    try {
      await replica.ready();
      const settled = await waitFor(
        async () => {
          const row = await db.query(
            `SELECT status, attempts FROM event_deliveries WHERE endpoint_id = $1 AND agent_id = $2`,
            [endpointId, agentId],
          );
          return row.rows[0]?.status === 'failed' ? row.rows[0] : undefined;
        },
        'the delivery to be given up',
        30_000,
      );
      expect(settled).toEqual({ status: 'failed', attempts: 1 });
      expect(silent.requests).toBe(1);
    } finally {
      await replica.stop();
    }
  });
});
