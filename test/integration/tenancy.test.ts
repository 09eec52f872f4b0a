import { afterAll, beforeAll, it } from 'vitest';
import type { INestApplication } from '@nestjs/common';
import type { Api } from '../support/http.js';
import { startGateway } from '../support/in-process.js';
import { testEnv } from '../support/test-env.js';
let gateway: INestApplication; let api: Api;
beforeAll(async () => { ({ app: gateway, api } = await startGateway(testEnv())); });
afterAll(async () => { await gateway.close(); });
it('dump', async () => {
  const doc = (await api.get('/docs/openapi.json')).body;
  for (const [p, ops] of Object.entries<any>(doc.paths)) for (const [m, op] of Object.entries<any>(ops)) console.log(m.toUpperCase(), p, JSON.stringify(op.parameters?.map((x: any) => `${x.in}:${x.name}`)), op.requestBody ? JSON.stringify(op.requestBody.content?.['application/json']?.schema) : '', JSON.stringify(op.security));
});
