import type { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { deliverJobId, provisioningJobId, QueueName } from '@voca/contracts';
import { migrateDatabase } from '@voca/persistence';
import { FlowProducer, Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Reconciler } from '../../apps/context-service/src/reconciler/reconciler.js';
import { freePort } from '../support/app-processes.js';
import { dropScratchDatabase, testDatabase } from '../support/database.js';
import type { Api } from '../support/http.js';
import { closeAll, startGateway, startWorkers } from '../support/in-process.js';
import { operationEnd } from '../support/operations.js';
import { localSample } from '../support/prometheus.js';
import { specExample } from '../support/spec-examples.js';
import { TEST_DATABASE_URL, TEST_REDIS_URL, testEnv } from '../support/test-env.js';
import { bearer, serviceToken, vendorToken } from '../support/tokens.js';
import { waitFor } from '../support/wait-for.js';

/**
 * The reconciler against records left as a crash, a lost Redis or a job that failed for good would leave them: no
 * job carries them any more. Its timer is off here; each test runs one pass and checks what became of the records.
 * It runs on a database of its own: a pass sweeps the whole database, and would take the other test files' work
 * (queued on their own prefixes) for stuck.
 */

const scratchName = `voca_reconciler_${randomUUID().slice(0, 8)}`;
const scratchUrl = Object.assign(new URL(TEST_DATABASE_URL), { pathname: `/${scratchName}` }).toString();
await migrateDatabase(scratchUrl);
const admin = testDatabase();

const env = testEnv({
  DATABASE_URL: scratchUrl,
  RECONCILE_INTERVAL_MS: '3600000',
  STUCK_AFTER_MS: '1000',
  TURN_DEADLINE_MS: '1000',
  OUTBOX_RELAY_INTERVAL_MS: '300',
  // A platform that cannot be reached: sends are refused before any byte leaves, so they are safe to retry.
  META_GRAPH_BASE_URL: `http://127.0.0.1:${await freePort()}`,
});
const db = testDatabase(scratchUrl);
const apps: INestApplication[] = [];
let api: Api;
let reconciler: Reconciler;
let agentId: string;
let voiceNumber: string;

beforeAll(async () => {
  const gateway = await startGateway(env);
  api = gateway.api;
  const workers = await startWorkers(env);
  apps.push(gateway.app, ...workers);
  reconciler = workers[2]!.get(Reconciler);
  const request = specExample('provision-request');
  request.vendor_id = `vendor_${randomUUID().slice(0, 8)}`;
  request.agent_config.channels = ['voice'];
  const accepted = await api.post('/api/v1/agents/provision', request, bearer(serviceToken()));
  const done = await operationEnd(api, accepted.body.status_url);
  agentId = done.agent_id;
  voiceNumber = done.agent_config.channels[0].phone_number;
}, 60_000);

afterAll(async () => {
  await closeAll(apps);
  await db.end();
  await dropScratchDatabase(admin, scratchName);
  await admin.end();
});

/** An inbound voice message as the gateway records it, made to look `ageS` seconds old. */
async function recordMessage(
  status: string,
  caller: string,
  ageS = 5,
  extra: Record<string, unknown> = {},
): Promise<string> {
  const id = randomUUID();
  const columns = {
    id,
    agent_id: agentId,
    channel: 'voice',
    direction: 'inbound',
    business_account_id: voiceNumber,
    counterpart_id: caller,
    counterpart_phone: caller,
    platform_message_id: `reconciler-${id}`,
    text: 'What time are you open?',
    status,
    ...extra,
  };
  const names = Object.keys(columns);
  await db.query(
    `INSERT INTO conversation_messages (${names.join(', ')}, created_at, updated_at, sent_at)
     VALUES (${names.map((_, i) => `$${i + 1}`).join(', ')}, now() - make_interval(secs => ${ageS}), now() - make_interval(secs => ${ageS}), now())`,
    Object.values(columns),
  );
  return id;
}

const statusOf = async (id: string) =>
  (await db.query('SELECT status, error FROM conversation_messages WHERE id = $1', [id])).rows[0];
const replyOf = async (id: string) =>
  (
    await db.query(`SELECT status, text FROM conversation_messages WHERE in_reply_to = $1 AND direction = 'outbound'`, [
      id,
    ])
  ).rows[0];
const caller = () => `+1555${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;

describe('the reconciler', () => {
  it('queues again a recorded message whose job never reached Redis, and it is answered', async () => {
    const id = await recordMessage('received', caller());
    const before = await api.get('/api/v1/stuck-work', bearer(serviceToken()));
    expect(before.status).toBe(200);
    expect(before.body.kinds.received_messages.items.map((item: { id: string }) => item.id)).toContain(id);
    expect((await api.get('/api/v1/stuck-work', bearer(vendorToken('vendor_x')))).status).toBe(403);
    const report = await reconciler.pass();
    expect(report?.received_messages?.requeued).toBeGreaterThanOrEqual(1);
    expect(await localSample('voca_stuck_work', { kind: 'received_messages' })).toBeGreaterThanOrEqual(1);
    expect(
      await localSample('voca_reconciled_total', { kind: 'received_messages', action: 'requeued' }),
    ).toBeGreaterThanOrEqual(1);
    await waitFor(
      async () => ((await statusOf(id)).status === 'answered' ? true : undefined),
      'the message to be answered',
    );
    expect((await replyOf(id)).text).toContain('9 AM - 6 PM EST');
    const after = await api.get('/api/v1/stuck-work', bearer(serviceToken()));
    expect(after.body.kinds.received_messages.items.map((item: { id: string }) => item.id)).not.toContain(id);
  });

  it('ends a turn whose job was lost, for a person to follow up, and lets the next message of the customer through', async () => {
    const customer = caller();
    const lost = await recordMessage('received', customer, 5);
    // The first message becomes a turn (customer known, answering); then its job is lost with Redis.
    await reconciler.pass();
    await waitFor(async () => ((await statusOf(lost)).status === 'answered' ? true : undefined), 'the first turn');
    await db.query(
      `UPDATE conversation_messages SET status = 'answering', updated_at = now() - interval '5 seconds' WHERE id = $1`,
      [lost],
    );
    await db.query(`DELETE FROM conversation_messages WHERE in_reply_to = $1`, [lost]);
    const [{ customer_id: customerId }] = (
      await db.query('SELECT customer_id FROM conversation_messages WHERE id = $1', [lost])
    ).rows;
    const next = await recordMessage('queued', customer, 3, { customer_id: customerId });
    await removeJob('conversations', `deliver.${lost}`);

    const report = await reconciler.pass();
    expect(report?.open_turns?.settled).toBe(1);
    expect(await statusOf(lost)).toMatchObject({
      status: 'follow_up',
      error: expect.stringContaining('could not be completed'),
    });
    await waitFor(
      async () => ((await statusOf(next)).status === 'answered' ? true : undefined),
      'the next message to be answered',
    );
  });

  it('answers what an agent held while paused when the resume never reached Redis', async () => {
    const held = await recordMessage('received', caller());
    await db.query(`UPDATE agents SET status = 'paused' WHERE id = $1`, [agentId]);
    await reconciler.pass();
    await waitFor(async () => ((await statusOf(held)).status === 'held' ? true : undefined), 'the message to be held');
    // Resumed (committed), but the resume job was lost.
    await db.query(`UPDATE agents SET status = 'active', updated_at = now() - interval '5 seconds' WHERE id = $1`, [
      agentId,
    ]);
    const report = await reconciler.pass();
    expect(report?.held_messages?.requeued).toBe(1);
    await waitFor(
      async () => (['answered', 'follow_up'].includes((await statusOf(held)).status) ? true : undefined),
      'the held message to be settled',
    );
    // A voice caller has long hung up: a person follows up rather than a late answer.
    expect((await statusOf(held)).status).toBe('follow_up');
  });

  /** An operation recorded as running, made to look `ageS` seconds old, with the steps given. */
  async function recordOperation(steps: string[]): Promise<{ operationId: string; vendor: string }> {
    const operationId = randomUUID();
    const vendor = `vendor_${randomUUID().slice(0, 8)}`;
    await db.query(
      `INSERT INTO provisioning_operations (id, agent_id, vendor_id, kind, status, request_id, enqueued_at, created_at, started_at)
       VALUES ($1, $2, $3, 'update', 'in_progress', 'lost-op', now() - interval '5 seconds', now() - interval '5 seconds', now())`,
      [operationId, agentId, vendor],
    );
    for (const [position, name] of [...steps, 'finalize'].entries()) {
      await db.query(
        `INSERT INTO provisioning_steps (operation_id, name, channels, position, max_attempts, status) VALUES ($1, $2, '["voice"]', $3, 3, 'pending')`,
        [operationId, name, position],
      );
    }
    return { operationId, vendor };
  }

  it('hands an operation whose jobs vanished back to the outbox, and it completes', async () => {
    const { operationId } = await recordOperation(['context']);
    const report = await reconciler.pass();
    expect(report?.operations?.requeued).toBeGreaterThanOrEqual(1);
    const done = await operationEnd(api, `/api/v1/provisioning/${operationId}`);
    expect(done.status).toBe('completed');
  });

  it('ends an operation whose flow can no longer end it, freeing the vendor slot, and says why', async () => {
    const { operationId, vendor } = await recordOperation(['context']);
    // Its step fails for good and its finalize job is left waiting for it, as BullMQ leaves a parent whose child
    // failed.
    const flows = new FlowProducer({ connection: { url: TEST_REDIS_URL }, prefix: env.QUEUE_PREFIX });
    const data = { operationId, agentId: randomUUID(), vendorId: vendor, requestId: 'lost-op' };
    await flows.add({
      name: 'provisioning.finalize',
      queueName: QueueName.Provisioning,
      data,
      opts: { jobId: provisioningJobId(operationId, 'finalize') },
      children: [
        {
          name: 'context.initialise',
          queueName: QueueName.Context,
          data: { ...data, step: 'context', channels: ['voice'] },
          opts: { jobId: provisioningJobId(operationId, 'context'), attempts: 1 },
        },
      ],
    });
    await flows.close();
    await waitFor(
      async () =>
        (
          await db.query(`SELECT status FROM provisioning_steps WHERE operation_id = $1 AND name = 'context'`, [
            operationId,
          ])
        ).rows[0].status === 'failed'
          ? true
          : undefined,
      'the step to fail',
    );

    const report = await reconciler.pass();
    expect(report?.operations?.settled).toBeGreaterThanOrEqual(1);
    const { body } = await api.get(`/api/v1/provisioning/${operationId}`, bearer(serviceToken()));
    expect(body).toMatchObject({ status: 'failed', error: expect.stringContaining('context:') });
    const [{ count }] = (
      await db.query(
        `SELECT count(*)::int AS count FROM provisioning_operations WHERE vendor_id = $1 AND status IN ('queued', 'in_progress')`,
        [vendor],
      )
    ).rows;
    expect(count).toBe(0);
  });

  it('settles a turn at once when its delivery job fails for good, without waiting for a pass', async () => {
    // A WhatsApp agent whose platform cannot be reached (META_GRAPH_BASE_URL is a closed port here).
    const request = specExample('provision-request');
    request.vendor_id = `vendor_${randomUUID().slice(0, 8)}`;
    request.agent_config.channels = ['whatsapp'];
    request.agent_config.channel_credentials = {
      whatsapp: { phone_number_id: `7${Date.now()}`, access_token: 'EAAG-unreachable' },
    };
    const accepted = await api.post('/api/v1/agents/provision', request, bearer(serviceToken()));
    const whatsappAgent = (await operationEnd(api, accepted.body.status_url)).agent_id as string;
    const id = randomUUID();
    await db.query(
      `INSERT INTO conversation_messages (id, agent_id, channel, direction, business_account_id, counterpart_id, platform_message_id, text, status, sent_at)
       VALUES ($1, $2, 'whatsapp', 'inbound', $3, '15550001111', $4, 'hello', 'answering', now())`,
      [id, whatsappAgent, request.agent_config.channel_credentials.whatsapp.phone_number_id, `wamid.${id}`],
    );
    const queue = new Queue(QueueName.Conversations, { connection: { url: TEST_REDIS_URL }, prefix: env.QUEUE_PREFIX });
    await queue.add('conversation.deliver', { inboundMessageId: id }, { jobId: deliverJobId(id), attempts: 1 });
    await queue.close();

    await waitFor(
      async () => ((await statusOf(id)).status === 'follow_up' ? true : undefined),
      'the turn to be settled',
    );
    expect((await statusOf(id)).error).toContain('could not be completed');
    expect((await replyOf(id)).status).toBe('failed');
  });

  it('queues the forgetting of an erased customer whose job never reached Redis, and it completes', async () => {
    // As the gateway leaves an erasure when Redis refuses the job: the record erased, its work outside it recorded.
    const { rows } = await db.query(
      `INSERT INTO customer_erasures (agent_id, customer_id, message_ids, counts, created_at)
       VALUES ($1, $2, $3, '{}', now() - interval '5 seconds') RETURNING id`,
      [agentId, randomUUID(), [randomUUID()]],
    );
    const report = await reconciler.pass();
    expect(report?.erasures).toMatchObject({ found: 1, requeued: 1 });
    await waitFor(async () => {
      const done = await db.query(`SELECT completed_at FROM customer_erasures WHERE id = $1`, [rows[0].id]);
      return done.rows[0].completed_at ?? undefined;
    }, 'the forgetting to complete');
    expect((await reconciler.pass())?.erasures).toMatchObject({ found: 0 });
  });

  it('runs on one replica at a time', async () => {
    const passes = await Promise.all([reconciler.pass(), reconciler.pass()]);
    expect(passes.filter((pass) => pass === undefined)).toHaveLength(1);
  });

  it('stops reporting stuck work while another replica reconciles, so its last figures never go stale', async () => {
    await reconciler.pass();
    expect(await localSample('voca_stuck_work', { kind: 'operations' })).toBeDefined();
    const other = await db.connect();
    try {
      await other.query(`SELECT pg_advisory_lock(hashtext('voca:reconciler'))`);
      expect(await reconciler.pass()).toBeUndefined();
      expect(await localSample('voca_stuck_work', { kind: 'operations' })).toBeUndefined();
    } finally {
      await other.query(`SELECT pg_advisory_unlock(hashtext('voca:reconciler'))`);
      other.release();
    }
  });
});

async function removeJob(queue: string, jobId: string): Promise<void> {
  const { Queue } = await import('bullmq');
  const handle = new Queue(queue, { connection: { host: '127.0.0.1', port: 6379 }, prefix: env.QUEUE_PREFIX });
  try {
    await (await handle.getJob(jobId))?.remove().catch(() => undefined);
  } finally {
    await handle.close();
  }
}
