import type { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, testDatabase } from '../support/database.js';
import type { Api } from '../support/http.js';
import { closeAll, startGateway, startWorkers } from '../support/in-process.js';
import { cozyComfortRequest } from '../support/seed.js';
import { readSse } from '../support/sse.js';
import { testEnv, uniqueVendor } from '../support/test-env.js';
import { bearer, serviceToken, vendorToken } from '../support/tokens.js';
import { operationEnd } from '../support/operations.js';
import { waitFor } from '../support/wait-for.js';
import { customerWritesThroughGenericWebhook } from '../support/engine-webhooks.js';

/**
 * Tenant safety on every route: vendor B's token with vendor A's ids is answered as if A's objects did not exist,
 * changes nothing of A's, and never echoes A's vendor id or agent name. The routes come from the gateway's own
 * OpenAPI document, so a route added later is walked too (or fails the walk, naming it, until the walk knows how to
 * fill it).
 */

const WEBHOOK_SECRET = 'tenancy-webhook-secret-0123456789-0123456789';
/** Prefixes of routes that need no token (probes, metrics, docs, platform webhooks): out of the walk. */
const PUBLIC_PREFIXES = ['/health', '/metrics', '/docs', '/api/v1/webhooks'];
/** Service-role routes (operators, the voice Lambda's key): a vendor gets 403 whatever it names (checked below). */
const OPERATOR_PATHS = ['/api/v1/stuck-work', '/api/v1/webhook-keys/connect'];
const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

const env = testEnv({ WEBHOOK_SECRET, RATE_LIMIT_PER_MINUTE: '100000' });
const db = testDatabase();
let gateway: INestApplication;
let workers: INestApplication[] = [];
let api: Api;

/** Everything one vendor owns that the walk can name. */
interface Tenant {
  vendor: string;
  token: string;
  agentName: string;
  agentId: string;
  operationId: string;
  idempotencyKey: string;
  /** Two customers (two WhatsApp users), so a link between them would move something if it were allowed. */
  customerIds: string[];
  /** The identity of each customer, in the same order. */
  identityIds: string[];
  /** An event endpoint the vendor registered. */
  endpointId: string;
  /** The hand-off opened when the first customer asked for a person. */
  handoffId: string;
  /** A document of the agent's knowledge. */
  documentId: string;
}

/** The tool each tenant's agent has (the same name for both: the agent in the path tells them apart). */
const TOOL = {
  name: 'order_status',
  description: 'Looks up an order by its number',
  parameters: { type: 'object', properties: { order_number: { type: 'string' } }, required: ['order_number'] },
  url: 'https://127.0.0.2/voca/tools/order_status',
};

let A: Tenant;
let B: Tenant;

// ------------------------------------------------------------------------------------------------------ set-up

async function provision(vendor: string, agentName: string, idempotencyKey: string) {
  const accepted = await api.post(
    '/api/v1/agents/provision',
    cozyComfortRequest(vendor, { name: agentName, channels: ['whatsapp'] }),
    { ...bearer(vendorToken(vendor)), 'idempotency-key': idempotencyKey },
  );
  expect(accepted.status, JSON.stringify(accepted.body)).toBe(202);
  const done = await operationEnd(api, accepted.body.status_url);
  expect(done.status).toBe('completed');
  return { agentId: accepted.body.agent_id as string, operationId: accepted.body.provisioning_id as string };
}

/** A customer message through the generic webhook; the gateway takes it (200 or 202). */
async function customerWrites(agentId: string, userId: string, text: string): Promise<void> {
  const status = await customerWritesThroughGenericWebhook(api.baseUrl, WEBHOOK_SECRET, { agentId, userId, text });
  expect([200, 202]).toContain(status);
}

