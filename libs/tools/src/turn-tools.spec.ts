import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ToolAnswer, ToolRequest } from './tool-caller.js';
import { ToolSchemas } from './tool-schema.js';
import {
  TurnTools,
  type RecordedToolCall,
  type RegisteredTool,
  type ToolCallLedger,
  type TurnConversation,
} from './turn-tools.js';

/** The ledger's rules (a key records once; moves happen from the expected status) over a Map: our port, faked. */
class MemoryLedger implements ToolCallLedger {
  readonly rows: (RecordedToolCall & { customerId: string; messageId: string; createdAt: number })[] = [];

  async begin(call: Parameters<ToolCallLedger['begin']>[0]) {
    const existing = this.rows.find((row) => row.idempotencyKey === call.idempotencyKey);
    if (existing) return { call: existing, created: false };
    const row = {
      ...call,
      id: randomUUID(),
      missing: call.missing ?? null,
      error: call.error ?? null,
      resolvedByMessageId: null,
      result: null,
      createdAt: this.rows.length,
    };
    this.rows.push(row);
    return { call: row, created: true };
  }

  async finish(id: string, from: RecordedToolCall['status'], end: Parameters<ToolCallLedger['finish']>[2]) {
    const row = this.rows.find((candidate) => candidate.id === id && candidate.status === from);
    if (!row) return false;
    Object.assign(row, { status: end.status, result: end.result ?? null, error: end.error ?? null });
    return true;
  }

  async waitingFor(_agentId: string, customerId: string, messageId: string) {
    return [...this.rows]
      .reverse()
      .find(
        (row) =>
          row.customerId === customerId &&
          row.messageId !== messageId &&
          (['awaiting_confirmation', 'awaiting_arguments'].includes(row.status) ||
            row.resolvedByMessageId === messageId),
      );
  }

  async resolve(id: string, messageId: string, status: RecordedToolCall['status']) {
    const row = this.rows.find((candidate) => candidate.id === id);
    if (!row || !['awaiting_confirmation', 'awaiting_arguments'].includes(row.status)) return false;
    Object.assign(row, { status, resolvedByMessageId: messageId });
    return true;
  }
}

const orderStatus: RegisteredTool = {
  id: randomUUID(),
  name: 'order_status',
  description: 'Looks up an order',
  parameters: {
    type: 'object',
    properties: { order_number: { type: 'string', pattern: '^[0-9]{4,10}$' } },
    required: ['order_number'],
  },
  url: 'https://backend.example.com/tools/order_status',
  timeoutMs: 2_000,
  channels: null,
  requiresConfirmation: false,
  handoffOnFailure: false,
  intent: 'order_status',
  secret: () => 'whsec_test',
};
const cancelOrder: RegisteredTool = {
  ...orderStatus,
  id: randomUUID(),
  name: 'cancel_order',
  requiresConfirmation: true,
  handoffOnFailure: true,
  intent: null,
};

function harness(answer: (request: ToolRequest) => Promise<ToolAnswer> | ToolAnswer = () => ok({ status: 'shipped' })) {
  const ledger = new MemoryLedger();
  const sent: ToolRequest[] = [];
  const schemas = new ToolSchemas();
  const customerId = randomUUID();
  const turn = (messageId = randomUUID(), extra: Partial<TurnConversation> = {}) =>
    new TurnTools(
      [orderStatus, cancelOrder],
      { agentId: 'agent-1', customerId, channel: 'whatsapp', messageId, ...extra },
      ledger,
      async (request) => {
        sent.push(request);
        return answer(request);
      },
      schemas,
      { maxCallsPerTurn: 2, replyReserveMs: 1_000, waitingMs: 600_000 },
    );
  return { ledger, sent, turn };
}

function ok(result: Record<string, unknown>): ToolAnswer {
  return { status: 'ok', result, latencyMs: 5, responseBytes: JSON.stringify(result).length, httpStatus: 200 };
}

