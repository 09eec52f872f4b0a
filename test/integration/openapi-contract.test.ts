import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { INestApplication } from '@nestjs/common';
import { Api } from '../support/http.js';
import { startGateway } from '../support/in-process.js';
import { enableContractChecks, reportResponse, takeMismatches } from '../support/openapi-contract.js';
import { testEnv } from '../support/test-env.js';

/**
 * The contract check the e2e tier runs (test/support/openapi-contract.ts), against a server whose answers are known:
 * what it lets through and what it reports.
 */

const document = {
  openapi: '3.0.0',
  info: { title: 'contract check', version: '1' },
  paths: {
    '/api/things/{id}': {
      get: {
        operationId: 'getThing',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: {
          '200': {
            description: 'a thing',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } },
          },
          '404': { description: 'none', content: { 'application/json': { schema: { type: 'object' } } } },
        },
      },
    },
  },
  components: {
    schemas: {
      Thing: {
        type: 'object',
        properties: { id: { type: 'string', format: 'uuid' }, note: { type: 'string', nullable: true } },
        required: ['id'],
      },
    },
  },
};

const THING = '3f2b9c1e-8d4a-4f6b-9a2e-1c7d5e0f4a21';

/** What the server answers for each thing id: [status, content type, body]. */
const answers: Record<string, [number, string, string]> = {
  good: [200, 'application/json', JSON.stringify({ id: THING, note: null })],
  extra: [200, 'application/json', JSON.stringify({ id: THING, secret: 'x' })],
  typed: [200, 'application/json', JSON.stringify({ id: 'not-a-uuid', note: 3 })],
  status: [409, 'application/json', JSON.stringify({ message: 'conflict' })],
  media: [200, 'text/html', '<p>hello</p>'],
};

let server: Server;
let api: Api;

beforeAll(async () => {
  server = createServer((request, response) => {
    const path = request.url ?? '';
    if (path === '/docs/openapi.json') {
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(document));
      return;
    }
    const [status, type, body] = answers[path.split('/').pop() ?? ''] ?? [404, 'application/json', '{}'];
    response.writeHead(status, { 'content-type': type }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  api = new Api(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  enableContractChecks();
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('the OpenAPI contract check', () => {
  it('lets through answers the document describes, and paths outside the API', async () => {
    await api.get('/api/things/good');
    await api.get('/api/things/unknown');
    await api.get('/health/ready');
    await api.get('/nowhere');
    expect(takeMismatches()).toEqual([]);
  });

  it('reports an undocumented status, media type, field or type, and a route the document lacks', async () => {
    for (const id of ['extra', 'typed', 'status', 'media']) await api.get(`/api/things/${id}`);
    await api.post('/api/things/good', {});
    const found = takeMismatches();
    expect(found).toHaveLength(5);
    expect(found[0]).toMatch(/GET \/api\/things\/extra -> 200: body does not match.*additional properties \(secret\)/);
    expect(found[1]).toMatch(/\/id must match format "uuid"/);
    expect(found[1]).toMatch(/\/note must be string/);
    expect(found[2]).toMatch(/-> 409: status not documented for getThing \(documented: 200, 404\)/);
    expect(found[3]).toMatch(/media type text\/html not documented \(documented: application\/json\)/);
    expect(found[4]).toMatch(/POST \/api\/things\/good -> 200: no operation in the document/);
    expect(takeMismatches()).toEqual([]);
  });

  it("holds the gateway's answers against the gateway's own document", async () => {
    let gateway: INestApplication | undefined;
    try {
      const started = await startGateway(testEnv());
      gateway = started.app;
      const agents = await started.api.get('/api/v1/agents');
      expect(agents.status).toBe(401);
      expect(takeMismatches()).toEqual([]);
      // An answer with a field the document does not describe, as a gateway that had drifted from it would give.
      await reportResponse({
        baseUrl: started.api.baseUrl,
        method: 'GET',
        path: `/api/v1/agents/${THING}`,
        status: 401,
        contentType: 'application/json; charset=utf-8',
        body: { ...agents.body, stack: 'Error: ...' },
      });
      expect(takeMismatches()).toEqual([
        expect.stringMatching(
          /-> 401: body does not match the schema: \(body\) must NOT have additional properties \(stack\)/,
        ),
      ]);
    } finally {
      await gateway?.close();
    }
  });
});
