import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callPlatform, graphReason, isTransient, numberAt, textAt, xReason } from './platform-call.js';

describe('JSON readers', () => {
  const body: unknown = { messages: [{ id: 'wamid.1' }], data: { id: 42 }, error: { code: 190, message: 'bad' } };

  it('read strings (numbers as their digits) and numbers at a path, and nothing of another type or shape', () => {
    expect(textAt(body, 'messages', 0, 'id')).toBe('wamid.1');
    expect(textAt(body, 'data', 'id')).toBe('42');
    expect(textAt(body, 'messages', 1, 'id')).toBeUndefined();
    expect(textAt(body, 'error')).toBeUndefined();
    expect(textAt('not json', 'id')).toBeUndefined();
    expect(textAt(undefined, 'id')).toBeUndefined();
    expect(numberAt(body, 'error', 'code')).toBe(190);
    expect(numberAt(body, 'error', 'message')).toBeUndefined();
  });

  it('word Graph and X refusals, falling back on the HTTP status', () => {
    expect(graphReason(400, body)).toBe('bad (code 190)');
    expect(graphReason(502, undefined)).toBe('HTTP 502');
    expect(xReason(401, { title: 'Unauthorized', detail: 'Unauthorized' })).toBe('Unauthorized');
    expect(xReason(400, { title: 'Invalid Request', detail: 'bad id' })).toBe('Invalid Request: bad id');
    expect(xReason(503, null)).toBe('HTTP 503');
  });

  it('counts throttling, server errors and errors Graph marks transient as worth asking again', () => {
    expect(isTransient({ status: 429, body: undefined })).toBe(true);
    expect(isTransient({ status: 503, body: undefined })).toBe(true);
    expect(isTransient({ status: 400, body: { error: { is_transient: true } } })).toBe(true);
    expect(isTransient({ status: 400, body: { error: { is_transient: 'yes' } } })).toBe(false);
    expect(isTransient({ status: 401, body })).toBe(false);
  });
});

describe('callPlatform', () => {
  let server: Server;
  let base: string;

  beforeAll(async () => {
    server = createServer((request, response) => {
      if (request.url === '/slow') return; // never answers
      if (request.url === '/text') return response.end('not json');
      response.writeHead(201, { 'content-type': 'application/json', 'retry-after': '3' }).end('{"ok":true}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('gives the status, headers and JSON body of an answer, and no body when it is not JSON', async () => {
    const answer = await callPlatform(`${base}/json`, {}, 2_000);
    expect(answer).toMatchObject({ kind: 'answered', status: 201, body: { ok: true } });
    expect(answer.kind === 'answered' && answer.headers.get('retry-after')).toBe('3');
    expect(await callPlatform(`${base}/text`, {}, 2_000)).toMatchObject({ kind: 'answered', body: undefined });
  });

  it('tells a platform that received nothing from one that may have received the request', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    expect(await callPlatform(`http://127.0.0.1:${port}/`, {}, 2_000)).toEqual({
      kind: 'unreachable',
      reason: 'could not reach the platform (ECONNREFUSED)',
      maybeReceived: false,
    });
    expect(await callPlatform(`${base}/slow`, {}, 100)).toEqual({
      kind: 'unreachable',
      reason: 'no answer from the platform (timeout)',
      maybeReceived: true,
    });
  });
});
