import type { INestApplication } from '@nestjs/common';
import type { ToolCallStatus } from '@voca/contracts';
import { ToolCalls, type ConversationMessage } from '@voca/persistence';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ConversationSeed } from '../support/conversations.js';
import { testDataSource } from '../support/database.js';
import type { Api } from '../support/http.js';
import { startGateway } from '../support/in-process.js';
import { enableContractChecks, takeMismatches } from '../support/openapi-contract.js';
import { testEnv } from '../support/test-env.js';
import { bearer, serviceToken } from '../support/tokens.js';

/**
 * Agents' tool calls (`tool_calls`) as the gateway shows them, against the real Postgres: under the customer's message
 * whose turn made each call in the customer's context, the conversation list and the hand-off views (each call once),
 * the customer's latest calls in their context, and gone with the customer when they are erased. Every answer is held
 * against the gateway's OpenAPI document, as in the e2e tier.
 */

const env = testEnv({ RATE_LIMIT_PER_MINUTE: '100000' });
let gateway: INestApplication;
let api: Api;
let db: DataSource;
let seed: ConversationSeed;
const service = () => bearer(serviceToken());

beforeAll(async () => {
  ({ app: gateway, api } = await startGateway(env));
  db = await testDataSource('tool-call-views-test');
  seed = new ConversationSeed(db);
  enableContractChecks();
});

afterEach(() => {
  expect(takeMismatches(), 'answers the OpenAPI document does not describe').toEqual([]);
});

afterAll(async () => {
  await seed?.remove();
  await db?.destroy();
  await gateway?.close();
});

/** When the seeded calls were recorded: one second apart, in the order they are seeded. */
let clock = Date.now() - 3_600_000;

interface SeededCall {
  messageId: string;
  resolvedBy?: string;
  tool: string;
  arguments: Record<string, unknown>;
  status: ToolCallStatus;
  missing?: string[];
  latencyMs?: number;
  responseBytes?: number;
  httpStatus?: number;
  result?: Record<string, unknown>;
  error?: string;
}

/** A row of tool_calls as the elizaos-worker's turns leave it; answers its id. */
async function call(agentId: string, customerId: string, fields: SeededCall): Promise<string> {
  clock += 1_000;
  const [row] = (await db.query(
    `INSERT INTO tool_calls (agent_id, customer_id, message_id, resolved_by_message_id, tool_name, channel, arguments,
                             missing, status, idempotency_key, latency_ms, response_bytes, http_status, result, error,
                             created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, 'whatsapp', $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $15)
     RETURNING id`,
    [
      agentId,
      customerId,
      fields.messageId,
      fields.resolvedBy ?? null,
      fields.tool,
      JSON.stringify(fields.arguments),
      fields.missing ?? null,
      fields.status,
      `${fields.messageId}.${fields.tool}.${randomUUID()}`,
      fields.latencyMs ?? null,
      fields.responseBytes ?? null,
      fields.httpStatus ?? null,
      fields.result ? JSON.stringify(fields.result) : null,
      fields.error ?? null,
      new Date(clock),
    ],
  )) as { id: string }[];
  return row!.id;
}

/** A customer of the agent on WhatsApp, and their messages both ways, in order. */
async function conversation(agentId: string, number: string, name: string, lines: ['in' | 'out', string][]) {
  const { customerId, identityId } = await seed.customer(agentId, 'whatsapp', number, name);
  const messages: ConversationMessage[] = [];
  for (const [way, text] of lines) {
    messages.push(
      await seed.message({
        agentId,
        customerId,
        identityId,
        channel: 'whatsapp',
        direction: way === 'in' ? 'inbound' : 'outbound',
        businessAccountId: 'waba',
        counterpartId: number,
        text,
        status: way === 'in' ? 'answered' : 'sent',
      }),
    );
  }
  return { customerId, identityId, messages };
}