async function customersOf(agentId: string, count: number): Promise<{ customerIds: string[]; identityIds: string[] }> {
  const page = await waitFor(
    async () => {
      const { body } = await api.get(`/api/v1/agents/${agentId}/conversations`, bearer(serviceToken()));
      return body?.items?.length >= count ? body : undefined;
    },
    `${count} customer(s) of ${agentId}`,
    30_000,
  );
  const customerIds: string[] = page.items.map((item: { customer_id: string }) => item.customer_id).sort();
  const identityIds: string[] = [];
  for (const customerId of customerIds) {
    const { body } = await api.get(`/api/v1/agents/${agentId}/customers/${customerId}/context`, bearer(serviceToken()));
    identityIds.push(body.identities[0].id);
  }
  return { customerIds, identityIds };
}

async function tenant(label: string, users: string[]): Promise<Tenant> {
  const vendor = uniqueVendor();
  const agentName = `Tenant ${label} Private Bedding ${randomUUID().slice(0, 8)}`;
  const idempotencyKey = `tenancy-${randomUUID()}`;
  const { agentId, operationId } = await provision(vendor, agentName, idempotencyKey);
  for (const [i, user] of users.entries())
    await customerWrites(agentId, user, i === 0 ? 'Can I talk to a real person?' : 'What are your store hours?');
  const { customerIds, identityIds } = await customersOf(agentId, users.length);
  const endpoint = await api.post(
    '/api/v1/event-endpoints',
    { url: 'https://127.0.0.2/voca/events', events: ['operation.completed'] },
    bearer(vendorToken(vendor)),
  );
  expect(endpoint.status).toBe(201);
  const handoffId = await waitFor(
    async () => {
      const { rows } = await db.query(`SELECT id FROM handoffs WHERE agent_id = $1 AND state = 'open'`, [agentId]);
      return rows[0]?.id as string | undefined;
    },
    `a hand-off of ${agentId}`,
    30_000,
  );
  const document = await api.post(
    `/api/v1/agents/${agentId}/knowledge`,
    { name: 'private_notes', content: `Tenant ${label}'s private notes`, format: 'text' },
    bearer(vendorToken(vendor)),
  );
  expect(document.status).toBe(202);
  const tool = await api.post(`/api/v1/agents/${agentId}/tools`, TOOL, bearer(vendorToken(vendor)));
  expect(tool.status).toBe(201);
  return {
    vendor,
    token: vendorToken(vendor),
    agentName,
    agentId,
    operationId,
    idempotencyKey,
    customerIds,
    identityIds,
    endpointId: endpoint.body.id,
    handoffId,
    documentId: document.body.id,
  };
}

beforeAll(async () => {
  ({ app: gateway, api } = await startGateway(env));
  workers = await startWorkers(env);
  [A, B] = await Promise.all([
    tenant('A', [`1555${Math.floor(1e6 + Math.random() * 8e6)}`, `1556${Math.floor(1e6 + Math.random() * 8e6)}`]),
    tenant('B', [`1557${Math.floor(1e6 + Math.random() * 8e6)}`]),
  ]);
}, 120_000);

afterAll(async () => {
  await closeAll(workers);
  await gateway?.close();
  await db.end();
});

// ------------------------------------------------------------------------------------------------------ the walk

interface OpenApiParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: { enum?: string[]; $ref?: string };
}

interface Route {
  method: (typeof HTTP_METHODS)[number];
  path: string;
  parameters: OpenApiParameter[];
  /** The name of the request body's schema (`#/components/schemas/<name>`), if the route takes a body. */
  bodySchema?: string;
}

/** Every non-public operation of the running gateway's OpenAPI document. */
async function documentedRoutes(): Promise<Route[]> {
  const openapi = await api.get('/docs/openapi.json');
  expect(openapi.status).toBe(200);
  const routes: Route[] = [];
  for (const [path, item] of Object.entries<Record<string, any>>(openapi.body.paths)) {
    if (PUBLIC_PREFIXES.some((prefix) => path.startsWith(prefix)) || OPERATOR_PATHS.includes(path)) continue;
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const ref: string | undefined = operation.requestBody?.content?.['application/json']?.schema?.$ref;
      routes.push({
        method,
        path,
        parameters: [...(item.parameters ?? []), ...(operation.parameters ?? [])],
        bodySchema: operation.requestBody ? (ref?.split('/').pop() ?? '<inline schema>') : undefined,
      });
    }
  }
  return routes;
}

