/**
 * Message turns end to end: a signed WhatsApp webhook in, the agent's reply arriving at the stand-in Graph API, with
 * the whole engine running (bench/engine-harness.ts), one message at a time; for new customers (each message from
 * another number) and for a returning one (all from one number, so history is loaded). Part of `npm run bench`.
 */
import { fork } from 'node:child_process';
import { resolve } from 'node:path';
import type { RunningEngine } from './engine-harness.js';
import { metaHeaders, whatsappBody } from './whatsapp-webhook.js';

export interface TurnFigures {
  name: string;
  customer: 'new' | 'returning';
  turns: number;
  p50: number;
  p99: number;
}

const TURNS = Number(process.env.BENCH_TURNS ?? 100);

/** Times one turn: a signed webhook from `from` to the agent's number, until its reply reaches the Graph API (ms). */
export function turnTimer(
  engine: RunningEngine,
  phoneNumberId: string,
): (from: string, text?: string) => Promise<number> {
  return async (from, text) => {
    const body = whatsappBody(phoneNumberId, from, text);
    const arrived = engine.catcher.replyTo(from);
    const started = performance.now();
    const answer = await fetch(`${engine.gateway}/api/v1/webhooks/meta`, {
      method: 'POST',
      headers: metaHeaders(body),
      body,
    });
    if (answer.status !== 200) throw new Error(`the webhook answered ${answer.status}`);
    return (await arrived) - started;
  };
}

export const percentileOf = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

export async function benchTurns(engine: RunningEngine): Promise<TurnFigures[]> {
  const turn = turnTimer(engine, await engine.whatsappAgent());
  const series = async (
    name: string,
    customer: TurnFigures['customer'],
    fromOf: (i: number) => string,
  ): Promise<TurnFigures> => {
    for (let i = 0; i < 5; i++) await turn(fromOf(-1 - i)); // warm up
    const latencies: number[] = [];
    for (let i = 0; i < TURNS; i++) latencies.push(await turn(fromOf(i)));
    latencies.sort((a, b) => a - b);
    return { name, customer, turns: TURNS, p50: percentileOf(latencies, 50), p99: percentileOf(latencies, 99) };
  };
  const run = Date.now() % 1e6;
  return [
    await series(
      'engine, new customer (webhook in -> reply sent)',
      'new',
      (i) => `1555${run}${String(i + 10).padStart(4, '0')}`,
    ),
    await series('engine, returning customer (history loaded)', 'returning', () => `1556${run}0001`),
  ];
}

/** ElizaOS on its own answering the same questions (bench/anchors/elizaos-turn-anchor.ts), as a process of its own. */
export function benchElizaosAnchor(): Promise<TurnFigures[]> {
  return new Promise((done, failed) => {
    const anchor = fork(resolve('dist/bench/anchors/elizaos-turn-anchor.js'), [String(TURNS)], {
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    let figures: TurnFigures[] | undefined;
    anchor.once('message', (message) => (figures = message as TurnFigures[]));
    anchor.once('error', failed);
    anchor.once('exit', (code) =>
      figures ? done(figures) : failed(new Error(`the ElizaOS anchor exited with ${code}`)),
    );
  });
}
