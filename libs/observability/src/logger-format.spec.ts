import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { pinoHttp } from 'pino-http';
import { describe, expect, it } from 'vitest';
import { logFormatFor, PRETTY_OPTIONS } from './logger-format.js';
import { pinoHttpOptions } from './logger.module.js';

const secrets = {
  token: 'sk-live-0123456789',
  nested: { api_key: 'key-0123456789' },
  callback: 'https://example.com/cb?code=abc123',
};

function expectRedacted(output: string): void {
  for (const secret of ['sk-live-0123456789', 'key-0123456789', 'abc123']) expect(output).not.toContain(secret);
  expect(output).toContain('[redacted]');
}

describe('logFormatFor', () => {
  it('prints pretty lines in development, JSON anywhere else', () => {
    expect(logFormatFor('development')).toBe('pretty');
    for (const nodeEnv of ['production', 'test', 'staging']) expect(logFormatFor(nodeEnv), nodeEnv).toBe('json');
  });

  it('follows LOG_FORMAT when it names a format', () => {
    expect(logFormatFor('development', 'json')).toBe('json');
    expect(logFormatFor('production', 'pretty')).toBe('pretty');
    expect(logFormatFor('production', 'auto')).toBe('json');
  });
});

describe("the apps' logger options", () => {
  it('write JSON lines, redacted, without a transport', () => {
    const options = pinoHttpOptions('api-gateway', 'info', 'json');
    expect(options.transport).toBeUndefined();
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk, _encoding, done) => (lines.push(chunk.toString()), done()) });
    pino(options, sink).info(secrets, 'agent provisioned');
    expect(JSON.parse(lines[0])).toMatchObject({ name: 'api-gateway', msg: 'agent provisioned', token: '[redacted]' });
    expectRedacted(lines.join(''));
  });

  it('log a request by its id, method, path and status only', async () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk, _encoding, done) => (lines.push(chunk.toString()), done()) });
    const logRequest = pinoHttp(pinoHttpOptions('api-gateway', 'info', 'json'), sink);
    const server = createServer((req, res) => {
      logRequest(req, res);
      res.statusCode = 401;
      res.end();
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    try {
      const { port } = server.address() as AddressInfo;
      const answer = await fetch(`http://127.0.0.1:${port}/api/v1/agents?token=abc123`, {
        headers: { authorization: 'Bearer sk-live-0123456789', 'x-request-id': 'request-1' },
      });
      expect(answer.status).toBe(401);
      for (let waited = 0; !lines.length && waited < 2_000; waited += 10)
        await new Promise((resolve) => setTimeout(resolve, 10));
    } finally {
      server.close();
    }
    const entry = JSON.parse(lines[0]);
    expect(entry.msg).toBe('request completed');
    expect(entry.req).toEqual({ id: 'request-1', method: 'GET', path: '/api/v1/agents' });
    expect(entry.res).toEqual({ statusCode: 401 });
    for (const secret of ['abc123', 'sk-live-0123456789']) expect(lines[0]).not.toContain(secret);
  });

  it('print through pino-pretty one line per log, with the context first, redacted alike', async () => {
    const { transport, ...options } = pinoHttpOptions('api-gateway', 'info', 'pretty');
    expect(transport).toEqual({ target: 'pino-pretty', options: PRETTY_OPTIONS });
    // The transport the apps use (a worker thread running pino-pretty), writing to a file instead of stdout.
    const directory = mkdtempSync(join(tmpdir(), 'voca-pretty-'));
    const file = join(directory, 'log.txt');
    const stream = pino.transport({
      target: 'pino-pretty',
      options: { ...PRETTY_OPTIONS, colorize: false, destination: file },
    });
    const logger = pino(options, stream);
    logger.child({ context: 'AgentsService' }).info(secrets, 'agent provisioned');
    logger.warn('plain');
    stream.end();
    await once(stream, 'close');
    const output = readFileSync(file, 'utf8');
    rmSync(directory, { recursive: true });
    const lines = output.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^\[\d\d:\d\d:\d\d\.\d{3}\] INFO \(api-gateway\): \[AgentsService\] agent provisioned \{/);
    expect(lines[1]).toMatch(/WARN \(api-gateway\): plain$/);
    expect(output).not.toContain('hostname');
    expectRedacted(output);
  });
});
