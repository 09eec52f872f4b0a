import { OutboundHttpClient } from '@voca/outbound-http';
import { ToolCaller, type ToolRequest } from '@voca/tools';
import { createHmac } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * A tool call on the wire, against real HTTP servers: what the backend receives (signature, idempotency key, body),
 * and each way a backend can fail the engine (slow, wrong status, not JSON, too large, compressed, redirected
 * inward, inside the engine's network). Only 127.0.0.2 counts as public here; 127.0.0.1 is internal.
 */
const PUBLIC = '127.0.0.2';
const SECRET = 'whsec_tool_caller_test';
let server: Server;
let port: number;
let handle: (request: IncomingMessage, body: string, response: ServerResponse) => void;
const received: { headers: IncomingMessage['headers']; body: string }[] = [];
let http: OutboundHttpClient;
let caller: ToolCaller;

beforeAll(async () => {
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      received.push({ headers: request.headers, body });
      handle(request, body, response);
    });
  });
  server.listen(0, PUBLIC);
  await once(server, 'listening');
  port = (server.address() as { port: number }).port;
  http = new OutboundHttpClient({ allowPlainHttp: true, allowedCidrs: [`${PUBLIC}/32`] });
  caller = new ToolCaller(http, 1_024);
});

afterAll(async () => {
  await http.close();
  server.closeAllConnections();
  server.close();
});

function request(overrides: Partial<ToolRequest> = {}): ToolRequest {
  return {
    callId: '0c1d2e3f-0000-4000-8000-000000000001',
    url: `http://${PUBLIC}:${port}/tools/order_status`,
    secret: SECRET,
    idempotencyKey: 'msg-1.order_status.abc',
    timeoutMs: 1_000,
    body: {
      tool: 'order_status',
      arguments: { order_number: '10423' },
      conversation: { agent_id: 'a', customer_id: 'c', channel: 'whatsapp', message_id: 'msg-1' },
    },
    ...overrides,
  };
}

const json =
  (value: unknown, status = 200) =>
  (_r: IncomingMessage, _b: string, response: ServerResponse) =>
    response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));

describe('ToolCaller', () => {
  it('POSTs the call signed over its exact body, with its idempotency key, and reads the JSON answer', async () => {
    handle = json({ status: 'shipped' });
    const answer = await caller.call(request());
    expect(answer).toMatchObject({ status: 'ok', result: { status: 'shipped' }, httpStatus: 200, responseBytes: 20 });
    const { headers, body } = received.at(-1)!;
    expect(JSON.parse(body)).toEqual(request().body);
    const [, t, v1] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(headers['voca-signature']))!;
    expect(v1).toBe(createHmac('sha256', SECRET).update(`${t}.${body}`).digest('hex'));
    expect(Math.abs(Date.now() / 1000 - Number(t))).toBeLessThan(5);
    expect(headers['idempotency-key']).toBe('msg-1.order_status.abc');
    expect(headers['voca-tool-call-id']).toBe('0c1d2e3f-0000-4000-8000-000000000001');
    expect(headers['content-type']).toBe('application/json');
    expect(headers['accept-encoding']).toBe('identity');
  });

  it('gives up at the timeout', async () => {
    handle = (_r, _b, response) => setTimeout(() => !response.destroyed && response.end('{}'), 2_000).unref();
    const started = performance.now();
    const answer = await caller.call(request({ timeoutMs: 300 }));
    expect(answer).toMatchObject({ status: 'timeout', error: 'no answer within 300 ms' });
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it.each([
    ['a 500', json({ error: 'boom' }, 500), 'failed', 'the tool answered 500'],
    [
      'a redirect',
      (_r: IncomingMessage, _b: string, res: ServerResponse) =>
        res.writeHead(302, { location: 'http://127.0.0.1/' }).end(),
      'failed',
      'the tool answered 302; redirects are not followed',
    ],
    [
      'text',
      (_r: IncomingMessage, _b: string, res: ServerResponse) => res.end('OK'),
      'invalid_answer',
      'the answer was not a JSON object',
    ],
    ['a JSON array', json([1, 2]), 'invalid_answer', 'the answer was not a JSON object'],
    [
      'an answer past the limit',
      json({ big: 'x'.repeat(2_000) }),
      'invalid_answer',
      'the answer was larger than 1024 bytes',
    ],
    [
      'a gzip answer',
      (_r: IncomingMessage, _b: string, res: ServerResponse) =>
        res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' }).end(gzipSync('{"a":1}')),
      'invalid_answer',
      'the answer was gzip-encoded; only unencoded answers are read',
    ],
  ])('turns %s into a failure in its own words', async (_name, handler, status, error) => {
    handle = handler;
    expect(await caller.call(request())).toMatchObject({ status, error });
  });

  it("never reaches inside the engine's network", async () => {
    const before = received.length;
    const answer = await caller.call(request({ url: `http://127.0.0.1:${port}/tools/order_status` }));
    expect(answer.status).toBe('refused');
    expect(answer.error).toMatch(/^refused: /);
    expect(received).toHaveLength(before);
  });
});