/** Which tenant's object each kind of id comes from, for one pass of the walk. */
interface IdSource {
  agent: Tenant;
  operation: Tenant;
  customer: Tenant;
  identity: Tenant;
}

interface Probe {
  label: string;
  method: string;
  url: string;
  body?: string;
  /** True when at least one id in the request belongs to the foreign tenant. */
  foreign: boolean;
}

/** What the walk could not fill; the test fails naming these. */
type Unfillable = string;

/**
 * Turns a documented route into concrete requests: path parameters are filled by name (an enum parameter once per
 * value), a `vendor_id` query parameter names the source tenant, and each known body schema gets a body that would
 * be valid for the owner. Anything the walk does not know is reported instead of being skipped.
 */
function probesOf(
  route: Route,
  source: IdSource,
  foreignTenant: Tenant,
  current: { version: number },
): Probe[] | Unfillable {
  const used: Tenant[] = [];
  const take = (tenant: Tenant, value: string) => {
    used.push(tenant);
    return value;
  };
  const idOf = (name: string): string | undefined => {
    if (name === 'id' && route.path.startsWith('/api/v1/provisioning/'))
      return take(source.operation, source.operation.operationId);
    if (name === 'id' && route.path.startsWith('/api/v1/agents/')) return take(source.agent, source.agent.agentId);
    if (name === 'id' && route.path.startsWith('/api/v1/event-endpoints/'))
      return take(source.agent, source.agent.endpointId);
    if (name === 'id' && route.path.startsWith('/api/v1/handoffs/')) return take(source.agent, source.agent.handoffId);
    if (name === 'customerId') return take(source.customer, source.customer.customerIds[0]!);
    if (name === 'identityId') return take(source.identity, source.identity.identityIds[0]!);
    if (name === 'doc') return take(source.agent, source.agent.documentId);
    if (name === 'name' && route.path.includes('/tools/')) return TOOL.name;
    return undefined;
  };

  let paths: string[] = [route.path];
  for (const parameter of route.parameters.filter((p) => p.in === 'path')) {
    const value = idOf(parameter.name);
    const values = value !== undefined ? [value] : parameter.schema?.enum;
    if (!values?.length) return `${route.method.toUpperCase()} ${route.path}: path parameter {${parameter.name}}`;
    paths = paths.flatMap((path) => values.map((v) => path.replace(`{${parameter.name}}`, encodeURIComponent(v))));
  }

  const query = new URLSearchParams();
  for (const parameter of route.parameters.filter((p) => p.in === 'query')) {
    if (parameter.name === 'vendor_id') query.set('vendor_id', take(source.agent, source.agent.vendor));
    else if (parameter.required)
      return `${route.method.toUpperCase()} ${route.path}: required query parameter ${parameter.name}`;
  }

  let body: unknown;
  switch (route.bodySchema) {
    case undefined:
      break;
    case 'ProvisionAgentRequestDto':
      body = cozyComfortRequest(take(source.agent, source.agent.vendor), { channels: ['whatsapp'] });
      break;
    case 'CreateAgentRequestDto':
      body = {
        ...cozyComfortRequest(take(source.agent, source.agent.vendor), { channels: ['whatsapp'] }).agent_config,
        vendor_id: source.agent.vendor,
      };
      break;
    case 'UpdateAgentRequestDto':
      // The owner's current version: only tenancy may refuse this change.
      body = { version: current.version, description: 'changed by someone else', character_config: { tone: 'rude' } };
      break;
    case 'CreateEventEndpointDto':
      body = {
        url: 'https://127.0.0.2/voca/events',
        events: ['agent.status_changed'],
        vendor_id: take(source.agent, source.agent.vendor),
      };
      break;
    case 'HandoffReplyDto':
      body = { text: 'a reply from someone else' };
      break;
    case 'KnowledgeDocumentBody':
      body = { name: 'private_notes', content: 'notes written by someone else', format: 'text' };
      break;
    case 'ToolBody':
      body = { ...TOOL, description: 'changed by someone else' };
      break;
    case 'LinkIdentityDto':
      body = { identity_id: take(source.identity, source.identity.identityIds[1] ?? source.identity.identityIds[0]!) };
      break;
    default:
      return `${route.method.toUpperCase()} ${route.path}: request body ${route.bodySchema}`;
  }

  const foreign = used.includes(foreignTenant);
  const search = query.size ? `?${query}` : '';
  return paths.map((path) => ({
    label: `${route.method.toUpperCase()} ${path}${search}`,
    method: route.method.toUpperCase(),
    url: `${path}${search}`,
    body: body === undefined ? undefined : JSON.stringify(body),
    foreign,
  }));
}

