import { OutboundFailure, OutboundHttpClient, DestinationRefused } from '@voca/outbound-http';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createGzip } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DnsEmulator } from '../emulators/dns/index.js';

/**
 * The one door for calls to vendor-chosen URLs, tried as an attacker with a vendor token would: destinations inside
 * the engine's network (literal, spelled oddly, named, rebound after the check), redirects inward, a decompression
 * bomb, an answer that never ends. Real HTTP servers on loopback and a real DNS server (the DNS emulator); only
 * 127.0.0.2 is allowed, as a test's "public" address, so the engine's own 127.0.0.1 stays internal.
 */

const ALLOWED = '127.0.0.2';
let dns: DnsEmulator;
let client: OutboundHttpClient;
/** A server on the allowed address: the vendor's endpoint. */
let outside: TestServer;
/** A server on 127.0.0.1: something inside the engine's network that must never be reached. */
let inside: TestServer;

interface TestServer {
  server: Server;
  port: number;
  requests: string[];
  handle: (request: IncomingMessage, response: ServerResponse) => void;
}

async function serve(host: string): Promise<TestServer> {
  const test: TestServer = {
    server: createServer((request, response) => {
      test.requests.push(`${request.method} ${request.url}`);
      test.handle(request, response);
    }),
    port: 0,
    requests: [],
    handle: (_request, response) => response.end('ok'),
  };
  test.server.listen(0, host);
  await once(test.server, 'listening');
  test.port = (test.server.address() as { port: number }).port;
  return test;
}

beforeAll(async () => {
  dns = await DnsEmulator.start();
  outside = await serve(ALLOWED);
  inside = await serve('127.0.0.1');
  client = new OutboundHttpClient({ allowPlainHttp: true, allowedCidrs: [`${ALLOWED}/32`], dnsServers: [dns.server] });
});

afterAll(async () => {
  await client.close();
  for (const { server } of [outside, inside]) {
    server.closeAllConnections();
    server.close();
  }
  await dns.stop();
});

async function refusal(check: Promise<unknown>): Promise<DestinationRefused> {
  const error = await check.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(DestinationRefused);
  return error as DestinationRefused;
}

async function failure(exchange: Promise<unknown>): Promise<OutboundFailure> {
  const error = await exchange.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(OutboundFailure);
  return error as OutboundFailure;
}

describe('checking a destination a vendor registers', () => {
  it.each([
    ['http://127.0.0.1:8008/api/v1/agents', '127.0.0.1 is a loopback address'],
    ['http://169.254.169.254/latest/meta-data/', '169.254.169.254 is a link-local address'],
    ['http://10.0.0.1/', '10.0.0.1 is a private (RFC 1918) address'],
    ['http://[::1]:6379/', '::1 is a loopback address'],
    ['http://[::ffff:127.0.0.1]/', '127.0.0.1 is a loopback address'],
    ['http://[fd00:ec2::254]/', 'fd00:ec2::254 is a unique-local'],
    ['http://100.64.0.1/', '100.64.0.1 is a carrier-grade NAT'],
    ['http://0.0.0.0:8008/', '0.0.0.0 is the unspecified address'],
    ['http://2130706433/', '127.0.0.1 is a loopback address'],
    ['http://0x7f.1/', '127.0.0.1 is a loopback address'],
    ['http://localhost:6379/', 'localhost is this machine'],
    ['http://api.localhost./', 'api.localhost is this machine'],
  ])('refuses %s', async (url, why) => {
    const refused = await refusal(client.checkDestination(url));
    expect(refused.rule).toBe('internal_address');
    expect(refused.message).toContain(why);
  });

  it('refuses a name that resolves to an internal address, or to one among public ones', async () => {
    dns.set('inward.vendor.test', '127.0.0.1');
    dns.set('mixed.vendor.test', ALLOWED, '10.1.2.3');
    const inward = await refusal(client.checkDestination('http://inward.vendor.test/hooks'));
    expect(inward.message).toBe(
      "must not point inside the engine's network: inward.vendor.test resolves to 127.0.0.1, a loopback address",
    );
    const mixed = await refusal(client.checkDestination('http://mixed.vendor.test/hooks'));
    expect(mixed.message).toContain('resolves to 10.1.2.3, a private (RFC 1918) address');
  });

  it('refuses a name that resolves to nothing, plain http when only https is allowed, and credentials', async () => {
    expect((await refusal(client.checkDestination('http://nowhere.vendor.test/'))).rule).toBe('unresolvable');
    dns.set('public.vendor.test', ALLOWED);
    const httpsOnly = new OutboundHttpClient({ allowPlainHttp: false, dnsServers: [dns.server] });
    expect((await refusal(httpsOnly.checkDestination('http://public.vendor.test/'))).rule).toBe('https');
    expect((await refusal(client.checkDestination('http://user:pw@public.vendor.test/'))).rule).toBe('credentials');
    expect((await refusal(client.checkDestination('ftp://public.vendor.test/'))).rule).toBe('scheme');
    await httpsOnly.close();
  });

  it('accepts a name that resolves to an allowed address', async () => {
    dns.set('hooks.vendor.test', ALLOWED);
    const url = await client.checkDestination(`http://hooks.vendor.test:${outside.port}/events`);
    expect(url.hostname).toBe('hooks.vendor.test');
  });
});

