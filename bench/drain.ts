/**
 * Backlog drain: BENCH_DRAIN_MESSAGES (default 10,000) WhatsApp messages from half as many customers (two each)
 * posted as fast as the gateway takes them, then the time until the last reply reached the stand-in Graph API, with
 * the whole engine running (one replica of each app), and the elizaos-worker's resident memory meanwhile. Then as many
 * new customers again, one message each, for the worker's memory after twice as many customers (10,000 by default).
 * Part of `npm run bench`.
 */
import { cpuSeconds, ENGINE_APPS, rssMiB, type EngineApp, type RunningEngine } from './engine-harness.js';
import { metaHeaders, whatsappBody } from './whatsapp-webhook.js';

export interface DrainFigures {
  messages: number;
  customers: number;
  postedInS: number;
  drainedInS: number;
  turnsPerSecond: number;
  /** Answered once, twice, never: over both backlogs (messages + moreCustomers messages). */
  answered: number;
  answeredTwice: number;
  unanswered: number;
  elizaosPeakRssMiB: number;
  elizaosEndRssMiB: number;
  /** New customers, one message each, sent after the drain. */
  moreCustomers: number;
  /** The elizaos-worker's RSS over both backlogs, and at the end: after customers + moreCustomers customers. */
  elizaosPeakRssAllCustomersMiB: number;
  elizaosEndRssAllCustomersMiB: number;
  /** CPU time each app spent per answered message, in ms. */
  cpuMsPerTurn: Record<EngineApp, number>;
}

const MESSAGES = Number(process.env.BENCH_DRAIN_MESSAGES ?? 10_000);
const POSTERS = 32;
/** The drain is given up when no reply came for this long. */
const STALL_MS = 60_000;

interface BacklogFigures {
  postedInS: number;
  drainedInS: number;
  answered: number;
  answeredTwice: number;
  peakRssMiB: number;
  cpuSeconds: number[];
}

/**
 * Posts one message per entry of `senders` (a customer's number each) as fast as the gateway takes them, then waits for
 * every reply.
 */
async function postAndDrain(engine: RunningEngine, phoneNumberId: string, senders: string[]): Promise<BacklogFigures> {
  const repliesBefore = engine.catcher.replies;
  const countsBefore = new Map(senders.map((from) => [from, engine.catcher.repliesTo.get(from) ?? 0]));
  const elizaos = engine.pidOf('elizaos-worker');
  let peakRssMiB = rssMiB(elizaos);
  const sampler = setInterval(() => (peakRssMiB = Math.max(peakRssMiB, rssMiB(elizaos))), 500);
  const cpuBefore = ENGINE_APPS.map((app) => cpuSeconds(engine.pidOf(app)));
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: POSTERS }, async () => {
      while (next < senders.length) {
        const from = senders[next++]!;
        const body = whatsappBody(phoneNumberId, from);
        for (;;) {
          const answer = await fetch(`${engine.gateway}/api/v1/webhooks/meta`, {
            method: 'POST',
            headers: metaHeaders(body),
            body,
          });
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
  while (engine.catcher.replies - repliesBefore < senders.length && performance.now() - lastProgress < STALL_MS) {
    await new Promise((r) => setTimeout(r, 250));
    if (engine.catcher.replies !== lastCount) {
      lastCount = engine.catcher.replies;
      lastProgress = performance.now();
    }
  }
  clearInterval(sampler);
  const cpuAfter = ENGINE_APPS.map((app) => cpuSeconds(engine.pidOf(app)));
  const expected = new Map<string, number>();
  for (const from of senders) expected.set(from, (expected.get(from) ?? 0) + 1);
  let answered = 0;
  let answeredTwice = 0;
  for (const [from, count] of expected) {
    const replies = (engine.catcher.repliesTo.get(from) ?? 0) - countsBefore.get(from)!;
    answered += Math.min(replies, count);
    answeredTwice += Math.max(0, replies - count);
  }
  return {
    postedInS: (posted - started) / 1000,
    drainedInS: (engine.catcher.lastReplyAt - started) / 1000,
    answered,
    answeredTwice,
    peakRssMiB,
    cpuSeconds: cpuAfter.map((after, i) => after - cpuBefore[i]!),
  };
}

export async function benchDrain(engine: RunningEngine): Promise<DrainFigures> {
  const phoneNumberId = await engine.whatsappAgent();
  const customers = Math.max(1, Math.floor(MESSAGES / 2));
  const run = Date.now() % 1e6;
  const customerOf = (k: number) => `1557${run}${String(k).padStart(5, '0')}`;
  // First every customer's first message, then every second one: each customer's two are answered in order.
  const drain = await postAndDrain(
    engine,
    phoneNumberId,
    Array.from({ length: MESSAGES }, (_, i) => customerOf(i % customers)),
  );
  const elizaos = engine.pidOf('elizaos-worker');
  const afterDrainRssMiB = rssMiB(elizaos);
  // Then as many customers again, one message each, for the worker's memory after twice as many customers.
  const more = await postAndDrain(
    engine,
    phoneNumberId,
    Array.from({ length: customers }, (_, k) => customerOf(customers + k)),
  );
  return {
    messages: MESSAGES,
    customers,
    postedInS: drain.postedInS,
    drainedInS: drain.drainedInS,
    turnsPerSecond: drain.answered / drain.drainedInS,
    answered: drain.answered + more.answered,
    answeredTwice: drain.answeredTwice + more.answeredTwice,
    unanswered: MESSAGES - drain.answered + (customers - more.answered),
    elizaosPeakRssMiB: drain.peakRssMiB,
    elizaosEndRssMiB: afterDrainRssMiB,
    moreCustomers: customers,
    elizaosPeakRssAllCustomersMiB: Math.max(drain.peakRssMiB, more.peakRssMiB),
    elizaosEndRssAllCustomersMiB: rssMiB(elizaos),
    cpuMsPerTurn: Object.fromEntries(
      ENGINE_APPS.map((app, i) => [app, (drain.cpuSeconds[i]! * 1000) / Math.max(1, drain.answered)]),
    ) as Record<EngineApp, number>,
  };
}
