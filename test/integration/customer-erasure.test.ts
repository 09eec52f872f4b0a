import type { INestApplication } from '@nestjs/common';
import { forgetJobId, QueueName } from '@voca/contracts';
import { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConversationSeed } from '../support/conversations.js';
import { testDataSource } from '../support/database.js';
import type { Api } from '../support/http.js';
import { startGateway } from '../support/in-process.js';
import { TEST_REDIS_URL, testEnv } from '../support/test-env.js';
import { bearer, serviceToken, vendorToken } from '../support/tokens.js';

/**
 * Erasing one customer through the gateway, at its edges: a turn in flight, an identity that moved to another
 * customer, a message recorded before it was tied to anyone, and the job that forgets them outside Postgres.
 */

const env = testEnv();
let gateway: INestApplication;
let api: Api;
let db: DataSource;
let seed: ConversationSeed;
let context: Queue;
const service = () => bearer(serviceToken());

beforeAll(async () => {
  ({ app: gateway, api } = await startGateway(env));
  db = await testDataSource('customer-erasure-test');
  seed = new ConversationSeed(db);
  context = new Queue(QueueName.Context, { connection: { url: TEST_REDIS_URL }, prefix: env.QUEUE_PREFIX });
});

afterAll(async () => {
  await context?.close();
  await seed?.remove();
  await db?.destroy();
  await gateway?.close();
});

const inbound = (agentId: string, customerId: string | null, counterpartId: string, status: string) =>
  seed.message({
    agentId,
    customerId,
    channel: 'whatsapp',
    direction: 'inbound',
    businessAccountId: 'waba',
    counterpartId,
    text: 'hello',
    status: status as never,
  });

describe('erasing a customer', () => {
  it('waits for a turn in flight: 409 with Retry-After while a message is answered, erased once it was', async () => {
    const agentId = await seed.agent();
    const { customerId } = await seed.customer(agentId, 'whatsapp', '15550001');
    const answering = await inbound(agentId, customerId, '15550001', 'answering');
    const busy = await api.delete(`/api/v1/agents/${agentId}/customers/${customerId}`, service());
    expect(busy.status).toBe(409);
    expect(busy.headers.get('retry-after')).toBe('5');
    expect(busy.body.message).toContain('being answered');
    expect(await db.query(`SELECT 1 FROM customers WHERE id = $1`, [customerId])).toHaveLength(1);

    await db.query(`UPDATE conversation_messages SET status = 'answered' WHERE id = $1`, [answering.id]);
    const erased = await api.delete(`/api/v1/agents/${agentId}/customers/${customerId}`, service());
    expect(erased.status).toBe(200);
    expect(erased.body.erased).toEqual({ identities: 1, messages: 1, handoffs: 0, events_redacted: 0 });
  });

  it('erases what was recorded from their address before it was tied to them, and nothing of anyone else', async () => {
    const agentId = await seed.agent();
    const ada = await seed.customer(agentId, 'whatsapp', '15550002');
    const bob = await seed.customer(agentId, 'whatsapp', '15550003');
    const untied = await inbound(agentId, null, '15550002', 'received');
    const bobs = await inbound(agentId, bob.customerId, '15550003', 'answered');
    const erased = await api.delete(`/api/v1/agents/${agentId}/customers/${ada.customerId}`, service());
    expect(erased.body.erased.messages).toBe(1);
    expect(await db.query(`SELECT id FROM conversation_messages WHERE id = ANY($1)`, [[untied.id, bobs.id]])).toEqual([
      { id: bobs.id },
    ]);
  });

  it('leaves an identity that moved to another customer with that customer', async () => {
    const agentId = await seed.agent();
    const ada = await seed.customer(agentId, 'whatsapp', '15550004');
    const bob = await seed.customer(agentId, 'instagram', '9001');
    // The WhatsApp identity first seen as Ada is linked to Bob now: it is Bob's to keep.
    await api.post(
      `/api/v1/agents/${agentId}/customers/${bob.customerId}/link`,
      { identity_id: ada.identityId },
      service(),
    );
    const erased = await api.delete(`/api/v1/agents/${agentId}/customers/${ada.customerId}`, service());
    expect(erased.status).toBe(200);
    expect(erased.body.erased.identities).toBe(0);
    const moved = await db.query(`SELECT customer_id, first_customer_id FROM customer_identities WHERE id = $1`, [
      ada.identityId,
    ]);
    expect(moved).toEqual([{ customer_id: bob.customerId, first_customer_id: bob.customerId }]);
  });

  it('queues the forgetting outside Postgres under the erasure, and answers 404 for a customer not of the agent', async () => {
    const agentId = await seed.agent();
    const { customerId } = await seed.customer(agentId, 'whatsapp', '15550005');
    const erased = await api.delete(`/api/v1/agents/${agentId}/customers/${customerId}`, service());
    const [erasure] = await db.query(`SELECT id, message_ids, counts FROM customer_erasures WHERE customer_id = $1`, [
      customerId,
    ]);
    expect(erasure.counts).toEqual(erased.body.erased);
    const job = await context.getJob(forgetJobId(erasure.id));
    expect(job?.name).toBe('customer.forget');
    expect(job?.data).toMatchObject({ erasureId: erasure.id });

    const other = await seed.agent();
    const elsewhere = await seed.customer(other, 'whatsapp', '15550006');
    expect((await api.delete(`/api/v1/agents/${agentId}/customers/${elsewhere.customerId}`, service())).status).toBe(
      404,
    );
    expect((await api.delete(`/api/v1/agents/${agentId}/customers/${randomUUID()}`, service())).status).toBe(404);
    expect(
      (await api.delete(`/api/v1/agents/${agentId}/customers/${elsewhere.customerId}`, bearer(vendorToken('x'))))
        .status,
    ).toBe(404);
    expect((await api.delete(`/api/v1/agents/${agentId}/customers/not-a-uuid`, service())).status).toBe(400);
  });
});
