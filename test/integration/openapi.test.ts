import type { INestApplication } from '@nestjs/common';
import { createConfig, lintFromString } from '@redocly/openapi-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Api } from '../support/http.js';
import { startGateway } from '../support/in-process.js';
import { specExample } from '../support/spec-examples.js';
import { testEnv } from '../support/test-env.js';

/**
 * The OpenAPI document at /docs: valid for strict tools, every route of the API in it, each with a summary, examples
 * and every status it can answer.
 */

type Schema = Record<string, any>;
type Operation = Record<string, any>;

const env = testEnv();
let gateway: INestApplication;
let api: Api;
let document: { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Schema> } };

beforeAll(async () => {
  ({ app: gateway, api } = await startGateway(env));
  const answer = await api.get('/docs/openapi.json');
  expect(answer.status).toBe(200);
  document = answer.body;
});

afterAll(async () => {
  await gateway.close();
});

/** Whether a schema, or something it is made of, carries an example (following $refs once each). */
function exemplified(schema: Schema | undefined, seen = new Set<string>()): boolean {
  if (!schema) return false;
  if ('example' in schema || 'examples' in schema) return true;
  if (schema.$ref) {
    const name = String(schema.$ref).split('/').pop()!;
    if (seen.has(name)) return false;
    seen.add(name);
    return exemplified(document.components.schemas[name], seen);
  }
  const parts: Schema[] = [
    ...Object.values(schema.properties ?? {}),
    schema.items,
    ...(schema.allOf ?? []),
    ...(schema.oneOf ?? []),
  ];
  return parts.some((part) => exemplified(part, seen));
}

const contentExemplified = (content: Record<string, Schema> | undefined) =>
  Object.values(content ?? {}).some((media) => 'example' in media || 'examples' in media || exemplified(media.schema));

function operations(): [string, Operation][] {
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]): [string, Operation] => [
      `${method.toUpperCase()} ${path}`,
      operation,
    ]),
  );
}