const ORDER = { order_number: '10423' };
const SHIPPED = { order_number: '10423', status: 'shipped', carrier: 'UPS' };
const BOOKING = { date: '2026-12-10', time: '19:00', party_size: 4 };

/**
 * Ada's conversation: an order looked up; a booking proposed and confirmed in the next message, which also gave the
 * order number asked for and timed out looking it up; a second booking declined; a third still waiting for a yes.
 */
async function adaWithCalls(agentId: string, number: string) {
  const ada = await conversation(agentId, number, 'Ada', [
    ['in', 'Where is my order 10423?'], // 0
    ['out', 'It shipped with UPS.'], // 1
    ['in', 'Book a table for 4 on the 10th at 7pm, and where is my other order?'], // 2
    ['out', 'Shall I book it? And which order number?'], // 3
    ['in', 'Yes please, it is 55555'], // 4
    ['out', 'Booked. I could not look that order up right now.'], // 5
    ['in', 'Book one for Friday too'], // 6
    ['out', 'Shall I book Friday?'], // 7
    ['in', 'no'], // 8
    ['out', 'I will not book it.'], // 9
    ['in', 'Then book Saturday'], // 10
    ['out', 'Shall I book Saturday?'], // 11
  ]);
  const id = (index: number) => ada.messages[index]!.id;
  const { customerId } = ada;
  const calls = {
    lookedUp: await call(agentId, customerId, {
      messageId: id(0),
      tool: 'order_status',
      arguments: ORDER,
      status: 'ok',
      latencyMs: 182,
      responseBytes: 96,
      httpStatus: 200,
      result: SHIPPED,
    }),
    confirmed: await call(agentId, customerId, {
      messageId: id(2),
      resolvedBy: id(4),
      tool: 'book_table',
      arguments: BOOKING,
      status: 'ok',
      latencyMs: 240,
      responseBytes: 40,
      httpStatus: 200,
      result: { confirmation: 'BK-5521' },
    }),
    answered: await call(agentId, customerId, {
      messageId: id(2),
      resolvedBy: id(4),
      tool: 'order_status',
      arguments: {},
      status: 'answered',
      missing: ['order_number'],
    }),
    timedOut: await call(agentId, customerId, {
      messageId: id(4),
      tool: 'order_status',
      arguments: { order_number: '55555' },
      status: 'timeout',
      latencyMs: 2_000,
      error: 'no answer within 2000 ms',
    }),
    declined: await call(agentId, customerId, {
      messageId: id(6),
      resolvedBy: id(8),
      tool: 'book_table',
      arguments: { ...BOOKING, date: '2026-12-11' },
      status: 'declined',
    }),
    waiting: await call(agentId, customerId, {
      messageId: id(10),
      tool: 'book_table',
      arguments: { ...BOOKING, date: '2026-12-12' },
      status: 'awaiting_confirmation',
    }),
  };
  return { ...ada, id, calls };
}

const ids = (views: { id: string }[] | undefined) => views?.map((view) => view.id);

