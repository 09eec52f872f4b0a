import { CredentialCipher, toolSecretBinding } from '@voca/secrets';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../support/app-processes.js';
import { testDatabase } from '../support/database.js';
import { Api } from '../support/http.js';
import { TEST_CREDENTIALS_KEY, TEST_PUBLIC_ADDRESS, testEnv, uniqueVendor } from '../support/test-env.js';
import { bearer, serviceToken, vendorToken } from '../support/tokens.js';

/**
 * An agent's tools through the gateway's API, on the built gateway: registration with its secret shown once and
 * stored sealed, the list and one tool, PUT replacing or registering, deletion, what is refused (names, schemas ajv
 * cannot compile, URLs inside the engine's network, timeouts, channels), the per-agent limit, tenancy and the audit
 * trail. Agents are rows written here: nothing needs them provisioned.
 */

const MAX_TOOLS = 2;
/** A backend the engine may call: TEST_PUBLIC_ADDRESS plays the public internet (OUTBOUND_ALLOWED_CIDRS). */
const BACKEND = `https://${TEST_PUBLIC_ADDRESS}/voca/tools`;

const ORDER_NUMBER_SCHEMA = {
  type: 'object',
  properties: { order_number: { type: 'string', pattern: '^[0-9]{4,10}$', description: 'The order number' } },
  required: ['order_number'],
  additionalProperties: false,
};

const orderStatus = (overrides: Record<string, unknown> = {}) => ({
  name: 'order_status',
  description: 'Looks up an order of the store by its number: its status, carrier and expected delivery date.',
  parameters: ORDER_NUMBER_SCHEMA,
  url: `${BACKEND}/order_status`,
  ...overrides,
});

const db = testDatabase();
const agents: string[] = [];
let engine: Engine;
let api: Api;

/** An agent row of `vendor`, as provisioning leaves it. */
async function insertAgent(vendor: string, status = 'active'): Promise<string> {
  const id = randomUUID();
  await db.query(
    `INSERT INTO agents (id, vendor_id, name, business_type, status, version)
     VALUES ($1, $2, 'Cozy Comfort Bedding', 'retail', $3, 1)`,
    [id, vendor, status],
  );
  agents.push(id);
  return id;
}

async function toolRow(agentId: string, name: string) {
  const { rows } = await db.query(`SELECT * FROM agent_tools WHERE agent_id = $1 AND name = $2`, [agentId, name]);
  return rows[0];
}

async function toolCount(agentId: string): Promise<number> {
  const { rows } = await db.query(`SELECT count(*)::int AS n FROM agent_tools WHERE agent_id = $1`, [agentId]);
  return rows[0].n;
}

async function auditOf(agentId: string, action: string): Promise<any[]> {
  const audit = await api.get(`/api/v1/agents/${agentId}/audit?limit=100`);
  expect(audit.status).toBe(200);
  return audit.body.events.filter((event: { action: string }) => event.action === action);
}

const fieldsOf = (body: { fields?: { field: string }[] }) => (body.fields ?? []).map((f) => f.field);

beforeAll(async () => {
  engine = await Engine.start(testEnv({ TOOLS_MAX_PER_AGENT: String(MAX_TOOLS) }), ['api-gateway']);
  api = new Api(engine.gatewayUrl, bearer(serviceToken()));
}, 60_000);

afterAll(async () => {
  await engine?.stop();
  // The tools and audit lines go with their agents (the foreign keys cascade).
  if (agents.length) await db.query(`DELETE FROM agents WHERE id = ANY($1::uuid[])`, [agents]);
  await db.end();
});

