import { ToolCalls } from '@voca/persistence';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConversationSeed } from '../support/conversations.js';
import { testDataSource } from '../support/database.js';

/**
 * The record of tool calls against the real Postgres, where its guarantees live: one call per idempotency key however
 * many attempts race for it, one winner when two attempts settle the same request, and a request forgotten after
 * its window.
 */
let db: DataSource;
let seed: ConversationSeed;
let calls: ToolCalls;
let agentId: string;
let customerId: string;

const message = async () =>
  (
    await seed.message({
      agentId,
      channel: 'whatsapp',
      direction: 'inbound',
      businessAccountId: 'wa-tools',
      counterpartId: '15550001111',
      text: 'hello',
      status: 'answering',
      customerId,
    })
  ).id;

const call = (messageId: string, key: string, status: 'calling' | 'awaiting_confirmation' = 'calling') => ({
  agentId,
  customerId,
  messageId,
  toolId: null,
  toolName: 'book_table',
  channel: 'whatsapp' as const,
  arguments: { party_size: 2 },
  status,
  idempotencyKey: key,
});

beforeAll(async () => {
  db = await testDataSource('tool-calls-test');
  seed = new ConversationSeed(db);
  calls = new ToolCalls(db);
  agentId = await seed.agent();
  ({ customerId } = await seed.customer(agentId, 'whatsapp', '15550001111'));
});

afterAll(async () => {
  await seed.remove();
  await db.destroy();
});

describe('ToolCalls', () => {
  it('records a key once, however many attempts race to begin it', async () => {
    const messageId = await message();
    const key = `${messageId}.book_table.${randomUUID()}`;
    const attempts = await Promise.all(Array.from({ length: 8 }, () => calls.begin(call(messageId, key))));
    expect(attempts.filter((attempt) => attempt.created)).toHaveLength(1);
    expect(new Set(attempts.map((attempt) => attempt.call.id)).size).toBe(1);
  });

  it('lets one attempt settle a waiting request, and finishes a call only from where it was', async () => {
    const asked = await message();
    const { call: waiting } = await calls.begin(call(asked, `${asked}.ask`, 'awaiting_confirmation'));
    const yes = await message();
    expect(await calls.waitingFor(agentId, customerId, yes, 60_000)).toMatchObject({ id: waiting.id });
    // Two attempts of the yes's turn (a job run twice): one moves it to calling, the other finds it moved.
    const settled = await Promise.all([
      calls.resolve(waiting.id, yes, 'calling'),
      calls.resolve(waiting.id, yes, 'calling'),
    ]);
    expect(settled.filter(Boolean)).toHaveLength(1);
    expect(await calls.resolve(waiting.id, yes, 'declined')).toBe(false);
    // A retried turn of the same message still finds what it settled.
    expect(await calls.waitingFor(agentId, customerId, yes, 60_000)).toMatchObject({
      id: waiting.id,
      status: 'calling',
      resolvedByMessageId: yes,
    });
    expect(await calls.finish(waiting.id, 'awaiting_confirmation', { status: 'ok' })).toBe(false);
    expect(await calls.finish(waiting.id, 'calling', { status: 'ok', result: { done: true }, latencyMs: 12 })).toBe(
      true,
    );
    expect(await calls.finish(waiting.id, 'calling', { status: 'failed' })).toBe(false);
    // Another message finds nothing waiting any more.
    expect(await calls.waitingFor(agentId, customerId, await message(), 60_000)).toBeUndefined();
  });

  it('forgets a request older than its window', async () => {
    const asked = await message();
    const { call: waiting } = await calls.begin(call(asked, `${asked}.ask`, 'awaiting_confirmation'));
    await db.query(`UPDATE tool_calls SET created_at = now() - interval '11 minutes' WHERE id = $1`, [waiting.id]);
    expect(await calls.waitingFor(agentId, customerId, await message(), 10 * 60_000)).toBeUndefined();
  });
});