describe("tool calls in the customer's context", () => {
  it('shows each call once, under the message whose turn made it, with what it came to', async () => {
    const agentId = await seed.agent();
    const ada = await adaWithCalls(agentId, '15552000001');
    // Another customer of the same agent: none of theirs shows in Ada's context.
    const bob = await conversation(agentId, '15552000002', 'Bob', [['in', 'Where is order 777?']]);
    await call(agentId, bob.customerId, {
      messageId: bob.messages[0]!.id,
      tool: 'order_status',
      arguments: { order_number: '777' },
      status: 'ok',
    });

    const answer = await api.get(`/api/v1/agents/${agentId}/customers/${ada.customerId}/context`, service());
    expect(answer.status).toBe(200);
    const turns: Record<string, any>[] = answer.body.turns;
    expect(turns.map((turn) => turn.text)).toEqual(ada.messages.map((message) => message.text));
    const { calls } = ada;
    expect(turns.map((turn) => ids(turn.tool_calls))).toEqual([
      [calls.lookedUp],
      undefined,
      // The booking was confirmed by the next message, whose turn made the call: it shows there, not here.
      [calls.answered],
      undefined,
      [calls.confirmed, calls.timedOut],
      undefined,
      [calls.declined],
      undefined,
      undefined,
      undefined,
      [calls.waiting],
      undefined,
    ]);
    // Agent replies carry none; a turn without calls has no field at all.
    expect(turns.filter((turn) => turn.role === 'agent').some((turn) => 'tool_calls' in turn)).toBe(false);

    expect(turns[0]!.tool_calls[0]).toEqual({
      id: calls.lookedUp,
      tool: 'order_status',
      arguments: ORDER,
      status: 'ok',
      message_id: ada.id(0),
      latency_ms: 182,
      response_bytes: 96,
      http_status: 200,
      result: SHIPPED,
      created_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
    });
    expect(turns[2]!.tool_calls[0]).toEqual({
      id: calls.answered,
      tool: 'order_status',
      arguments: {},
      status: 'answered',
      message_id: ada.id(2),
      resolved_by_message_id: ada.id(4),
      missing: ['order_number'],
      created_at: expect.any(String),
    });
    expect(turns[4]!.tool_calls).toEqual([
      expect.objectContaining({
        id: calls.confirmed,
        tool: 'book_table',
        arguments: BOOKING,
        status: 'ok',
        message_id: ada.id(2),
        resolved_by_message_id: ada.id(4),
        result: { confirmation: 'BK-5521' },
      }),
      expect.objectContaining({ id: calls.timedOut, status: 'timeout', error: 'no answer within 2000 ms' }),
    ]);
    expect(turns[4]!.tool_calls[1]).not.toHaveProperty('result');
    expect(turns[4]!.tool_calls[1]).not.toHaveProperty('http_status');
    expect(turns[6]!.tool_calls[0]).toMatchObject({ status: 'declined', resolved_by_message_id: ada.id(8) });
    expect(turns[10]!.tool_calls[0]).toMatchObject({ status: 'awaiting_confirmation', message_id: ada.id(10) });
    expect(turns[10]!.tool_calls[0]).not.toHaveProperty('resolved_by_message_id');

    // The customer's latest calls, newest first: theirs only.
    expect(ids(answer.body.recent_tool_calls)).toEqual([
      calls.waiting,
      calls.declined,
      calls.timedOut,
      calls.answered,
      calls.confirmed,
      calls.lookedUp,
    ]);
    expect(answer.body.recent_tool_calls[5]).toEqual(turns[0]!.tool_calls[0]);
  });

  it('lists the 10 latest calls at most, and no field at all for a customer without any', async () => {
    const agentId = await seed.agent();
    const ada = await adaWithCalls(agentId, '15552000003');
    const more: string[] = [];
    for (const sku of ['a', 'b', 'c', 'd', 'e']) {
      more.push(
        await call(agentId, ada.customerId, {
          messageId: ada.id(10),
          tool: 'stock_check',
          arguments: { sku },
          status: 'ok',
        }),
      );
    }
    const { body } = await api.get(`/api/v1/agents/${agentId}/customers/${ada.customerId}/context`, service());
    expect(ids(body.recent_tool_calls)).toEqual([
      ...more.reverse(),
      ada.calls.waiting,
      ada.calls.declined,
      ada.calls.timedOut,
      ada.calls.answered,
      ada.calls.confirmed,
    ]);

    const quiet = await conversation(agentId, '15552000004', 'Cy', [
      ['in', 'Hello'],
      ['out', 'Hi!'],
    ]);
    const none = await api.get(`/api/v1/agents/${agentId}/customers/${quiet.customerId}/context`, service());
    expect(none.status).toBe(200);
    expect(none.body).not.toHaveProperty('recent_tool_calls');
    expect(none.body.turns.some((turn: object) => 'tool_calls' in turn)).toBe(false);
  });

  it("brings a linked identity's calls along with its messages (the link answers the context too)", async () => {
    const agentId = await seed.agent();
    const ada = await conversation(agentId, '15552000005', 'Ada', [['in', 'Where is my order 10423?']]);
    const bob = await conversation(agentId, '15552000006', 'Ada again', [['in', 'Any news on 10423?']]);
    const adas = await call(agentId, ada.customerId, {
      messageId: ada.messages[0]!.id,
      tool: 'order_status',
      arguments: ORDER,
      status: 'ok',
    });
    const bobs = await call(agentId, bob.customerId, {
      messageId: bob.messages[0]!.id,
      tool: 'order_status',
      arguments: ORDER,
      status: 'failed',
      httpStatus: 502,
      error: 'the backend answered 502',
    });
    const linked = await api.post(
      `/api/v1/agents/${agentId}/customers/${ada.customerId}/link`,
      { identity_id: bob.identityId },
      service(),
    );
    expect(linked.status).toBe(200);
    expect(linked.body.turns.map((turn: { tool_calls?: { id: string }[] }) => ids(turn.tool_calls))).toEqual([
      [adas],
      [bobs],
    ]);
    expect(ids(linked.body.recent_tool_calls)).toEqual([bobs, adas]);
    expect(linked.body.recent_tool_calls[0]).toMatchObject({ http_status: 502, error: 'the backend answered 502' });
  });
});