interface Answer {
  status: number;
  text: string;
}

/** Sends a probe and reads the whole answer (an event stream included: A's operation has ended, so it ends too). */
async function send(probe: Pick<Probe, 'method' | 'url' | 'body'>, token: string): Promise<Answer> {
  const response = await fetch(`${api.baseUrl}${probe.url}`, {
    method: probe.method,
    body: probe.body,
    headers: { 'content-type': 'application/json', ...bearer(token) },
    signal: AbortSignal.timeout(15_000),
  });
  return { status: response.status, text: await response.text() };
}

/** What the vendor owns, as the database records it: the walk must leave all of it as it was. */
async function snapshot(tenant: Tenant) {
  const agent = await db.query(
    'SELECT status, version, name, description, character_config, context, updated_at FROM agents WHERE id = $1',
    [tenant.agentId],
  );
  const identities = await db.query(
    'SELECT id, customer_id, linked FROM customer_identities WHERE agent_id = $1 ORDER BY id',
    [tenant.agentId],
  );
  const byAgent = (table: string) => countRows(db, table, 'agent_id = $1', [tenant.agentId]);
  return {
    agent: agent.rows[0],
    identities: identities.rows,
    agents: await countRows(db, 'agents', 'vendor_id = $1', [tenant.vendor]),
    operations: await countRows(db, 'provisioning_operations', 'vendor_id = $1', [tenant.vendor]),
    idempotencyKeys: await countRows(db, 'idempotency_keys', 'vendor_id = $1', [tenant.vendor]),
    endpoints: await countRows(db, 'event_endpoints', 'vendor_id = $1', [tenant.vendor]),
    openHandoffs: await countRows(db, 'handoffs', `vendor_id = $1 AND state = 'open'`, [tenant.vendor]),
    channels: await byAgent('agent_channels'),
    customers: await byAgent('customers'),
    messages: await byAgent('conversation_messages'),
    events: await byAgent('agent_events'),
    characters: await byAgent('agent_characters'),
    documents: await byAgent('knowledge_documents'),
    documentVersions: await byAgent('knowledge_versions'),
    tools: await byAgent('agent_tools'),
  };
}

/** A vendor's version of its agent, read by the vendor itself. */
async function versionOf(tenant: Tenant): Promise<{ version: number }> {
  const { body } = await api.get(`/api/v1/agents/${tenant.agentId}`, bearer(tenant.token));
  return { version: body.version };
}

/**
 * The owner's vendor id or agent name found in an answer. A value the request itself carried (B naming A's vendor
 * in `?vendor_id=`, echoed by "vendor ... not found") tells the caller nothing new and is not counted.
 */
function leaks(text: string, owner: Tenant, request = ''): string[] {
  return [owner.vendor, owner.agentName].filter((secret) => text.includes(secret) && !request.includes(secret));
}

describe('operator routes', () => {
  it('answer a vendor 403 and the service 200', async () => {
    for (const path of OPERATOR_PATHS) {
      expect((await api.get(path, bearer(A.token))).status, path).toBe(403);
      expect((await api.get(path, bearer(serviceToken()))).status, path).toBe(200);
    }
  });
});

