import createClient, { type Client } from 'openapi-fetch';
import type { paths } from './schema.js';

export type { components, operations, paths } from './schema.js';

/**
 * A typed client of the engine's API: every route, parameter, body and answer (errors included) as the gateway's
 * OpenAPI document (GET /docs/openapi.json) describes them. The types in schema.ts are generated from that document
 * by openapi-typescript; test/integration/openapi-client.test.ts fails when they fall behind it, and rewrites them
 * with `npx vitest run test/integration/openapi-client.test.ts -u`.
 *
 *   const voca = createVocaClient('http://localhost:8008', token);
 *   const { data, error } = await voca.GET('/api/v1/agents/{id}', { params: { path: { id } } });
 */
export function createVocaClient(baseUrl: string, token?: string, fetchImpl?: typeof fetch): Client<paths> {
  return createClient<paths>({
    baseUrl,
    headers: token ? { authorization: `Bearer ${token}` } : {},
    ...(fetchImpl ? { fetch: fetchImpl } : {}),
  });
}
