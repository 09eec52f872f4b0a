/**
 * The anchor message turns are judged beside: ElizaOS on its own, as its server runs an agent: one AgentRuntime with
 * plugin-bootstrap's default pipeline (all its providers, actions and evaluators), plugin-sql on PGlite in memory,
 * and the same offline model the engine's bench runs (so only the pipeline around the model differs). A turn is
 * the time from handing ElizaOS the customer's message (ensureConnection, then its message service) to its reply
 * callback; one at a time, for new customers and for one returning customer, as bench/turns.ts does with the engine.
 * No HTTP, queue or database of record is involved: what the engine adds on top of ElizaOS is what the ratio shows.
 * Started by bench/run.ts as a process of its own: `node dist/bench/anchors/elizaos-turn-anchor.js <turns>`.
 */
import { randomUUID } from 'node:crypto';
import { resolveBusinessProfile } from '@voca/business';
import { buildCharacter, loadEliza, localModelPlugin, turnContext, type ElizaContent, type Turn } from '@voca/elizaos';
import { BENCH_AGENT_PROFILE, BENCH_CUSTOMER_TEXT } from '../bench-agent.js';

const turns = Number(process.argv[2] ?? 100);
// Bootstrap's settings provider reports, at every DM turn, that the world has no owner to onboard: true and harmless.
process.env.LOG_LEVEL = 'fatal';
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

const { core, sql, bootstrap } = await loadEliza();
const agentId = randomUUID();
const profile = resolveBusinessProfile({ description: null, ...BENCH_AGENT_PROFILE });
const character = buildCharacter(agentId, profile, ['whatsapp']);
const elizaAgentId = character.id ?? core.stringToUuid(agentId);

const schema = sql.createDatabaseAdapter({ dataDir: 'memory://' }, core.stringToUuid('bench-schema'));
await schema.init?.();
const migrations = new sql.DatabaseMigrationService();
await migrations.initializeWithDatabase(schema.getDatabase());
migrations.discoverAndRegisterPluginSchemas([sql.plugin]);
await migrations.runAllPluginMigrations();

const runtime = new core.AgentRuntime({
  agentId: elizaAgentId,
  character,
  adapter: sql.createDatabaseAdapter({ dataDir: 'memory://' }, elizaAgentId),
  plugins: [sql.plugin, bootstrap, localModelPlugin(core.ModelType)],
});
await runtime.initialize();

async function turn(customer: string): Promise<number> {
  const entityId = core.stringToUuid(`customer:${customer}`);
  const roomId = core.stringToUuid(`room:${customer}`);
  const current: Turn = {
    agentId,
    profile,
    channel: 'whatsapp',
    text: BENCH_CUSTOMER_TEXT,
    history: [],
    knowledge: [],
    sources: [],
    handoff: false,
  };
  const started = performance.now();
  let answeredAt = 0;
  await turnContext.run(current, async () => {
    await runtime.ensureConnection({
      entityId,
      roomId,
      worldId: core.stringToUuid(`world:${agentId}`),
      worldName: profile.name,
      source: 'whatsapp',
      type: core.ChannelType.DM,
      channelId: customer,
      userName: customer,
      name: 'Customer',
    });
    await runtime.messageService.handleMessage(
      runtime,
      {
        id: core.stringToUuid(randomUUID()),
        entityId,
        agentId: runtime.agentId,
        roomId,
        content: { text: BENCH_CUSTOMER_TEXT, source: 'whatsapp' },
      },
      async (content: ElizaContent) => {
        if (content.text && !answeredAt) answeredAt = performance.now();
        return [];
      },
    );
  });
  if (!answeredAt) throw new Error('ElizaOS did not answer');
  return answeredAt - started;
}

async function series(name: string, customer: 'new' | 'returning', customerOf: (i: number) => string) {
  for (let i = 0; i < 5; i++) await turn(customerOf(-1 - i)); // warm up
  const latencies: number[] = [];
  for (let i = 0; i < turns; i++) latencies.push(await turn(customerOf(i)));
  latencies.sort((a, b) => a - b);
  return { name, customer, turns, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

const figures = [
  await series('ElizaOS alone, new customer (message in -> reply)', 'new', (i) => `new-${i}`),
  await series('ElizaOS alone, returning customer', 'returning', () => 'returning'),
];
process.send?.(figures);
await runtime.stop();
process.exit(0);