describe('GET /docs/openapi.json', () => {
  it("passes Redocly's strict lint (the OpenAPI 3.0 schema, resolvable $refs, examples matching their schemas)", async () => {
    const config = await createConfig({ extends: ['recommended-strict'] });
    const problems = await lintFromString({ source: JSON.stringify(document), absoluteRef: 'openapi.json', config });
    expect(
      problems.map(({ ruleId, message, location }) => `${ruleId}: ${message} at ${location[0]?.pointer ?? '#'}`),
    ).toEqual([]);
  });

  it('lists every route of the API', () => {
    expect(
      operations()
        .map(([route]) => route)
        .sort(),
    ).toEqual(
      [
        'POST /api/v1/agents/provision',
        'POST /api/v1/agents',
        'GET /api/v1/agents',
        'GET /api/v1/agents/{id}',
        'PUT /api/v1/agents/{id}',
        'DELETE /api/v1/agents/{id}',
        'POST /api/v1/agents/{id}/{action}',
        'GET /api/v1/agents/{id}/audit',
        'GET /api/v1/agents/{id}/character',
        'GET /api/v1/agents/{id}/webhook-key',
        'POST /api/v1/agents/{id}/webhook-key/rotate',
        'GET /api/v1/agents/{id}/conversations',
        'GET /api/v1/agents/{id}/customers/{customerId}/context',
        'POST /api/v1/agents/{id}/customers/{customerId}/link',
        'DELETE /api/v1/agents/{id}/customers/{customerId}/link/{identityId}',
        'GET /api/v1/agents/{id}/customers/{customerId}/export',
        'DELETE /api/v1/agents/{id}/customers/{customerId}',
        'GET /api/v1/provisioning/{id}',
        'GET /api/v1/stuck-work',
        'GET /api/v1/webhook-keys/connect',
        'GET /api/v1/provisioning/{id}/events',
        'GET /api/v1/webhooks/meta',
        'POST /api/v1/webhooks/meta',
        'GET /api/v1/webhooks/twitter',
        'POST /api/v1/webhooks/twitter',
        'POST /api/v1/webhooks/telegram/{account}',
        'POST /api/v1/webhooks/connect',
        'POST /api/v1/webhooks/elizaos',
        'POST /api/v1/event-endpoints',
        'GET /api/v1/event-endpoints',
        'GET /api/v1/event-endpoints/{id}',
        'DELETE /api/v1/event-endpoints/{id}',
        'GET /api/v1/event-endpoints/{id}/deliveries',
        'POST /api/v1/provisioning/{id}/retry',
        'POST /api/v1/provisioning/{id}/cancel',
        'GET /api/v1/agents/{id}/operations',
        'GET /api/v1/handoffs',
        'GET /api/v1/handoffs/{id}',
        'POST /api/v1/handoffs/{id}/reply',
        'POST /api/v1/handoffs/{id}/resolve',
        'POST /api/v1/agents/{id}/knowledge',
        'GET /api/v1/agents/{id}/knowledge',
        'GET /api/v1/agents/{id}/knowledge/{doc}',
        'PUT /api/v1/agents/{id}/knowledge/{doc}',
        'DELETE /api/v1/agents/{id}/knowledge/{doc}',
        'POST /api/v1/agents/{id}/tools',
        'GET /api/v1/agents/{id}/tools',
        'GET /api/v1/agents/{id}/tools/{name}',
        'PUT /api/v1/agents/{id}/tools/{name}',
        'DELETE /api/v1/agents/{id}/tools/{name}',
      ].sort(),
    );
  });

  it('gives every route a summary, and an example for each parameter, request body and success answer', () => {
    const missing: string[] = [];
    for (const [route, operation] of operations()) {
      if (!operation.summary) missing.push(`${route}: summary`);
      for (const parameter of operation.parameters ?? []) {
        if (!('example' in parameter) && !exemplified(parameter.schema))
          missing.push(`${route}: parameter ${parameter.name}`);
      }
      if (operation.requestBody && !contentExemplified(operation.requestBody.content))
        missing.push(`${route}: request body`);
      const successes = Object.entries(operation.responses ?? {}).filter(([status]) => status.startsWith('2'));
      if (successes.length === 0) missing.push(`${route}: a success answer`);
      for (const [status, response] of successes) {
        // A 204 has no body to show.
        if (status !== '204' && !contentExemplified((response as Schema).content))
          missing.push(`${route}: ${status} answer`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("shows the spec's requests verbatim as the examples, and the answer the engine gives them", () => {
    const example = (route: string, name: string) =>
      operations().find(([r]) => r === route)![1].requestBody.content['application/json'].examples[name].value;
    expect(example('POST /api/v1/agents/provision', 'spec')).toEqual(specExample('provision-request'));
    expect(example('POST /api/v1/agents', 'spec')).toEqual(specExample('create-agent-request'));
    expect(example('PUT /api/v1/agents/{id}', 'spec')).toEqual({ name: 'Updated Agent Name', status: 'paused' });
    const answer = operations().find(([r]) => r === 'GET /api/v1/provisioning/{id}')![1].responses['200'].content[
      'application/json'
    ].example;
    expect(answer).toMatchObject({
      status: 'completed',
      agent_config: { name: 'Cozy Comfort Bedding Agent', provisioning_complete: true },
    });
    expect(answer.agent_config.channels.map((c: Schema) => c.channel_type)).toEqual([
      'voice',
      'whatsapp',
      'instagram',
      'facebook',
      'twitter',
    ]);
  });

  it("documents the bearer token on the API routes, the signatures on the signed webhooks and the handshakes' queries", () => {
    for (const [route, operation] of operations()) {
      // The webhooks say they need no token: the platforms sign them instead.
      const security = route.includes('/api/v1/webhooks/') ? [] : [{ bearer: [] }];
      expect(operation.security, route).toEqual(security);
    }
    const parameterNames = (route: string) =>
      (operations().find(([r]) => r === route)![1].parameters ?? []).map((p: Schema) => p.name);
    expect(parameterNames('POST /api/v1/webhooks/meta')).toContain('X-Hub-Signature-256');
    expect(parameterNames('GET /api/v1/webhooks/meta')).toEqual(['hub.mode', 'hub.verify_token', 'hub.challenge']);
    expect(parameterNames('GET /api/v1/webhooks/twitter')).toEqual(['crc_token']);
    expect(parameterNames('POST /api/v1/webhooks/twitter')).toContain('x-twitter-webhooks-signature');
    expect(parameterNames('POST /api/v1/webhooks/telegram/{account}')).toEqual(
      expect.arrayContaining(['account', 'X-Telegram-Bot-Api-Secret-Token']),
    );
    for (const route of ['POST /api/v1/webhooks/connect', 'POST /api/v1/webhooks/elizaos']) {
      expect(parameterNames(route)).toEqual(expect.arrayContaining(['X-Voca-Timestamp', 'X-Voca-Signature']));
    }
  });

  it('documents every error a route can answer, each with the one error shape', () => {
    const missing: string[] = [];
    for (const [route, operation] of operations()) {
      const statuses = Object.keys(operation.responses);
      const expected = ['500', '503'];
      // The guards in front of every route that needs the token.
      if (operation.security.length > 0) expected.push('401', '403', '429');
      // The body parser, before any route runs; the validation after.
      if (operation.requestBody) expected.push('400', '413', '415');
      // uuidParam refuses a malformed id; an id the token may not see is not found.
      if ((operation.parameters ?? []).some((p: Schema) => p.in === 'path' && p.schema?.format === 'uuid'))
        expected.push('400', '404');
      for (const status of expected) if (!statuses.includes(status)) missing.push(`${route}: ${status}`);
      for (const [status, response] of Object.entries(operation.responses as Record<string, Schema>)) {
        if (Number(status) < 400) continue;
        if (!response.description) missing.push(`${route}: ${status} has no description`);
        if (response.content?.['application/json']?.schema?.$ref !== '#/components/schemas/ErrorView')
          missing.push(`${route}: ${status} is not an ErrorView`);
      }
      for (const status of ['429', '503']) {
        if (statuses.includes(status) && !operation.responses[status].headers?.['Retry-After'])
          missing.push(`${route}: ${status} without Retry-After`);
      }
    }
    expect(missing).toEqual([]);
  });
});