describe("registering the agent's tools", () => {
  const vendor = uniqueVendor();
  const asVendor = bearer(vendorToken(vendor));
  let agentId: string;
  let base: string;
  let secret: string;

  beforeAll(async () => {
    agentId = await insertAgent(vendor);
    base = `/api/v1/agents/${agentId}/tools`;
  });

  it('registers a tool (201) with its defaults, shows its signing secret once and stores it sealed', async () => {
    const created = await api.post(base, orderStatus(), { ...asVendor, 'x-request-id': 'tools-e2e-register' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      agent_id: agentId,
      ...orderStatus(),
      timeout_ms: 3000,
      channels: null,
      requires_confirmation: false,
      handoff_on_failure: false,
      // Inferred from the name; stored as given (none).
      intent: 'order_status',
      created_at: expect.any(String),
      updated_at: expect.any(String),
      signing_secret: expect.stringMatching(/^whsec_[A-Za-z0-9_-]{43}$/),
    });
    expect(created.headers.get('location')).toBe(`${base}/order_status`);
    secret = created.body.signing_secret;

    const row = await toolRow(agentId, 'order_status');
    expect(row).toMatchObject({
      id: created.body.id,
      vendor_id: vendor,
      intent: null,
      created_by: `vendor:${vendor}:user-of-${vendor}`,
    });
    expect(row.secret_ciphertext).not.toContain(secret);
    const cipher = new CredentialCipher(TEST_CREDENTIALS_KEY);
    expect(cipher.decrypt(row.secret_ciphertext, toolSecretBinding(row.id))).toEqual({ secret });

    const [audited] = await auditOf(agentId, 'tool_registered');
    expect(audited).toMatchObject({
      actor: `vendor:${vendor}:user-of-${vendor}`,
      request_id: 'tools-e2e-register',
      details: { tool_id: created.body.id, name: 'order_status' },
    });
    expect(JSON.stringify(audited)).not.toContain(secret);
  });

  it('lists the tools by name and shows one, never with its secret', async () => {
    const second = await api.post(
      base,
      {
        name: 'book_fitting',
        description: 'Books a mattress fitting in the store.',
        parameters: { type: 'object', properties: { day: { type: 'string', format: 'date' } } },
        url: `${BACKEND}/book_fitting`,
        timeout_ms: 5000,
        channels: ['whatsapp', 'voice'],
        requires_confirmation: true,
        handoff_on_failure: true,
      },
      asVendor,
    );
    expect(second.status).toBe(201);
    expect(second.body).toMatchObject({ channels: ['whatsapp', 'voice'], timeout_ms: 5000, intent: 'booking' });

    const list = await api.get(base, asVendor);
    expect(list.status).toBe(200);
    expect(list.body.items.map((tool: { name: string }) => tool.name)).toEqual(['book_fitting', 'order_status']);
    expect(JSON.stringify(list.body)).not.toContain('signing_secret');

    const one = await api.get(`${base}/order_status`, asVendor);
    expect(one.status).toBe(200);
    expect(one.body).toEqual(list.body.items[1]);
    expect(one.body).not.toHaveProperty('signing_secret');
    expect(JSON.stringify(one.body)).not.toContain(secret);
    expect((await api.get(`${base}/track_parcel`)).status).toBe(404);
  });

  it('refuses a name the agent has with 409, and writes nothing', async () => {
    const before = await toolRow(agentId, 'order_status');
    const again = await api.post(base, orderStatus({ url: `${BACKEND}/other` }), asVendor);
    expect(again.status).toBe(409);
    expect(again.body.message).toContain('order_status');
    expect(await toolRow(agentId, 'order_status')).toEqual(before);
  });

  it('replaces a whole tool with PUT (200): absent fields take their defaults, the id and secret stay', async () => {
    const before = await toolRow(agentId, 'book_fitting');
    const replaced = await api.put(
      `${base}/book_fitting`,
      {
        description: 'Books a mattress fitting in the store, on a day it is open.',
        parameters: { type: 'object', properties: { day: { type: 'string' } }, required: ['day'] },
        url: `${BACKEND}/fittings`,
        intent: 'booking',
      },
      asVendor,
    );
    expect(replaced.status, JSON.stringify(replaced.body)).toBe(200);
    expect(replaced.body).toEqual({
      id: before.id,
      agent_id: agentId,
      name: 'book_fitting',
      description: 'Books a mattress fitting in the store, on a day it is open.',
      parameters: { type: 'object', properties: { day: { type: 'string' } }, required: ['day'] },
      url: `${BACKEND}/fittings`,
      timeout_ms: 3000,
      channels: null,
      requires_confirmation: false,
      handoff_on_failure: false,
      intent: 'booking',
      created_at: before.created_at.toISOString(),
      updated_at: expect.any(String),
    });
    const after = await toolRow(agentId, 'book_fitting');
    expect(after.secret_ciphertext).toBe(before.secret_ciphertext);
    expect(after.intent).toBe('booking');
    expect(after.updated_at.getTime()).toBeGreaterThan(before.updated_at.getTime());
    expect(replaced.body.updated_at).toBe(after.updated_at.toISOString());
    expect(await auditOf(agentId, 'tool_replaced')).toEqual([
      expect.objectContaining({ details: { tool_id: before.id, name: 'book_fitting' } }),
    ]);

    // The body may name the tool, but only as the path does.
    const renamed = await api.put(`${base}/book_fitting`, orderStatus({ name: 'book_visit' }), asVendor);
    expect(renamed.status).toBe(400);
    expect(fieldsOf(renamed.body)).toEqual(['name']);
    const named = await api.put(`${base}/book_fitting`, orderStatus({ name: 'book_fitting' }), asVendor);
    expect(named.status).toBe(200);
    expect(named.body.id).toBe(before.id);
  });

  it('deletes a tool (204), then answers 404 for it', async () => {
    const tool = await toolRow(agentId, 'book_fitting');
    const deleted = await api.delete(`${base}/book_fitting`, asVendor);
    expect(deleted.status).toBe(204);
    expect((await api.get(`${base}/book_fitting`, asVendor)).status).toBe(404);
    expect((await api.delete(`${base}/book_fitting`, asVendor)).status).toBe(404);
    expect(await toolRow(agentId, 'book_fitting')).toBeUndefined();
    expect(await auditOf(agentId, 'tool_deleted')).toEqual([
      expect.objectContaining({
        actor: `vendor:${vendor}:user-of-${vendor}`,
        details: { tool_id: tool.id, name: 'book_fitting' },
      }),
    ]);
  });

  it('registers a tool a PUT names when there is none (201), with its secret', async () => {
    const created = await api.put(`${base}/check_stock`, {
      description: 'Whether a product is in stock, by its SKU.',
      parameters: { type: 'object', properties: { sku: { type: 'string' } }, required: ['sku'] },
      url: `${BACKEND}/stock`,
      channels: ['instagram'],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({
      name: 'check_stock',
      intent: 'stock_check',
      channels: ['instagram'],
      signing_secret: expect.stringMatching(/^whsec_/),
    });
    expect(created.headers.get('location')).toBe(`${base}/check_stock`);
    expect(created.body.signing_secret).not.toBe(secret);
    expect((await auditOf(agentId, 'tool_registered')).map((entry) => entry.details.name)).toEqual([
      'order_status',
      'book_fitting',
      'check_stock',
    ]);
  });

  it('refuses what is not a tool with 400 naming the field, and writes nothing', async () => {
    const before = await toolCount(agentId);
    const refusals: [string, Record<string, unknown>, string][] = [
      ['a name with capitals', orderStatus({ name: 'OrderStatus' }), 'name'],
      ['a name starting with a digit', orderStatus({ name: '1order' }), 'name'],
      ['a name too long', orderStatus({ name: 'o'.repeat(65) }), 'name'],
      ['no name', orderStatus({ name: undefined }), 'name'],
      ['no description', orderStatus({ name: 'track_a', description: undefined }), 'description'],
      ['a schema of a string', orderStatus({ name: 'track_b', parameters: { type: 'string' } }), 'parameters'],
      [
        'a schema ajv cannot compile',
        orderStatus({ name: 'track_c', parameters: { type: 'object', properties: { a: { type: 'nope' } } } }),
        'parameters',
      ],
      [
        'a remote $ref',
        orderStatus({ name: 'track_d', parameters: { type: 'object', $ref: 'https://example.com/schema.json' } }),
        'parameters',
      ],
      ['parameters not an object', orderStatus({ name: 'track_e', parameters: 'order_number' }), 'parameters'],
      ['a loopback URL', orderStatus({ name: 'track_f', url: 'https://127.0.0.1/voca/tools' }), 'url'],
      [
        'the cloud metadata address',
        orderStatus({ name: 'track_g', url: 'http://169.254.169.254/latest/meta-data/' }),
        'url',
      ],
      ['localhost', orderStatus({ name: 'track_h', url: 'https://localhost/voca' }), 'url'],
      ['not a URL', orderStatus({ name: 'track_i', url: 'backend/voca' }), 'url'],
      ['a timeout too short', orderStatus({ name: 'track_j', timeout_ms: 99 }), 'timeout_ms'],
      ['a timeout too long', orderStatus({ name: 'track_k', timeout_ms: 10_001 }), 'timeout_ms'],
      ['an unknown channel', orderStatus({ name: 'track_l', channels: ['whatsapp', 'wechat'] }), 'channels'],
      ['no channel', orderStatus({ name: 'track_m', channels: [] }), 'channels'],
      ['an unknown intent', orderStatus({ name: 'track_n', intent: 'refund' }), 'intent'],
      ['an unknown field', orderStatus({ name: 'track_o', secret: 'mine' }), 'secret'],
    ];
    for (const [what, body, field] of refusals) {
      const refused = await api.post(base, body);
      expect(refused.status, what).toBe(400);
      expect(fieldsOf(refused.body), what).toEqual([field]);
    }

    const uncompilable = await api.post(
      base,
      orderStatus({ name: 'track_p', parameters: { type: 'object', properties: { a: { type: 'nope' } } } }),
    );
    expect(uncompilable.body.fields[0].messages[0]).toMatch(/schema is invalid.*\/properties\/a\/type/);
    const stringSchema = await api.post(base, orderStatus({ name: 'track_q', parameters: { type: 'string' } }));
    expect(stringSchema.body.message).toContain('type: "object"');
    const internal = await api.post(base, orderStatus({ name: 'track_r', url: 'http://169.254.169.254/' }));
    expect(internal.body.message).toContain('inside the engine');

    // PUT refuses the same, and a name in the path no tool can have.
    const putRefused = await api.put(
      `${base}/track_s`,
      orderStatus({ name: undefined, parameters: { type: 'string' } }),
    );
    expect(putRefused.status).toBe(400);
    expect(fieldsOf(putRefused.body)).toEqual(['parameters']);
    for (const path of [`${base}/Order-Status`, `${base}/${'o'.repeat(65)}`]) {
      expect((await api.get(path)).status, path).toBe(400);
      const badPut = await api.put(path, orderStatus({ name: undefined }));
      expect(badPut.status, path).toBe(400);
      expect(fieldsOf(badPut.body), path).toEqual(['name']);
      expect((await api.delete(path)).status, path).toBe(400);
    }
    expect((await api.get(`/api/v1/agents/not-a-uuid/tools`)).status).toBe(400);
    expect(await toolCount(agentId)).toBe(before);
  });

  it("answers 404 to another vendor's token on every route, and changes nothing", async () => {
    const other = bearer(vendorToken(uniqueVendor()));
    const before = await toolRow(agentId, 'order_status');
    expect((await api.get(base, other)).status).toBe(404);
    expect((await api.get(`${base}/order_status`, other)).status).toBe(404);
    expect((await api.post(base, orderStatus({ name: 'intruder' }), other)).status).toBe(404);
    expect((await api.put(`${base}/order_status`, orderStatus({ url: `${BACKEND}/stolen` }), other)).status).toBe(404);
    expect((await api.put(`${base}/intruder`, orderStatus({ name: undefined }), other)).status).toBe(404);
    expect((await api.delete(`${base}/order_status`, other)).status).toBe(404);
    expect(await toolRow(agentId, 'order_status')).toEqual(before);
    expect(await toolRow(agentId, 'intruder')).toBeUndefined();

    const unknown = `/api/v1/agents/${randomUUID()}/tools`;
    expect((await api.get(unknown)).status).toBe(404);
    expect((await api.post(unknown, orderStatus())).status).toBe(404);
  });
});

describe('the limits and the agent being deleted', () => {
  it('refuses a tool past TOOLS_MAX_PER_AGENT with 422, even two at once, and still replaces one', async () => {
    const agentId = await insertAgent(uniqueVendor());
    const base = `/api/v1/agents/${agentId}/tools`;
    for (let n = 1; n <= MAX_TOOLS; n += 1)
      expect((await api.post(base, orderStatus({ name: `tool_${n}` }))).status).toBe(201);
    const over = await api.post(base, orderStatus({ name: 'one_more' }));
    expect(over.status).toBe(422);
    expect(over.body.message).toContain('TOOLS_MAX_PER_AGENT');
    expect((await api.put(`${base}/one_more`, orderStatus({ name: undefined }))).status).toBe(422);
    expect((await api.put(`${base}/tool_1`, orderStatus({ name: undefined }))).status).toBe(200);
    expect(await toolCount(agentId)).toBe(MAX_TOOLS);

    // Room for one: of two registrations at once, one passes.
    expect((await api.delete(`${base}/tool_2`)).status).toBe(204);
    const racing = await Promise.all([
      api.post(base, orderStatus({ name: 'racer_a' })),
      api.put(`${base}/racer_b`, orderStatus({ name: undefined })),
    ]);
    expect(racing.map((answer) => answer.status).sort()).toEqual([201, 422]);
    expect(await toolCount(agentId)).toBe(MAX_TOOLS);
  });

  it('keeps a deleted agent from taking tools (409), as its documents', async () => {
    const agentId = await insertAgent(uniqueVendor(), 'deleting');
    const base = `/api/v1/agents/${agentId}/tools`;
    const refused = await api.post(base, orderStatus());
    expect(refused.status).toBe(409);
    expect(refused.body.message).toContain('deleting');
    expect((await api.put(`${base}/order_status`, orderStatus())).status).toBe(409);
    expect(await api.get(base)).toMatchObject({ status: 200, body: { items: [] } });
  });
});
