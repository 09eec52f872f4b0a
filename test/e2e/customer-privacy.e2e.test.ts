import { PGlite } from '@electric-sql/pglite';
import { fuzzystrmatch } from '@electric-sql/pglite/contrib/fuzzystrmatch';
import { vector } from '@electric-sql/pglite/vector';
import { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SocialEmulator } from '../emulators/social/index.js';
import { AppProcess, Engine, freePort } from '../support/app-processes.js';
import { testDatabase } from '../support/database.js';
import { EventReceiver, type ReceivedEvent } from '../support/event-receiver.js';
import { Api } from '../support/http.js';
import { operationEnd } from '../support/operations.js';
import { signMeta, whatsappTextMessage } from '../support/platform-webhooks.js';
import { cozyComfortRequest } from '../support/seed.js';
import { TEST_REDIS_URL, testEnv, uniqueVendor } from '../support/test-env.js';
import { bearer, vendorToken } from '../support/tokens.js';
import { waitFor } from '../support/wait-for.js';
import { checkedFetch } from '../support/openapi-contract.js';

/**
 * A customer's right of access and right to be forgotten, through the API, on the whole engine: what a customer said
 * on WhatsApp (unique words, a unique name, a unique number) is in the export; after the erasure no table, no Redis
 * key and no ElizaOS store holds any of it (each searched for those strings), the backend hears `customer.erased`,
 * the audit trail says who erased whom without saying what, and the same number writing again is a new customer.
 */

const META_SECRET = 'meta-app-secret-for-privacy-tests';
const account = `61${Date.now()}`;
const token = 'EAAG-privacy-token';
const vendor = uniqueVendor();
const marker = randomUUID().slice(0, 8);
const secrets = {
  words: `zebra-${marker}-words`,
  handoffWords: `person-${marker}-please`,
  name: `Quill${marker}`,
  number: `1555${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`,
};

const db = testDatabase();
const dataDir = mkdtempSync(join(tmpdir(), 'voca-eliza-'));
let social: SocialEmulator;
let receiver: EventReceiver;
let engine: Engine;
let env: Record<string, string>;
let elizaos: AppProcess;
let api: Api;
let agentId: string;
let customerId: string;

async function postWhatsapp(text: string): Promise<void> {
  const body = whatsappTextMessage({ phoneNumberId: account, from: secrets.number, name: secrets.name, text });
  const response = await checkedFetch(`${engine.gatewayUrl}/api/v1/webhooks/meta`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...signMeta(body, META_SECRET) },
    body,
  });
  expect(response.status).toBe(200);
}

/** Starts (again) an elizaos-worker on the test's ElizaOS data directory. */
async function startElizaos(): Promise<void> {
  elizaos = AppProcess.spawn('elizaos-worker', env, await freePort());
  await elizaos.ready();
}

/** Which of the strings some table of the engine's Postgres still holds, each with the tables that hold it. */
async function inPostgres(strings: string[]): Promise<string[]> {
  const tables = await db.query<{ name: string }>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
  );
  const found: string[] = [];
  for (const { name } of tables.rows) {
    for (const value of strings) {
      const hit = await db.query(`SELECT 1 FROM "${name}" row WHERE row::text LIKE $1 LIMIT 1`, [`%${value}%`]);
      if (hit.rowCount) found.push(`${value} in ${name}`);
    }
  }
  return found;
}

/** Which of the strings some Redis key (any type: jobs, their data and results, event streams) still holds. */
async function inRedis(strings: string[]): Promise<string[]> {
  const redis = new Redis(TEST_REDIS_URL);
  const found = new Set<string>();
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'COUNT', 1000);
      cursor = next;
      for (const key of keys) {
        const type = await redis.type(key);
        const value =
          type === 'string'
            ? await redis.getBuffer(key).then(String)
            : type === 'hash'
              ? await redis.hgetall(key)
              : type === 'list'
                ? await redis.lrange(key, 0, -1)
                : type === 'set'
                  ? await redis.smembers(key)
                  : type === 'zset'
                    ? await redis.zrange(key, 0, -1)
                    : type === 'stream'
                      ? await redis.xrange(key, '-', '+')
                      : '';
        const text = `${key} ${JSON.stringify(value)}`;
        for (const value of strings) if (text.includes(value)) found.add(`${value} in ${key}`);
      }
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
  return [...found];
}

