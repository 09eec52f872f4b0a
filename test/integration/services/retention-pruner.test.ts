import { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Counter, Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RetentionPruner, RETENTION_PRUNED } from '../../../apps/context-service/src/retention/retention-pruner.js';
import { ConversationSeed, contextServiceParts } from '../../support/conversations.js';

/**
 * Retention on the real Postgres: what is older than its setting goes, in small batches, and nothing else: not a
 * message still being answered, not an event a delivery still waits for, not a customer with a message left.
 * (The shared test database holds other tests' rows; the assertions look at this test's own.)
 */

const DAY_MS = 24 * 3600_000;
let db: DataSource;
let seed: ConversationSeed;
let pruned: Counter<'kind'>;
let pruner: RetentionPruner;

beforeAll(async () => {
  Logger.overrideLogger(['error', 'warn']);
  const parts = await contextServiceParts('retention-test', {
    RETENTION: 'on',
    RETENTION_MESSAGE_DAYS: '365',
    RETENTION_EVENT_DAYS: '30',
    RETENTION_AUDIT_DAYS: '365',
    RETENTION_BATCH: '3',
    RETENTION_PAUSE_MS: '0',
  });
  db = parts.db;
  seed = new ConversationSeed(db);
  pruned = new Counter({ name: RETENTION_PRUNED, help: 'test', labelNames: ['kind'], registers: [new Registry()] });
  pruner = new RetentionPruner(db, parts.config, pruned);
});

afterAll(async () => {
  await seed?.remove();
  await db?.destroy();
});

const ago = (days: number) => new Date(Date.now() - days * DAY_MS);

async function backdate(table: string, ids: string[], at: Date, column = 'created_at'): Promise<void> {
  await db.query(`UPDATE ${table} SET ${column} = $2 WHERE id = ANY($1)`, [ids, at]);
}

async function exists(table: string, ids: string[]): Promise<string[]> {
  const rows: { id: string }[] = await db.query(`SELECT id FROM ${table} WHERE id = ANY($1)`, [ids]);
  return rows.map((row) => row.id);
}

