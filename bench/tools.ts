import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createServer } from 'node:http';
import { OutboundHttpClient } from '@voca/outbound-http';
import { dataSourceOptions, databaseSettingsFrom, ToolCalls } from '@voca/persistence';
import { ToolCaller, ToolSchemas, TurnTools, type RegisteredTool } from '@voca/tools';
import { request } from 'undici';
import { DataSource } from 'typeorm';
import type { RunningEngine } from './engine-harness.js';
import { percentileOf, turnTimer } from './turns.js';

/** Where the bench's backend listens: a loopback address the engine is told is public (OUTBOUND_ALLOWED_CIDRS). */
export const TOOLS_BENCH_ADDRESS = '127.0.0.2';
export const TOOLS_BENCH_ENV = { OUTBOUND_ALLOWED_CIDRS: `${TOOLS_BENCH_ADDRESS}/32` };

const TURNS = 200;
const QUESTION = 'Where is my order 10423?';
const HOURS = 'What time are you open?';

const CALLS = 2_000;

export interface CallFigures {
  name: string;
  p50: number;
  p99: number;
}

export interface ToolFigures {
  /** One call in this process: a bare HTTP POST (the anchor), the engine's caller, and a turn's whole call. */
  calls: CallFigures[];
  turns: { name: string; turns: number; p50: number; p99: number }[];
  /** The backend's own time per call, from the request's first byte to the answer's end (ms). */
  backendP50: number;
  backendCalls: number;
}

const ANSWER = '{"order_number":"10423","status":"shipped","carrier":"UPS","estimated_delivery":"2026-12-10"}';

/** A backend answering every call at once, with its own time per call recorded. */
async function instantBackend(): Promise<{ url: string; times: number[]; close: () => void }> {
  const times: number[] = [];
  const server = createServer((incoming, response) => {
    const started = performance.now();
    incoming.resume();
    incoming.on('end', () => {
      response.writeHead(200, { 'content-type': 'application/json' }).end(ANSWER);
      times.push(performance.now() - started);
    });
  });
  server.listen(0, TOOLS_BENCH_ADDRESS);
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  return { url: `http://${TOOLS_BENCH_ADDRESS}:${port}/tools/order_status`, times, close: () => server.close() };
}

async function timed(name: string, run: (i: number) => Promise<unknown>): Promise<CallFigures> {
  for (let i = 0; i < 100; i++) await run(i);
  const latencies: number[] = [];
  for (let i = 0; i < CALLS; i++) {
    const began = performance.now();
    await run(i);
    latencies.push(performance.now() - began);
  }
  latencies.sort((a, b) => a - b);
  return { name, p50: percentileOf(latencies, 50), p99: percentileOf(latencies, 99) };
}

/**
 * One tool call in this process, three ways against the same instant backend: a bare keep-alive POST with undici
 * (the anchor: what any HTTP call costs), the engine's caller (signing, the guarded connection, the bounded read),
 * and a turn's whole call (the schema check and the call recorded in Postgres before and after).
 */
export async function benchToolCalls(databaseUrl: string): Promise<CallFigures[]> {
  const backend = await instantBackend();
  const db = await new DataSource(
    dataSourceOptions(
      databaseSettingsFrom(
        {
          DATABASE_URL: databaseUrl,
          DATABASE_POOL_SIZE: 2,
          DATABASE_CONNECT_TIMEOUT_MS: 5_000,
          DATABASE_STATEMENT_TIMEOUT_MS: 30_000,
          DATABASE_LOCK_TIMEOUT_MS: 5_000,
          DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: 30_000,
        },
        'bench-tools',
      ),
    ),
  ).initialize();
  const http = new OutboundHttpClient({ allowPlainHttp: true, allowedCidrs: [`${TOOLS_BENCH_ADDRESS}/32`] });
  const agentId = randomUUID();
  try {
    await db.query(
      `INSERT INTO agents (id, vendor_id, name, business_type, version, status)
       VALUES ($1, $2, 'Bench store', 'retail', 1, 'active')`,
      [agentId, `bench_${agentId.slice(0, 8)}`],
    );
    const [{ id: messageId }] = (await db.query(
      `INSERT INTO conversation_messages (agent_id, channel, direction, business_account_id, counterpart_id, text, status)
       VALUES ($1, 'whatsapp', 'inbound', 'bench', 'bench-customer', 'Where is my order?', 'answering') RETURNING id`,
      [agentId],
    )) as { id: string }[];
    const body = (i: number) =>
      JSON.stringify({
        tool: 'order_status',
        arguments: { order_number: String(10_000 + i) },
        conversation: { agent_id: agentId, customer_id: agentId, channel: 'whatsapp', message_id: messageId },
      });
    const caller = new ToolCaller(http, 16 * 1024);
    const [{ id: toolId }] = (await db.query(
      `INSERT INTO agent_tools (agent_id, vendor_id, name, description, parameters, url, timeout_ms, secret_ciphertext,
                                created_by)
       VALUES ($1, 'bench', 'order_status', 'Looks up an order', '{}', $2, 3000, 'unused', 'bench') RETURNING id`,
      [agentId, backend.url],
    )) as { id: string }[];
    const tool: RegisteredTool = {
      id: toolId,
      name: 'order_status',
      description: 'Looks up an order',
      parameters: {
        type: 'object',
        properties: { order_number: { type: 'string', pattern: '^[0-9]{4,10}$' } },
        required: ['order_number'],
      },
      url: backend.url,
      timeoutMs: 3_000,
      channels: null,
      requiresConfirmation: false,
      handoffOnFailure: false,
      intent: 'order_status',
      secret: () => 'whsec_bench',
    };
    const turn = new TurnTools(
      [tool],
      { agentId, customerId: agentId, channel: 'whatsapp', messageId },
      new ToolCalls(db),
      (call) => caller.call(call),
      new ToolSchemas(),
      { maxCallsPerTurn: Number.MAX_SAFE_INTEGER, replyReserveMs: 0, waitingMs: 60_000 },
    );
    return [
      await timed('a bare POST (undici, keep-alive): the anchor', async (i) => {
        const answer = await request(backend.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: body(i),
        });
        await answer.body.json();
      }),
      await timed("the engine's caller (signed, guarded, bounded)", (i) =>
        caller.call({
          callId: randomUUID(),
          url: backend.url,
          secret: 'whsec_bench',
          idempotencyKey: `bench.${i}`,
          timeoutMs: 3_000,
          body: JSON.parse(body(i)),
        }),
      ),
      await timed("a turn's call (checked, recorded before and after)", (i) =>
        turn.call('order_status', { order_number: String(100_000 + i + Math.floor(Math.random() * 1e6)) }),
      ),
    ];
  } finally {
    await db.query(`DELETE FROM agents WHERE id = $1`, [agentId]);
    await db.query(`DELETE FROM conversation_messages WHERE agent_id = $1`, [agentId]);
    await http.close();
    await db.destroy();
    backend.close();
  }
}