describe('a call to a vendor-chosen URL', () => {
  it('reaches an allowed destination by name and reads its answer', async () => {
    dns.set('api.vendor.test', ALLOWED);
    outside.handle = (_request, response) => response.end('{"ok":true}');
    const answer = await client.request({
      method: 'GET',
      url: `http://api.vendor.test:${outside.port}/orders/1`,
      timeoutMs: 2_000,
      maxResponseBytes: 1_000,
    });
    expect(answer.status).toBe(200);
    expect(answer.body.toString()).toBe('{"ok":true}');
    expect(outside.requests).toContain('GET /orders/1');
  });

  it('is refused at connect time when the name now resolves inward (DNS rebinding), and reaches nothing', async () => {
    dns.set('rebind.vendor.test', ALLOWED);
    await client.checkDestination(`http://rebind.vendor.test:${inside.port}/`);
    dns.set('rebind.vendor.test', '127.0.0.1');
    const refused = await failure(
      client.request({
        method: 'POST',
        url: `http://rebind.vendor.test:${inside.port}/`,
        body: '{}',
        timeoutMs: 2_000,
      }),
    );
    expect(refused.kind).toBe('refused');
    expect(refused.reason).toBe('refused: rebind.vendor.test resolves to 127.0.0.1, a loopback address');
    expect(inside.requests).toEqual([]);
  });

  it('refuses a literal internal address without looking anything up', async () => {
    const asked = dns.questions.length;
    const refused = await failure(
      client.request({ method: 'POST', url: `http://127.0.0.1:${inside.port}/`, timeoutMs: 2_000 }),
    );
    expect(refused.reason).toBe('refused: 127.0.0.1 is a loopback address');
    expect(dns.questions.length).toBe(asked);
    expect(inside.requests).toEqual([]);
  });

  it('does not follow a redirect, inward or not', async () => {
    outside.handle = (_request, response) =>
      response.writeHead(302, { location: `http://127.0.0.1:${inside.port}/admin` }).end();
    const answer = await client.request({
      method: 'POST',
      url: `http://${ALLOWED}:${outside.port}/`,
      timeoutMs: 2_000,
    });
    expect(answer.status).toBe(302);
    expect(inside.requests).toEqual([]);
  });

  it('asks for an unencoded answer and never inflates a compressed one', async () => {
    let asked: string | undefined;
    outside.handle = (request, response) => {
      asked = request.headers['accept-encoding'];
      response.writeHead(200, { 'content-encoding': 'gzip' });
      const gzip = createGzip();
      gzip.pipe(response);
      // 64 MiB of zeros, 64 KiB on the wire: read whole, it would be the size of what it inflates to.
      const zeros = Buffer.alloc(1 << 20);
      let left = 64;
      const more = () => {
        while (left > 0) {
          left -= 1;
          if (!gzip.write(zeros)) return void gzip.once('drain', more);
        }
        gzip.end();
      };
      more();
    };
    const encoded = await failure(
      client.request({
        method: 'GET',
        url: `http://${ALLOWED}:${outside.port}/`,
        timeoutMs: 5_000,
        maxResponseBytes: 4_096,
      }),
    );
    expect(asked).toBe('identity');
    expect(encoded.kind).toBe('encoded');
    expect(encoded.reason).toBe('the answer was gzip-encoded; only unencoded answers are read');
  });

  it('reads no more of an answer than asked for', async () => {
    outside.handle = (_request, response) => {
      response.write('x'.repeat(3_000));
      response.end('x'.repeat(3_000));
    };
    const large = await failure(
      client.request({
        method: 'GET',
        url: `http://${ALLOWED}:${outside.port}/`,
        timeoutMs: 2_000,
        maxResponseBytes: 4_096,
      }),
    );
    expect(large).toMatchObject({ kind: 'too_large', reason: 'the answer was larger than 4096 bytes' });
  });

  it('gives up on an endpoint that never answers, and on one that never finishes its body', async () => {
    outside.handle = () => undefined;
    const silent = await failure(
      client.request({ method: 'POST', url: `http://${ALLOWED}:${outside.port}/`, timeoutMs: 300 }),
    );
    expect(silent).toMatchObject({ kind: 'timeout', reason: 'no answer within 300 ms' });
    outside.handle = (_request, response) => response.writeHead(200).write('{"partial":');
    const endless = await failure(
      client.request({
        method: 'GET',
        url: `http://${ALLOWED}:${outside.port}/`,
        timeoutMs: 300,
        maxResponseBytes: 100,
      }),
    );
    expect(endless.kind).toBe('timeout');
  });

  it('says why it could not connect, in its own words', async () => {
    const closed = await serve(ALLOWED);
    const port = closed.port;
    closed.server.close();
    await once(closed.server, 'close');
    const refused = await failure(
      client.request({ method: 'POST', url: `http://${ALLOWED}:${port}/`, timeoutMs: 2_000 }),
    );
    expect(refused).toMatchObject({ kind: 'unreachable', reason: 'the connection was refused (ECONNREFUSED)' });
    const unknown = await failure(
      client.request({ method: 'POST', url: 'http://unknown.vendor.test/', timeoutMs: 2_000 }),
    );
    expect(unknown).toMatchObject({ kind: 'unreachable', reason: 'the host does not resolve (ENOTFOUND)' });
  });
});