describe('retention', () => {
  it('prunes what is past its setting, in batches, and keeps what is still in use', async () => {
    const agentId = await seed.agent();
    const conversation = { agentId, channel: 'whatsapp' as const, businessAccountId: 'waba', counterpartId: '1555' };
    // A customer whose every message is a year and more old: they go, and their address with them.
    const gone = await seed.customer(agentId, 'whatsapp', `1555${Date.now()}`);
    const oldMessages: string[] = [];
    for (let i = 0; i < 5; i++) {
      const inbound = await seed.message({
        ...conversation,
        customerId: gone.customerId,
        direction: 'inbound',
        text: `old ${i}`,
        status: 'answered',
      });
      const reply = await seed.message({
        ...conversation,
        customerId: gone.customerId,
        direction: 'outbound',
        text: `old reply ${i}`,
        status: 'sent',
        inReplyTo: inbound.id,
      });
      oldMessages.push(inbound.id, reply.id);
    }
    await backdate('conversation_messages', oldMessages, ago(400));
    await backdate('customers', [gone.customerId], ago(400));
    await backdate('customers', [gone.customerId], ago(400), 'updated_at');
    // A customer as old, who wrote again yesterday: they stay, with that message; their old one goes.
    const kept = await seed.customer(agentId, 'whatsapp', `1556${Date.now()}`);
    const keptOld = await seed.message({
      ...conversation,
      customerId: kept.customerId,
      direction: 'inbound',
      text: 'old',
      status: 'answered',
    });
    const keptRecent = await seed.message({
      ...conversation,
      customerId: kept.customerId,
      direction: 'inbound',
      text: 'recent',
      status: 'answered',
    });
    // An old message still in work (queued for its turn) is never pruned.
    const inWork = await seed.message({
      ...conversation,
      customerId: kept.customerId,
      direction: 'inbound',
      text: 'still queued',
      status: 'queued',
    });
    await backdate('conversation_messages', [keptOld.id, inWork.id], ago(400));
    await backdate('customers', [kept.customerId], ago(400));

    // Events: an old delivered one goes (its delivery with it), an old one still pending delivery stays.
    const endpointId = randomUUID();
    await db.query(
      `INSERT INTO event_endpoints (id, vendor_id, url, event_types, secret_ciphertext, created_by)
       VALUES ($1, $2, 'https://backend.invalid/events', '{agent.status_changed}', 'unsealed', 'test')`,
      [endpointId, seed.vendorId],
    );
    const event = async (status: string) => {
      const [row]: { id: string }[] = await db.query(
        `INSERT INTO events (type, vendor_id, agent_id, data) VALUES ('agent.status_changed', $1, $2, '{}') RETURNING id`,
        [seed.vendorId, agentId],
      );
      await db.query(
        `INSERT INTO event_deliveries (endpoint_id, event_id, agent_id, seq, status)
         SELECT $1, id, agent_id, seq, $2 FROM events WHERE id = $3`,
        [endpointId, status, row!.id],
      );
      return row!.id;
    };
    const delivered = await event('delivered');
    const pending = await event('pending');
    const recentEvent = await event('delivered');
    await backdate('events', [delivered, pending], ago(40));

    // Audit lines and erasure records past a year go; a pending erasure stays whatever its age.
    const [oldAudit]: { id: string }[] = await db.query(
      `INSERT INTO agent_events (agent_id, action, actor, created_at) VALUES ($1, 'pause', 'test', $2) RETURNING id`,
      [agentId, ago(400)],
    );
    const [recentAudit]: { id: string }[] = await db.query(
      `INSERT INTO agent_events (agent_id, action, actor) VALUES ($1, 'resume', 'test') RETURNING id`,
      [agentId],
    );
    const erasure = async (completed: boolean) => {
      const [row]: { id: string }[] = await db.query(
        `INSERT INTO customer_erasures (agent_id, customer_id, message_ids, counts, created_at, completed_at)
         VALUES ($1, $2, '{}', '{}', $3, $4) RETURNING id`,
        [agentId, randomUUID(), ago(400), completed ? ago(400) : null],
      );
      return row!.id;
    };
    const doneErasure = await erasure(true);
    const pendingErasure = await erasure(false);

    const before = await pruned.get();
    const report = await pruner.pass();
    expect(report).toBeDefined();

    expect(await exists('conversation_messages', [...oldMessages, keptOld.id])).toEqual([]);
    expect((await exists('conversation_messages', [keptRecent.id, inWork.id])).sort()).toEqual(
      [keptRecent.id, inWork.id].sort(),
    );
    expect(await exists('customers', [gone.customerId, kept.customerId])).toEqual([kept.customerId]);
    expect(await exists('customer_identities', [gone.identityId, kept.identityId])).toEqual([kept.identityId]);
    expect((await exists('events', [delivered, pending, recentEvent])).sort()).toEqual([pending, recentEvent].sort());
    expect(await db.query(`SELECT 1 FROM event_deliveries WHERE event_id = $1`, [delivered])).toEqual([]);
    expect(await exists('agent_events', [oldAudit!.id, recentAudit!.id])).toEqual([recentAudit!.id]);
    expect(await exists('customer_erasures', [doneErasure, pendingErasure])).toEqual([pendingErasure]);
    // Batches of three: the six old messages took several, all counted (a reply deleted with the message it answered
    // is not counted again).
    expect(report!.messages).toBeGreaterThanOrEqual(6);
    const after = await pruned.get();
    const counted = (values: typeof after.values, kind: string) =>
      values.find((value) => value.labels.kind === kind)?.value ?? 0;
    expect(counted(after.values, 'messages') - counted(before.values, 'messages')).toBe(report!.messages);
  });

  it('is done by one replica at a time', async () => {
    const parts = await contextServiceParts('retention-test-other', { RETENTION_PAUSE_MS: '0' });
    const other = new RetentionPruner(
      parts.db,
      parts.config,
      new Counter({ name: RETENTION_PRUNED, help: 'test', labelNames: ['kind'], registers: [new Registry()] }),
    );
    const holder = db.createQueryRunner();
    await holder.connect();
    try {
      await holder.query(`SELECT pg_advisory_lock(hashtext('voca:retention'))`);
      expect(await other.pass()).toBeUndefined();
      await holder.query(`SELECT pg_advisory_unlock(hashtext('voca:retention'))`);
      expect(await other.pass()).toBeDefined();
    } finally {
      await holder.release();
      await parts.db.destroy();
    }
  });
});