/**
 * Turns through the whole engine, one at a time: an agent with an `order_status` tool beside one without, on a
 * question no tool serves (what having tools costs every turn: loading them, looking for a pending request) and on
 * "where is my order 10423?" (the call: recorded, signed, made, and ElizaOS running the tool's action). The backend
 * answers at once; its own time is measured.
 */
export async function benchToolTurns(engine: RunningEngine): Promise<Omit<ToolFigures, 'calls'>> {
  const backend = await instantBackend();
  try {
    const plain = await engine.provisionWhatsappAgent();
    const tooled = await engine.provisionWhatsappAgent();
    const registered = await fetch(`${engine.gateway}/api/v1/agents/${tooled.agentId}/tools`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${engine.token}` },
      body: JSON.stringify({
        name: 'order_status',
        description: 'Looks up an order by its number',
        parameters: {
          type: 'object',
          properties: { order_number: { type: 'string', pattern: '^[0-9]{4,10}$' } },
          required: ['order_number'],
        },
        url: backend.url,
      }),
    });
    if (registered.status !== 201) throw new Error(`the tool registration answered ${registered.status}`);
    const run = Date.now() % 1e6;
    const series = async (name: string, phoneNumberId: string, prefix: string, question: string) => {
      const turn = turnTimer(engine, phoneNumberId);
      for (let i = 0; i < 5; i++) await turn(`${prefix}${run}9${i}`, question);
      const latencies: number[] = [];
      for (let i = 0; i < TURNS; i++)
        latencies.push(await turn(`${prefix}${run}${String(i).padStart(4, '0')}`, question));
      latencies.sort((a, b) => a - b);
      return { name, turns: TURNS, p50: percentileOf(latencies, 50), p99: percentileOf(latencies, 99) };
    };
    const turns = [
      await series(`no tools: "${HOURS}"`, plain.phoneNumberId, '1581', HOURS),
      await series(`order_status tool: "${HOURS}"`, tooled.phoneNumberId, '1582', HOURS),
      await series(`no tools: "${QUESTION}"`, plain.phoneNumberId, '1583', QUESTION),
      await series(`order_status tool: "${QUESTION}" (a call)`, tooled.phoneNumberId, '1584', QUESTION),
    ];
    backend.times.sort((a, b) => a - b);
    return { turns, backendP50: percentileOf(backend.times, 50), backendCalls: backend.times.length };
  } finally {
    backend.close();
  }
}

export function toolsTable(figures: ToolFigures): string {
  const pad = (text: string, width: number) => text.padEnd(width);
  const num = (value: number, digits = 1) => value.toFixed(digits).padStart(9);
  const signed = (value: number, digits: number) => `${value >= 0 ? '+' : ''}${value.toFixed(digits)}`;
  const [base] = figures.turns;
  const [anchor] = figures.calls;
  const lines = [
    `${pad(`one tool call, in process (${CALLS} each)`, 52)}${'p50 ms'.padStart(9)}${'p99 ms'.padStart(9)}  vs the anchor`,
    ...figures.calls.map(
      (f) =>
        `${pad(f.name, 52)}${num(f.p50, 2)}${num(f.p99, 2)}${f === anchor ? '' : `  ${signed(f.p50 - anchor!.p50, 2)} ms p50, ${signed(f.p99 - anchor!.p99, 2)} ms p99`}`,
    ),
    '',
    `${pad(`turns (${base!.turns} each, one at a time)`, 52)}${'p50 ms'.padStart(9)}${'p99 ms'.padStart(9)}  vs the same without tools`,
    ...figures.turns.map((f, i) => {
      const without = figures.turns[i - (i % 2)]!;
      const delta =
        f === without ? '' : `  ${signed(f.p50 - without.p50, 1)} ms p50, ${signed(f.p99 - without.p99, 1)} ms p99`;
      return `${pad(f.name, 52)}${num(f.p50)}${num(f.p99)}${delta}`;
    }),
    `${pad(`the backend's own time per call (${figures.backendCalls} calls)`, 52)}${num(figures.backendP50, 2)}`,
  ];
  return lines.join('\n');
}