/** Which of the strings the stopped elizaos-worker's ElizaOS store (PGlite on disk) holds, table by table. */
async function inElizaos(strings: string[]): Promise<string[]> {
  const store = new PGlite(dataDir, { extensions: { vector, fuzzystrmatch } });
  const found: string[] = [];
  try {
    const tables = await store.query<{ name: string }>(
      `SELECT format('%I.%I', schemaname, tablename) AS name FROM pg_tables
        WHERE schemaname NOT IN ('pg_catalog', 'information_schema')`,
    );
    for (const { name } of tables.rows) {
      for (const value of strings) {
        const hit = await store.query(`SELECT 1 FROM ${name} row WHERE row::text LIKE $1 LIMIT 1`, [`%${value}%`]);
        if (hit.rows.length) found.push(`${value} in ${name}`);
      }
    }
  } finally {
    await store.close();
  }
  return found;
}

beforeAll(async () => {
  social = await SocialEmulator.start({ graphVersion: 'v21.0' });
  social.allowToken(account, token);
  receiver = await EventReceiver.start();
  env = testEnv({
    META_APP_SECRET: META_SECRET,
    META_GRAPH_BASE_URL: social.url,
    META_GRAPH_VERSION: 'v21.0',
    EVENT_DELIVERY: 'on',
    EVENT_POLL_INTERVAL_MS: '100',
    ELIZAOS_DATA_DIR: dataDir,
  });
  engine = await Engine.start(env, ['api-gateway', 'aws-connect-worker', 'context-service']);
  await startElizaos();
  api = new Api(engine.gatewayUrl, bearer(vendorToken(vendor)));
  const registered = await api.post('/api/v1/event-endpoints', {
    url: receiver.url,
    events: ['conversation.handoff', 'customer.erased'],
  });
  receiver.secret = registered.body.secret;
  const accepted = await api.post(
    '/api/v1/agents/provision',
    cozyComfortRequest(vendor, {
      channels: ['whatsapp'],
      channel_credentials: { whatsapp: { phone_number_id: account, access_token: token } },
    } as never),
  );
  agentId = accepted.body.agent_id;
  await operationEnd(api, accepted.body.status_url, 60_000);
  await postWhatsapp(`What are your store hours? ${secrets.words}`);
  await waitFor(async () => (social.sentTo(secrets.number).length >= 1 ? true : undefined), 'the first reply');
  await postWhatsapp(`I want to talk to a real person ${secrets.handoffWords}`);
  const handoff = await waitFor(
    async () => receiver.accepted((event) => event.type === 'conversation.handoff' && event.agent_id === agentId)[0],
    'the hand-off event',
    30_000,
  );
  customerId = handoff.data.customer_id;
}, 180_000);