describe('tool calls in the conversation list', () => {
  it("shows the calls of a conversation's last message when the customer wrote it", async () => {
    const agentId = await seed.agent();
    const ada = await adaWithCalls(agentId, '15552000007');
    const bob = await conversation(agentId, '15552000008', 'Bob', [
      ['in', 'Hi'],
      ['out', 'Hello Bob'],
      ['in', 'Is the duvet in stock?'],
    ]);
    const checked = await call(agentId, bob.customerId, {
      messageId: bob.messages[2]!.id,
      tool: 'stock_check',
      arguments: { sku: 'duvet-king' },
      status: 'ok',
      result: { in_stock: true },
    });
    const { status, body } = await api.get(`/api/v1/agents/${agentId}/conversations`, service());
    expect(status).toBe(200);
    const byCustomer = new Map(body.items.map((item: Record<string, any>) => [item.customer_id, item.last]));
    expect(byCustomer.get(bob.customerId)).toMatchObject({
      role: 'customer',
      text: 'Is the duvet in stock?',
      tool_calls: [{ id: checked, tool: 'stock_check', status: 'ok', result: { in_stock: true } }],
    });
    // Ada's last message is the agent's: no calls there.
    expect(byCustomer.get(ada.customerId)).not.toHaveProperty('tool_calls');
  });
});