describe('TurnTools', () => {
  it('calls a tool with checked arguments, the conversation and a key per turn and call', async () => {
    const { sent, turn } = harness();
    const messageId = randomUUID();
    const outcome = await turn(messageId).call('order_status', { order_number: '10423' });
    expect(outcome).toMatchObject({ status: 'ok', result: { status: 'shipped' } });
    expect(sent).toHaveLength(1);
    expect(sent[0]!.body).toEqual({
      tool: 'order_status',
      arguments: { order_number: '10423' },
      conversation: {
        agent_id: 'agent-1',
        customer_id: expect.any(String),
        channel: 'whatsapp',
        message_id: messageId,
      },
    });
    expect(sent[0]!.idempotencyKey).toMatch(new RegExp(`^${messageId}\\.order_status\\.`));
  });

  it('answers a call the schema refuses without making it, naming what is missing', async () => {
    const { sent, turn } = harness();
    const tools = turn();
    expect(await tools.call('order_status', {})).toMatchObject({
      status: 'invalid_arguments',
      missing: ['order_number'],
    });
    expect(await tools.call('order_status', { order_number: 'abc' })).toMatchObject({
      status: 'invalid_arguments',
      error: expect.stringContaining('/order_number must match pattern'),
    });
    expect(sent).toHaveLength(0);
  });

  it('refuses unknown tools and calls past the per-turn limit', async () => {
    const { sent, turn } = harness();
    const tools = turn();
    expect(await tools.call('drop_tables', {})).toMatchObject({ status: 'refused' });
    await tools.call('order_status', { order_number: '1111' });
    await tools.call('order_status', { order_number: '2222' });
    expect(await tools.call('order_status', { order_number: '3333' })).toMatchObject({
      status: 'refused',
      error: 'at most 2 tool calls per turn',
    });
    expect(sent).toHaveLength(2);
  });

  it('gives a retried turn the answer already recorded instead of calling again', async () => {
    const { sent, turn } = harness();
    const messageId = randomUUID();
    await turn(messageId).call('order_status', { order_number: '10423' });
    const again = await turn(messageId).call('order_status', { order_number: '10423' });
    expect(again).toMatchObject({ status: 'ok', result: { status: 'shipped' } });
    expect(sent).toHaveLength(1);
  });

  it('proposes a side-effecting call and makes it once after a yes, never again on a retry', async () => {
    const { sent, turn } = harness(() => ok({ cancelled: true }));
    const asked = await turn().call('cancel_order', { order_number: '10423' });
    expect(asked.status).toBe('awaiting_confirmation');
    expect(sent).toHaveLength(0);
    const yesId = randomUUID();
    const confirmed = await turn(yesId).settleWaiting('Yes please');
    expect(confirmed).toMatchObject({ status: 'ok', result: { cancelled: true } });
    const retried = await turn(yesId).settleWaiting('Yes please');
    expect(retried).toMatchObject({ status: 'ok', result: { cancelled: true } });
    expect(sent).toHaveLength(1);
  });

  it('declines on a no, and forgets the proposal when the customer moves on', async () => {
    const { ledger, sent, turn } = harness();
    await turn().call('cancel_order', { order_number: '10423' });
    expect(await turn().settleWaiting('no thanks')).toMatchObject({ status: 'declined' });
    await turn().call('cancel_order', { order_number: '20000' });
    expect(await turn().settleWaiting('what are your opening hours?')).toBeUndefined();
    expect(ledger.rows.map((row) => row.status)).toEqual(['declined', 'abandoned']);
    expect(sent).toHaveLength(0);
  });

  it('never repeats a side-effecting call cut short by a crash: unknown, and a person checks', async () => {
    const { ledger, sent, turn } = harness();
    await turn().call('cancel_order', { order_number: '10423' });
    const yesId = randomUUID();
    // The first attempt moved it to calling and died before the answer was recorded.
    const waiting = ledger.rows[0]!;
    await ledger.resolve(waiting.id, yesId, 'calling');
    const tools = turn(yesId);
    expect(await tools.settleWaiting('yes')).toMatchObject({ status: 'unknown' });
    expect(tools.handoff).toBe(true);
    expect(sent).toHaveLength(0);
  });

  it('asks again, with the same key, a read-only call cut short by a crash', async () => {
    const { ledger, sent, turn } = harness();
    const messageId = randomUUID();
    await ledger.begin({
      agentId: 'agent-1',
      customerId: 'c',
      messageId,
      toolId: orderStatus.id,
      toolName: 'order_status',
      channel: 'whatsapp',
      arguments: { order_number: '10423' },
      status: 'calling',
      idempotencyKey: `${messageId}.order_status.x`,
    });
    const first = await turn(messageId).call('order_status', { order_number: '10423' });
    expect(first.status).toBe('ok');
    expect(sent).toHaveLength(1);
  });

  it('cuts a call to the time left before the reply is due, and skips it when none is left', async () => {
    const { sent, turn } = harness();
    await turn(randomUUID(), { replyBy: new Date(Date.now() + 1_800) }).call('order_status', { order_number: '1234' });
    expect(sent[0]!.timeoutMs).toBeLessThanOrEqual(800);
    expect(sent[0]!.timeoutMs).toBeGreaterThan(500);
    const late = await turn(randomUUID(), { replyBy: new Date(Date.now() + 900) }).call('order_status', {
      order_number: '1234',
    });
    expect(late).toMatchObject({ status: 'timeout', error: 'no time left in the turn to call it' });
    expect(sent).toHaveLength(1);
  });

  it('hands off when a failing tool asks for it', async () => {
    const { turn } = harness(() => ({
      status: 'timeout',
      error: 'no answer within 2000 ms',
      latencyMs: 2000,
      responseBytes: 0,
    }));
    const tools = turn();
    await tools.call('order_status', { order_number: '10423' });
    expect(tools.handoff).toBe(false);
    await tools.call('cancel_order', { order_number: '10423' });
    expect(tools.handoff).toBe(false);
    // cancel_order says handoff_on_failure: its failed call, confirmed in the next turn, passes the customer on.
    const confirming = turn();
    expect(await confirming.settleWaiting('yes')).toMatchObject({ status: 'timeout' });
    expect(confirming.handoff).toBe(true);
  });

  it('carries what the agent asked for to the next message', async () => {
    const { turn } = harness();
    await turn().askFor('order_status', {}, ['order_number']);
    const next = turn();
    expect(await next.settleWaiting('10423')).toBeUndefined();
    expect(next.waiting).toMatchObject({ tool: { name: 'order_status' }, missing: ['order_number'] });
  });
});
