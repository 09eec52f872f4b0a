import { randomUUID } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { resolveBusinessProfile } from '@voca/business';
import {
  buildCharacter,
  loadEliza,
  RuntimeHost,
  type ElizaModules,
  type ElizaRuntime,
  type HostedAgent,
} from '@voca/elizaos';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * What a replica's ElizaOS keeps per message: its working memory must not grow with every message or every customer,
 * and one customer's turn must not read the rooms of the agent's other customers. Real ElizaOS on its PGlite store;
 * the store's statements are counted at PGlite's query method.
 */
let statements = 0;
const query = PGlite.prototype.query;
PGlite.prototype.query = function (this: PGlite, ...args: Parameters<PGlite['query']>) {
  statements += 1;
  return query.apply(this, args);
} as PGlite['query'];

const runtimes: ElizaRuntime[] = [];
let host: RuntimeHost;
const agentId = randomUUID();

beforeAll(async () => {
  const eliza = await loadEliza();
  // The same ElizaOS, with each runtime it builds noted so the test can look at what it keeps.
  const AgentRuntime = class extends (eliza.core.AgentRuntime as new (options: never) => ElizaRuntime) {
    constructor(options: never) {
      super(options);
      runtimes.push(this);
    }
  };
  const modules: ElizaModules = { ...eliza, core: { ...eliza.core, AgentRuntime } as ElizaModules['core'] };
  const profile = resolveBusinessProfile({
    name: 'Working Memory Bedding',
    description: 'Bedding and home comfort store',
    business_type: 'retail',
    character_config: { tone: 'friendly', personality: 'warm' },
    context: { store_hours: 'Monday to Saturday, 9 AM - 6 PM EST' },
  });
  const agent: HostedAgent = {
    agentId,
    version: 1,
    profile,
    character: buildCharacter(agentId, profile, ['whatsapp']),
  };
  host = new RuntimeHost(
    modules,
    { maxRuntimes: 2, dataDir: 'memory://', model: { provider: 'local' } },
    async () => agent,
  );
  await host.warm(agentId);
}, 60_000);

afterAll(async () => {
  await host?.close();
  PGlite.prototype.query = query;
});

const ask = (customer: string, text = 'What are your store hours?') =>
  host.reply({
    agentId,
    channel: 'whatsapp',
    customer: { id: customer },
    text,
    messageId: `wamid.${randomUUID()}`,
    history: [],
  });

/** Statements one first message from a new customer costs the store. */
async function statementsForNewCustomer(): Promise<number> {
  const before = statements;
  const reply = await ask(`new-${randomUUID()}`);
  expect(reply.text).toContain('9 AM - 6 PM');
  return statements - before;
}

describe("a replica's ElizaOS working memory", () => {
  it('costs a new customer the same statements however many customers the agent already has', async () => {
    for (let i = 0; i < 3; i++) await ask(`warm-${i}`);
    const early = await statementsForNewCustomer();
    for (let i = 0; i < 40; i++) await ask(`crowd-${i}`);
    const later = await statementsForNewCustomer();
    expect(later).toBe(early);
    // Bootstrap's own recent-messages provider read every room of the agent: well over 40 statements here.
    expect(later).toBeLessThan(30);
  });

  it('keeps neither the composed state of answered messages nor a log of every model call', async () => {
    for (let i = 0; i < 10; i++)
      await ask(`state-${i % 3}`, i % 2 ? 'Do you ship for free?' : 'What are your store hours?');
    const [runtime] = runtimes;
    expect(runtimes).toHaveLength(1);
    expect(runtime!.stateCache.size).toBe(0);
    const logs = await (runtime as unknown as { getLogs(params: object): Promise<unknown[]> }).getLogs({ count: 10 });
    expect(logs).toEqual([]);
  });

  it("forgets an erased customer: their room, their entity and what they said go; others' stay", async () => {
    const store = storeOf(runtimes[0]!);
    const said = async (words: string) =>
      (
        await store.query<{ n: number }>(`SELECT count(*)::int AS n FROM memories WHERE content::text LIKE $1`, [
          `%${words}%`,
        ])
      ).rows[0]!.n;
    await ask('erased-customer', 'Do you ship erasable-words-123 for free?');
    await ask('kept-customer', 'Do you ship kept-words-456 for free?');
    expect(await said('erasable-words-123')).toBeGreaterThan(0);
    await host.forget(agentId, 'erased-customer');
    expect(await said('erasable-words-123')).toBe(0);
    expect(await said('kept-words-456')).toBeGreaterThan(0);
    // The same customer id writing again is connected again, not answered into a room that is gone.
    expect((await ask('erased-customer')).text).toContain('9 AM - 6 PM');
  });

  it('stays bounded: conversations idle past ELIZAOS_MEMORY_HOURS go, and their customers are answered after', async () => {
    const store = storeOf(runtimes[0]!);
    const rooms = async () => (await store.query<{ n: number }>(`SELECT count(*)::int AS n FROM rooms`)).rows[0]!.n;
    await ask('idle-customer');
    expect(await rooms()).toBeGreaterThan(1);
    // Everything written until a moment ago counts as idle.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await host.pruneMemory(1 / 3_600_000)).toBeGreaterThan(1);
    expect(await rooms()).toBe(0);
    expect((await ask('idle-customer')).text).toContain('9 AM - 6 PM');
    expect(await rooms()).toBe(1);
  });
});

/** The PGlite under a runtime's plugin-sql adapter, to look at what ElizaOS keeps. */
function storeOf(runtime: ElizaRuntime): PGlite {
  return (runtime as unknown as { adapter: { manager: { getConnection(): PGlite } } }).adapter.manager.getConnection();
}
