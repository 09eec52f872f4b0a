import { once } from 'node:events';
import { createServer } from 'node:http';
import type { RunningEngine } from './engine-harness.js';
import { percentileOf, turnTimer } from './turns.js';

/** Where the bench's backend listens: a loopback address the engine is told is public (OUTBOUND_ALLOWED_CIDRS). */
export const TOOLS_BENCH_ADDRESS = '127.0.0.2';
export const TOOLS_BENCH_ENV = { OUTBOUND_ALLOWED_CIDRS: `${TOOLS_BENCH_ADDRESS}/32` };

const TURNS = 200;
const QUESTION = 'Where is my order 10423?';

export interface ToolFigures {
  turns: { name: string; turns: number; p50: number; p99: number }[];
  /** The backend's own time per call, from the request's first byte to the answer's end (ms). */
  backendP50: number;
  calls: number;
}

/**
 * The engine's overhead of a tool call: the same question to an agent without tools and to one with an
 * `order_status` tool whose backend answers at once (its own time measured and taken out), one turn at a time.
 * The difference is what the engine adds: loading the agent's tools, recording the call before and after, signing,
 * the outbound client, and ElizaOS running the tool's action.
 */
export async function benchToolTurns(engine: RunningEngine): Promise<ToolFigures> {
  const backendMs: number[] = [];
  const backend = createServer((request, response) => {
    const started = performance.now();
    request.resume();
    request.on('end', () => {
      response
        .writeHead(200, { 'content-type': 'application/json' })
        .end('{"order_number":"10423","status":"shipped","carrier":"UPS","estimated_delivery":"2026-12-10"}');
      backendMs.push(performance.now() - started);
    });
  });
  backend.listen(0, TOOLS_BENCH_ADDRESS);
  await once(backend, 'listening');
  const { port } = backend.address() as { port: number };
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
        url: `http://${TOOLS_BENCH_ADDRESS}:${port}/tools/order_status`,
      }),
    });
    if (registered.status !== 201) throw new Error(`the tool registration answered ${registered.status}`);
    const run = Date.now() % 1e6;
    const series = async (name: string, phoneNumberId: string, prefix: string) => {
      const turn = turnTimer(engine, phoneNumberId);
      for (let i = 0; i < 5; i++) await turn(`${prefix}${run}9${i}`, QUESTION);
      const latencies: number[] = [];
      for (let i = 0; i < TURNS; i++)
        latencies.push(await turn(`${prefix}${run}${String(i).padStart(4, '0')}`, QUESTION));
      latencies.sort((a, b) => a - b);
      return { name, turns: TURNS, p50: percentileOf(latencies, 50), p99: percentileOf(latencies, 99) };
    };
    const turns = [
      await series(`no tools: "${QUESTION}"`, plain.phoneNumberId, '1581'),
      await series(`order_status tool: "${QUESTION}"`, tooled.phoneNumberId, '1582'),
    ];
    backendMs.sort((a, b) => a - b);
    return { turns, backendP50: percentileOf(backendMs, 50), calls: backendMs.length };
  } finally {
    backend.close();
  }
}

export function toolsTable(figures: ToolFigures): string {
  const pad = (text: string, width: number) => text.padEnd(width);
  const num = (value: number, digits = 1) => value.toFixed(digits).padStart(9);
  const [base, tooled] = figures.turns;
  const lines = [
    `${pad(`turns with a tool call (${base!.turns} each, one at a time)`, 52)}${'p50 ms'.padStart(9)}${'p99 ms'.padStart(9)}  vs no tools`,
    `${pad(base!.name, 52)}${num(base!.p50)}${num(base!.p99)}`,
    `${pad(tooled!.name, 52)}${num(tooled!.p50)}${num(tooled!.p99)}  +${(tooled!.p50 - base!.p50).toFixed(1)} ms p50, +${(tooled!.p99 - base!.p99).toFixed(1)} ms p99`,
    `${pad(`the backend's own time per call (${figures.calls} calls)`, 52)}${num(figures.backendP50, 2)}`,
    `${pad("the engine's overhead of a tool call, p50", 52)}${num(tooled!.p50 - base!.p50 - figures.backendP50)}  target <= 10 ms`,
  ];
  return lines.join('\n');
}