afterAll(async () => {
  await db.query(`DELETE FROM event_endpoints WHERE vendor_id = $1`, [vendor]);
  await elizaos?.stop();
  await engine?.stop();
  await Promise.all([receiver?.stop(), social?.stop()]);
  await db.end();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("a customer's data", () => {
  const all = () => Object.values(secrets);

  it('is exported whole, to the vendor whose customer it is only', async () => {
    const exported = await api.get(`/api/v1/agents/${agentId}/customers/${customerId}/export`);
    expect(exported.status).toBe(200);
    const text = JSON.stringify(exported.body);
    for (const value of all()) expect(text, value).toContain(value);
    expect(exported.body.customer).toMatchObject({ id: customerId, agent_id: agentId, display_name: secrets.name });
    expect(exported.body.identities).toEqual([
      expect.objectContaining({ channel: 'whatsapp', external_id: secrets.number }),
    ]);
    const directions = exported.body.messages.map((message: { direction: string }) => message.direction);
    expect(directions.filter((direction: string) => direction === 'inbound')).toHaveLength(2);
    expect(directions.filter((direction: string) => direction === 'outbound').length).toBeGreaterThanOrEqual(2);
    expect(exported.body.handoffs).toHaveLength(1);
    expect(exported.body.events.map((event: { type: string }) => event.type)).toContain('conversation.handoff');

    const other = new Api(engine.gatewayUrl, bearer(vendorToken(uniqueVendor())));
    expect((await other.get(`/api/v1/agents/${agentId}/customers/${customerId}/export`)).status).toBe(404);
    expect((await other.delete(`/api/v1/agents/${agentId}/customers/${customerId}`)).status).toBe(404);
  });

  it('is in every store before the erasure, so that the search after it means something', async () => {
    // Messages, the customer and its identity, the hand-off event: each string in at least one table.
    expect((await inPostgres([secrets.words])).length).toBeGreaterThan(0);
    expect((await inPostgres([secrets.name])).length).toBeGreaterThan(0);
    expect((await inPostgres([secrets.number])).length).toBeGreaterThan(0);
    expect((await inRedis([secrets.words])).length).toBeGreaterThan(0);
    await elizaos.stop();
    expect(await inElizaos([secrets.words, secrets.name])).toEqual(
      expect.arrayContaining([expect.stringContaining(secrets.words), expect.stringContaining(secrets.name)]),
    );
    await startElizaos();
  }, 90_000);

  it('is erased: no table, Redis key or ElizaOS store holds it; the backend hears it; the audit says who, not what', async () => {
    // A turn still running answers 409 (its words are in flight): the backend tries again, as this does.
    const erased = await waitFor(async () => {
      const answer = await api.delete(`/api/v1/agents/${agentId}/customers/${customerId}`);
      return answer.status === 409 ? undefined : answer;
    }, 'the erasure');
    expect(erased.status).toBe(200);
    expect(erased.body).toMatchObject({ customer_id: customerId, agent_id: agentId, traces: 'pending' });
    expect(erased.body.erased).toMatchObject({ identities: 1, handoffs: 1 });
    expect(erased.body.erased.messages).toBeGreaterThanOrEqual(4);
    await waitFor(async () => {
      const { rows } = await db.query(
        `SELECT completed_at FROM customer_erasures WHERE customer_id = $1 AND completed_at IS NOT NULL`,
        [customerId],
      );
      return rows[0];
    }, 'the erasure to be complete outside the record');

    expect(await inPostgres(all())).toEqual([]);
    expect(await inRedis(all())).toEqual([]);
    await elizaos.stop();
    expect(await inElizaos(all())).toEqual([]);
    await startElizaos();

    const heard: ReceivedEvent = await waitFor(
      async () => receiver.accepted((event) => event.type === 'customer.erased' && event.agent_id === agentId)[0],
      'the customer.erased event',
    );
    expect(heard.data).toEqual({ customer_id: customerId, ...erased.body.erased });
    const audit = await api.get(`/api/v1/agents/${agentId}/audit?limit=100`);
    const line = audit.body.events.find((event: { action: string }) => event.action === 'customer_erased');
    expect(line).toMatchObject({ actor: `vendor:${vendor}:user-of-${vendor}`, details: { customer_id: customerId } });
    expect(JSON.stringify(audit.body)).not.toMatch(new RegExp(all().join('|')));

    expect((await api.get(`/api/v1/agents/${agentId}/customers/${customerId}/export`)).status).toBe(404);
    expect((await api.delete(`/api/v1/agents/${agentId}/customers/${customerId}`)).status).toBe(404);
  }, 120_000);

  it('starts anew when the same number writes again', async () => {
    await postWhatsapp('Hello again, what are your store hours?');
    const conversations = await waitFor(async () => {
      const page = await api.get(`/api/v1/agents/${agentId}/conversations`);
      return page.body.items.length ? page.body.items : undefined;
    }, 'the new conversation');
    expect(conversations).toHaveLength(1);
    expect(conversations[0].customer_id).not.toBe(customerId);
    const context = await api.get(`/api/v1/agents/${agentId}/customers/${conversations[0].customer_id}/context`);
    expect(context.body.turns[0].text).toBe('Hello again, what are your store hours?');
    expect(JSON.stringify(context.body)).not.toMatch(new RegExp([secrets.words, secrets.handoffWords].join('|')));
  }, 60_000);
});