describe("another vendor's ids", () => {
  it('are answered 404 on every documented route, echo nothing of the owner, and change nothing', async () => {
    const routes = await documentedRoutes();
    // The walk must at least see the routes the README documents; a shorter list means the document went wrong.
    expect(routes.length).toBeGreaterThanOrEqual(15);
    const before = await snapshot(A);
    const current = await versionOf(A);

    // Three passes: all of A's ids; B's own agent with A's customer and identity; B's agent and customer with A's
    // identity. A pass only keeps the requests that carry at least one of A's ids.
    const passes: { name: string; source: IdSource }[] = [
      { name: "A's ids", source: { agent: A, operation: A, customer: A, identity: A } },
      { name: "B's agent, A's customer and identity", source: { agent: B, operation: B, customer: A, identity: A } },
      { name: "B's agent and customer, A's identity", source: { agent: B, operation: B, customer: B, identity: A } },
    ];
    const unfillable = new Set<string>();
    const failures: string[] = [];
    const walked = new Set<string>();
    let requests = 0;
    for (const pass of passes) {
      for (const route of routes) {
        const probes = probesOf(route, pass.source, A, current);
        if (typeof probes === 'string') {
          unfillable.add(probes);
          continue;
        }
        for (const probe of probes.filter((p) => p.foreign)) {
          const answer = await send(probe, B.token);
          requests += 1;
          walked.add(`${route.method.toUpperCase()} ${route.path}`);
          // A create names its vendor in the body; the README answers a vendor acting for another with 403, which
          // tells nothing about the other vendor. Every other route names A's objects and must answer 404.
          const createsForVendor = [
            'ProvisionAgentRequestDto',
            'CreateAgentRequestDto',
            'CreateEventEndpointDto',
          ].includes(route.bodySchema ?? '');
          const expected = createsForVendor ? 403 : 404;
          if (answer.status !== expected) {
            failures.push(
              `[${pass.name}] ${probe.label} answered ${answer.status} (expected ${expected}): ${answer.text.slice(0, 300)}`,
            );
          }
          const leaked = leaks(answer.text, A, `${probe.url} ${probe.body ?? ''}`);
          if (leaked.length)
            failures.push(`[${pass.name}] ${probe.label} echoed ${leaked.join(' and ')}: ${answer.text.slice(0, 300)}`);
        }
      }
    }

    expect(
      [...unfillable],
      `the tenancy walk does not know how to fill these documented routes; teach probesOf() about them:\n${[...unfillable].join('\n')}`,
    ).toEqual([]);
    expect(failures, failures.join('\n')).toEqual([]);
    // Every documented route was walked at least once with a foreign id.
    expect([...walked].sort()).toEqual(routes.map((r) => `${r.method.toUpperCase()} ${r.path}`).sort());
    expect(requests).toBeGreaterThanOrEqual(routes.length);
    console.info(`tenancy walk: ${routes.length} documented routes, ${requests} requests with B's token, all refused`);

    expect(await snapshot(A)).toEqual(before);
    expect((await api.get(`/api/v1/agents/${A.agentId}`, bearer(A.token))).body).toMatchObject({
      status: 'active',
      version: current.version,
    });
  });

  it("keep their meaning under the service token: one agent's customer or identity is not found under another agent", async () => {
    const routes = await documentedRoutes();
    const before = [await snapshot(A), await snapshot(B)];
    const failures: string[] = [];
    let requests = 0;
    const sources: IdSource[] = [
      { agent: A, operation: A, customer: B, identity: B },
      { agent: A, operation: A, customer: A, identity: B },
    ];
    for (const source of sources) {
      for (const route of routes.filter((r) => r.parameters.some((p) => p.name === 'customerId'))) {
        const probes = probesOf(route, source, B, await versionOf(A));
        if (typeof probes === 'string') throw new Error(`cannot fill ${probes}`);
        for (const probe of probes.filter((p) => p.foreign)) {
          const answer = await send(probe, serviceToken());
          requests += 1;
          if (answer.status !== 404)
            failures.push(`${probe.label} answered ${answer.status}: ${answer.text.slice(0, 300)}`);
        }
      }
    }
    expect(failures, failures.join('\n')).toEqual([]);
    expect(requests).toBeGreaterThan(0);
    expect([await snapshot(A), await snapshot(B)]).toEqual(before);
  });

  it('answer the owner itself with 200 on every GET route (so the 404s above are about tenancy, not about bad ids)', async () => {
    const routes = (await documentedRoutes()).filter((route) => route.method === 'get');
    const failures: string[] = [];
    for (const route of routes) {
      const probes = probesOf(route, { agent: A, operation: A, customer: A, identity: A }, A, await versionOf(A));
      if (typeof probes === 'string') throw new Error(`cannot fill ${probes}`);
      for (const probe of probes) {
        const answer = await send(probe, A.token);
        if (answer.status !== 200)
          failures.push(`${probe.label} answered ${answer.status}: ${answer.text.slice(0, 300)}`);
      }
    }
    expect(failures, failures.join('\n')).toEqual([]);
    expect(routes.length).toBeGreaterThanOrEqual(8);
  });
});

