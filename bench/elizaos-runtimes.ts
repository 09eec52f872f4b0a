/**
 * How much an agent runtime costs: the time to build one, the resident memory of a replica hosting 10, 100 and 1000
 * agents, and the latency of a reply on the offline model. Run with `npm run bench:elizaos` (after `npm run build`).
 * Agents are synthetic Cozy-Comfort-like profiles; no database or network is involved.
 */
import { randomUUID } from 'node:crypto';
import { resolveBusinessProfile } from '@voca/business';
import type { BusinessProfile } from '@voca/contracts';
import { buildCharacter, loadEliza, RuntimeHost, type HostedAgent } from '@voca/elizaos';

const STAGES = (process.argv[2] ?? '10,100,1000').split(',').map(Number);
const mib = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);

function profile(index: number): BusinessProfile {
  return resolveBusinessProfile({
    name: `Bench Bedding ${index}`,
    description: 'Premium bedding and home comfort store',
    business_type: 'retail',
    character_config: { tone: 'friendly', personality: 'warm and knowledgeable about sleep' },
    context: {
      store_hours: 'Monday to Saturday, 9 AM - 6 PM EST',
      policies: { returns: 'Returns accepted within 30 days of delivery', shipping: 'Free shipping over $75' },
      products: [
        { name: 'Egyptian Cotton Sheet Set', price: 129.99 },
        { name: 'Down Alternative Comforter', price: 89.5 },
      ],
      website: 'https://bench.example',
    },
  });
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function main(): Promise<void> {
  process.env.LOG_LEVEL = 'error';
  process.env.DOTENV_CONFIG_QUIET = 'true';
  const agents = new Map<string, HostedAgent>();
  const builds: number[] = [];
  const baseline = process.memoryUsage().rss;
  const host = new RuntimeHost(
    await loadEliza(),
    { maxRuntimes: Math.max(...STAGES), dataDir: 'memory://', model: { provider: 'local' } },
    async (agentId) => agents.get(agentId)!,
    { built: (_agentId, milliseconds) => builds.push(milliseconds) },
  );
  console.log(`node ${process.version}, RSS before ElizaOS: ${mib(baseline)} MiB`);
  let hosted = 0;
  for (const stage of STAGES) {
    const started = performance.now();
    while (hosted < stage) {
      const agentId = randomUUID();
      const p = profile(hosted);
      agents.set(agentId, {
        agentId,
        version: 1,
        profile: p,
        character: buildCharacter(agentId, p, ['whatsapp', 'facebook']),
      });
      await host.warm(agentId);
      hosted += 1;
    }
    const seconds = (performance.now() - started) / 1000;
    global.gc?.();
    console.log(
      `${stage} runtimes hosted: RSS ${mib(process.memoryUsage().rss)} MiB, heap ${mib(process.memoryUsage().heapUsed)} MiB (built in ${seconds.toFixed(1)} s)`,
    );
  }
  const [first, ...rest] = builds;
  console.log(
    `build one runtime: first ${first!.toFixed(0)} ms (includes PGlite start and migrations), then median ${percentile(rest, 50).toFixed(1)} ms, p95 ${percentile(rest, 95).toFixed(1)} ms`,
  );

  const [agentId] = agents.keys();
  const replies: number[] = [];
  for (let i = 0; i < 50; i += 1) {
    const started = performance.now();
    await host.reply({
      agentId: agentId!,
      channel: 'whatsapp',
      customer: { id: `bench-${i % 5}` },
      text: 'What are your store hours?',
      history: [],
    });
    replies.push(performance.now() - started);
  }
  console.log(
    `reply on the local model: median ${percentile(replies, 50).toFixed(1)} ms, p95 ${percentile(replies, 95).toFixed(1)} ms`,
  );
  await host.close();
  process.exit(0);
}

await main();
