/**
 * Backlog drain: BENCH_DRAIN_MESSAGES (default 10,000) WhatsApp messages from half as many customers (two each)
 * posted as fast as the gateway takes them, then the time until the last reply reached the stand-in Graph API, with
 * the whole engine running (one replica of each app), and the elizaos-worker's resident memory meanwhile. Part of
 * `npm run bench`.
 */
import { cpuSeconds, ENGINE_APPS, rssMiB, type EngineApp, type RunningEngine } from './engine-harness.js';
import { metaHeaders, whatsappBody } from './whatsapp-webhook.js';

export interface DrainFigures {
  messages: number;
  customers: number;
  postedInS: number;
  drainedInS: number;
  turnsPerSecond: number;
  answered: number;
  answeredTwice: number;
  unanswered: number;
  elizaosPeakRssMiB: number;
  elizaosEndRssMiB: number;
  /** CPU time each app spent per answered message, in ms. */
  cpuMsPerTurn: Record<EngineApp, number>;
}

const MESSAGES = Number(process.env.BENCH_DRAIN_MESSAGES ?? 10_000);
const POSTERS = 32;
/** The drain is given up when no reply came for this long. */
const STALL_MS = 60_000;

export async function benchDrain(engine: RunningEngine): Promise<DrainFigures> {
  const phoneNumberId = await engine.whatsappAgent();
  const customers = Math.max(1, Math.floor(MESSAGES / 2));
  const run = Date.now() % 1e6;
  const customerOf = (k: number) => `1557${run}${String(k).padStart(5, '0')}`;
  // First every customer's first message, then every second one: each customer's two are answered in order.
  const sends = Array.from({ length: MESSAGES }, (_, i) => customerOf(i % customers));
  const repliesBefore = engine.catcher.replies;
  const elizaos = engine.pidOf('elizaos-worker');
  let peakRss = rssMiB(elizaos);
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssMiB(elizaos))), 500);

  const cpuBefore = ENGINE_APPS.map((app) => cpuSeconds(engine.pidOf(app)));
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: POSTERS }, async () => {
      while (next < sends.length) {
        const from = sends[next++]!;
        const body = whatsappBody(phoneNumberId, from);
        for (;;) {
          const answer = await fetch(`${engine.gateway}/api/v1/webhooks/meta`, { method: 'POST', headers: metaHeaders(body), body });
          if (answer.status === 200) break;
          if (answer.status !== 503 && answer.status !== 429) throw new Error(`the webhook answered ${answer.status}`);
          await new Promise((r) => setTimeout(r, 200)); // as Meta would: deliver again later
        }
      }
    }),
  );
  const posted = performance.now();

  let lastCount = -1;
  let lastProgress = performance.now();
  while (engine.catcher.replies - repliesBefore < MESSAGES && performance.now() - lastProgress < STALL_MS) {
    await new Promise((r) => setTimeout(r, 250));
    if (engine.catcher.replies !== lastCount) {
      lastCount = engine.catcher.replies;
      lastProgress = performance.now();
    }
  }
  clearInterval(sampler);
  const cpuAfter = ENGINE_APPS.map((app) => cpuSeconds(engine.pidOf(app)));
  const drainedInS = (engine.catcher.lastReplyAt - started) / 1000;
  let answered = 0;
  let answeredTwice = 0;
  for (let k = 0; k < customers; k++) {
    const count = engine.catcher.repliesTo.get(customerOf(k)) ?? 0;
    const expected = Math.floor(MESSAGES / customers) + (k < MESSAGES % customers ? 1 : 0);
    answered += Math.min(count, expected);
    answeredTwice += Math.max(0, count - expected);
  }
  return {
    messages: MESSAGES,
    customers,
    postedInS: (posted - started) / 1000,
    drainedInS,
    turnsPerSecond: answered / drainedInS,
    answered,
    answeredTwice,
    unanswered: MESSAGES - answered,
    elizaosPeakRssMiB: peakRss,
    elizaosEndRssMiB: rssMiB(elizaos),
    cpuMsPerTurn: Object.fromEntries(ENGINE_APPS.map((app, i) => [app, ((cpuAfter[i]! - cpuBefore[i]!) * 1000) / Math.max(1, answered)])) as Record<EngineApp, number>,
  };
}
