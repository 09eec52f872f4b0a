import type { INestApplication } from '@nestjs/common';
import openapiTS, { astToString } from 'openapi-typescript';
import { format, resolveConfig } from 'prettier';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVocaClient, type components } from '../../clients/typescript/index.js';
import type { Api } from '../support/http.js';
import { closeAll, startGateway, startWorkers } from '../support/in-process.js';
import { ENDED_OPERATION_STATUSES } from '../support/operations.js';
import { specExample } from '../support/spec-examples.js';
import { testEnv } from '../support/test-env.js';
import { serviceToken } from '../support/tokens.js';
import { waitFor } from '../support/wait-for.js';

/**
 * The typed client in clients/typescript: its types are generated from the gateway's OpenAPI document and kept up to
 * date with it, and it drives the README's first steps (provision the spec's agent, follow its operation to the end,
 * read the agent) against the gateway with nothing but what the document says.
 */

const SCHEMA_FILE = '../../clients/typescript/schema.ts';
const HEADER = [
  "// Generated from the gateway's OpenAPI document (GET /docs/openapi.json) by openapi-typescript: do not edit.",
  '// test/integration/openapi-client.test.ts checks it is current; `npx vitest run <that file> -u` rewrites it.',
  '',
].join('\n');

const env = testEnv();
let gateway: INestApplication;
let workers: INestApplication[] = [];
let api: Api;

beforeAll(async () => {
  ({ app: gateway, api } = await startGateway(env));
}, 60_000);

afterAll(async () => {
  await closeAll(workers);
  await gateway?.close();
});

describe('the typed client (clients/typescript)', () => {
  it("has types generated from the gateway's current OpenAPI document", async () => {
    const document = (await api.get('/docs/openapi.json')).body;
    const generated = HEADER + astToString(await openapiTS(document, { alphabetize: false }));
    const config = await resolveConfig(new URL(SCHEMA_FILE, import.meta.url));
    const formatted = await format(generated, { ...config, parser: 'typescript' });
    await expect(formatted).toMatchFileSnapshot(SCHEMA_FILE);
  });

  it("drives the quickstart: provisions the spec's agent, follows its operation to the end, reads the agent", async () => {
    workers = await startWorkers(env);
    const voca = createVocaClient(api.baseUrl, serviceToken());
    // The spec's request as it is written (test/fixtures/spec), which the gateway must take as the document types it.
    const request = specExample('provision-request') as components['schemas']['ProvisionAgentRequestDto'];

    const accepted = await voca.POST('/api/v1/agents/provision', { body: request });
    expect(accepted.response.status).toBe(202);
    const { provisioning_id: operationId, agent_id: agentId } = accepted.data!;
    expect(accepted.data!.status_url).toBe(`/api/v1/provisioning/${operationId}`);

    const ended = await waitFor(
      async () => {
        const { data } = await voca.GET('/api/v1/provisioning/{id}', { params: { path: { id: operationId } } });
        return data && ENDED_OPERATION_STATUSES.includes(data.status) ? data : undefined;
      },
      `operation ${operationId} to end`,
      45_000,
    );
    expect(ended).toMatchObject({ status: 'completed', percent: 100, agent_id: agentId });
    expect(ended.agent_config?.provisioning_complete).toBe(true);

    const agent = await voca.GET('/api/v1/agents/{id}', { params: { path: { id: agentId } } });
    expect(agent.response.status).toBe(200);
    expect(agent.data).toMatchObject({ id: agentId, name: request.agent_config.name, status: 'active' });
    expect(agent.data!.channels.map((channel) => channel.channel_type).sort()).toEqual(
      [...request.agent_config.channels].sort(),
    );

    // An error is typed too: the one error shape.
    const missing = await voca.GET('/api/v1/agents/{id}', {
      params: { path: { id: '00000000-0000-4000-8000-000000000000' } },
    });
    expect(missing.response.status).toBe(404);
    expect(missing.error?.statusCode).toBe(404);
  }, 60_000);
});