describe('tool calls in the hand-off views', () => {
  it('shows the calls under the messages shown, each once, in one read for a whole page', async () => {
    const agentId = await seed.agent();
    const ada = await adaWithCalls(agentId, '15552000009');
    // Two more exchanges: the hand-off shows the latest 10 messages, from the confirmation (index 4) on.
    for (const text of ['Thanks', 'A person please']) {
      await seed.message({
        agentId,
        customerId: ada.customerId,
        identityId: ada.identityId,
        channel: 'whatsapp',
        direction: 'inbound',
        businessAccountId: 'waba',
        counterpartId: '15552000009',
        text,
        status: 'answered',
      });
    }
    const handOff = async (customerId: string, messageId: string) =>
      (
        (await db.query(
          `INSERT INTO handoffs (agent_id, vendor_id, customer_id, channel, kind, message_id, reason)
           VALUES ($1, $2, $3, 'whatsapp', 'handoff', $4, 'the customer asked for a person') RETURNING id`,
          [agentId, seed.vendorId, customerId, messageId],
        )) as { id: string }[]
      )[0];
    const handoff = await handOff(ada.customerId, ada.id(10));
    const bob = await conversation(agentId, '15552000012', 'Bob', [['in', 'My order 777 never came, a person please']]);
    const bobs = await call(agentId, bob.customerId, {
      messageId: bob.messages[0]!.id,
      tool: 'order_status',
      arguments: { order_number: '777' },
      status: 'ok',
    });
    await handOff(bob.customerId, bob.messages[0]!.id);

    const shown = await api.get(`/api/v1/handoffs/${handoff!.id}`, service());
    expect(shown.status).toBe(200);
    const messages: Record<string, any>[] = shown.body.messages;
    expect(messages[0]!.id).toBe(ada.id(4));
    const { calls } = ada;
    expect(messages.map((message) => ids(message.tool_calls))).toEqual([
      // The booking confirmed here shows here; the order number asked for by the message before (not shown) does not.
      [calls.confirmed, calls.timedOut],
      undefined,
      [calls.declined],
      undefined,
      undefined,
      undefined,
      [calls.waiting],
      undefined,
      undefined,
      undefined,
    ]);
    expect(messages[0]!.tool_calls[0]).toEqual({
      id: calls.confirmed,
      tool: 'book_table',
      arguments: BOOKING,
      status: 'ok',
      message_id: ada.id(2),
      resolved_by_message_id: ada.id(4),
      latency_ms: 240,
      response_bytes: 40,
      http_status: 200,
      result: { confirmation: 'BK-5521' },
      created_at: expect.any(String),
    });

    // The page's hand-offs read their calls together: one query, not one per hand-off.
    const reads = vi.spyOn(ToolCalls.prototype, 'ofMessages');
    try {
      const listed = await api.get(`/api/v1/handoffs?agent_id=${agentId}`, service());
      expect(listed.status).toBe(200);
      expect(reads).toHaveBeenCalledTimes(1);
      expect(listed.body.items.map((item: { customer_id: string }) => item.customer_id)).toEqual([
        ada.customerId,
        bob.customerId,
      ]);
      expect(listed.body.items[0].messages).toEqual(messages);
      expect(ids(listed.body.items[1].messages[0].tool_calls)).toEqual([bobs]);
    } finally {
      reads.mockRestore();
    }

    const resolved = await api.post(`/api/v1/handoffs/${handoff!.id}/resolve`, {}, service());
    expect(resolved.status).toBe(200);
    expect(resolved.body.messages).toEqual(messages);
  });
});

describe('erasing a customer who called tools', () => {
  it("takes their tool calls along (with their messages), and leaves the other customers'", async () => {
    const agentId = await seed.agent();
    const ada = await adaWithCalls(agentId, '15552000010');
    const bob = await conversation(agentId, '15552000011', 'Bob', [['in', 'Where is order 777?']]);
    const bobs = await call(agentId, bob.customerId, {
      messageId: bob.messages[0]!.id,
      tool: 'order_status',
      arguments: { order_number: '777' },
      status: 'ok',
    });
    const adas = Object.values(ada.calls);
    const count = async (callIds: string[]) =>
      (
        (await db.query(`SELECT count(*)::int AS n FROM tool_calls WHERE id = ANY($1)`, [callIds])) as { n: number }[]
      )[0]!.n;
    expect(await count(adas)).toBe(adas.length);

    const erased = await api.delete(`/api/v1/agents/${agentId}/customers/${ada.customerId}`, service());
    expect(erased.status).toBe(200);
    expect(erased.body.erased.messages).toBe(ada.messages.length);
    expect(await count(adas)).toBe(0);
    expect(
      await db.query(`SELECT count(*)::int AS n FROM tool_calls WHERE customer_id = $1`, [ada.customerId]),
    ).toEqual([{ n: 0 }]);
    expect(await count([bobs])).toBe(1);
    const context = await api.get(`/api/v1/agents/${agentId}/customers/${bob.customerId}/context`, service());
    expect(ids(context.body.recent_tool_calls)).toEqual([bobs]);
  });
});