describe('listing and streaming across vendors', () => {
  it("refuses a list filtered by another vendor with 404, whatever the other filters, and lists only one's own", async () => {
    for (const query of [
      `vendor_id=${A.vendor}`,
      `vendor_id=${A.vendor}&status=active`,
      `vendor_id=${A.vendor}&channel=whatsapp&business_type=retail&skip=0&limit=100`,
      `vendor_id=${A.vendor}&status=deleted`,
    ]) {
      const response = await api.get(`/api/v1/agents?${query}`, bearer(B.token));
      expect(response.status, query).toBe(404);
      expect(leaks(JSON.stringify(response.body), A, query)).toEqual([]);
      expect(JSON.stringify(response.body)).not.toContain(A.agentId);
    }
    for (const query of ['', '?channel=whatsapp', '?status=active', '?limit=100', `?vendor_id=${B.vendor}`]) {
      const own = await api.get(`/api/v1/agents${query}`, bearer(B.token));
      expect(own.status, query).toBe(200);
      expect(own.body.items.length).toBeGreaterThan(0);
      expect(own.body.items.every((agent: { vendor_id: string }) => agent.vendor_id === B.vendor)).toBe(true);
      expect(leaks(JSON.stringify(own.body), A), query).toEqual([]);
    }
    // The service token sees both.
    const all = await api.get(`/api/v1/agents?vendor_id=${A.vendor}`, bearer(serviceToken()));
    expect(all.body.items.map((agent: { id: string }) => agent.id)).toContain(A.agentId);
  });

  it("hides another vendor's event stream behind 404 and streams one's own", async () => {
    const stranger = await readSse(
      `${api.baseUrl}/api/v1/provisioning/${A.operationId}/events`,
      bearer(B.token),
      10_000,
    );
    expect(stranger.status).toBe(404);
    expect(stranger.events).toEqual([]);
    const raw = await send({ method: 'GET', url: `/api/v1/provisioning/${A.operationId}/events` }, B.token);
    expect(raw.status).toBe(404);
    expect(leaks(raw.text, A)).toEqual([]);
    const own = await readSse(`${api.baseUrl}/api/v1/provisioning/${A.operationId}/events`, bearer(A.token), 10_000);
    expect(own.status).toBe(200);
    expect(JSON.parse(own.events.at(-1)!.data)).toMatchObject({ provisioning_id: A.operationId, status: 'completed' });
  });

  it("does not replay another vendor's operation for the same Idempotency-Key", async () => {
    const before = await snapshot(A);
    const headers = { ...bearer(B.token), 'idempotency-key': A.idempotencyKey };
    // A different body with A's key: for B the key is new, so this is neither A's operation nor a 422.
    const accepted = await api.post(
      '/api/v1/agents/provision',
      cozyComfortRequest(B.vendor, { channels: ['facebook'] }),
      headers,
    );
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(202);
    expect(accepted.headers.get('idempotent-replayed')).toBeNull();
    expect(accepted.body.provisioning_id).not.toBe(A.operationId);
    expect(accepted.body.agent_id).not.toBe(A.agentId);
    expect(leaks(JSON.stringify(accepted.body), A)).toEqual([]);
    // A retry by B replays B's operation.
    const again = await api.post(
      '/api/v1/agents/provision',
      cozyComfortRequest(B.vendor, { channels: ['facebook'] }),
      headers,
    );
    expect(again.body.provisioning_id).toBe(accepted.body.provisioning_id);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await snapshot(A)).toEqual(before);
  });
});
