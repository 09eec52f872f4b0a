import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { JOB_NAMES_BY_QUEUE, QUEUES_CONSUMED_BY, QueueName } from '@voca/contracts';
import { ENTITIES } from '@voca/persistence';
import { ESLint, type Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { getMetadataArgsStorage } from 'typeorm';
import { describe, expect, it } from 'vitest';

/**
 * ARCHITECTURE.md tells what the code holds: its processes, libs and queues are the code's, and table ownership is
 * the one ESLint enforces (TABLE_OWNERS), covering every table the entities make.
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

interface LintConfig {
  TABLE_OWNERS: Record<string, { entity: string; owner: string | null; via: string | null }>;
  tableOwnership: Linter.Config[];
}
// Imported by a path TypeScript does not resolve: the config is plain JavaScript, without types.
const config = (await import(`${ROOT}/eslint.config.mjs`)) as LintConfig;
const owners = config.TABLE_OWNERS;

describe('ARCHITECTURE.md', () => {
  it('names every app and every lib, in their tables', () => {
    const dirs = (root: string) =>
      readdirSync(`${ROOT}/${root}`, { withFileTypes: true }).filter((d) => d.isDirectory());
    expect(rowsOf('Processes').map((cells) => cells[0])).toEqual(
      expect.arrayContaining(dirs('apps').map((d) => `\`apps/${d.name}\``)),
    );
    expect(rowsOf('Processes')).toHaveLength(dirs('apps').length);
    expect(rowsOf('Libraries').map((cells) => cells[0])).toEqual(
      expect.arrayContaining(dirs('libs').map((d) => `\`${d.name}\``)),
    );
    expect(rowsOf('Libraries')).toHaveLength(dirs('libs').length);
  });

  it('lists every queue with its jobs and the app consuming it', () => {
    const rows = rowsOf('Queues');
    expect(rows.map((cells) => cells[0]).sort()).toEqual(
      Object.values(QueueName)
        .map((queue) => `\`${queue}\``)
        .sort(),
    );
    for (const queue of Object.values(QueueName)) {
      const [, jobs, , consumer] = rows.find((cells) => cells[0] === `\`${queue}\``)!;
      expect(jobs, queue).toBe(JOB_NAMES_BY_QUEUE[queue].map((job) => `\`${job}\``).join(', '));
      const app = Object.entries(QUEUES_CONSUMED_BY).find(([, queues]) =>
        (queues as readonly string[]).includes(queue),
      );
      expect(consumer, queue).toMatch(new RegExp(`^${app![0]}\\b`));
    }
  });
});

describe('table ownership', () => {
  it('names an owner for every table the entities make, and for nothing else', () => {
    const tables = getMetadataArgsStorage()
      .tables.filter((table) => ENTITIES.includes(table.target as (typeof ENTITIES)[number]))
      .map((table) => table.name);
    expect(Object.keys(owners).sort()).toEqual([...tables].sort());
    for (const [table, { entity }] of Object.entries(owners)) {
      const target = getMetadataArgsStorage().tables.find((t) => t.name === table)!.target as { name: string };
      expect(target.name, table).toBe(entity);
    }
  });

  it('is the one ARCHITECTURE.md tells', () => {
    const described = rowsOf('Tables');
    for (const [table, { owner, via }] of Object.entries(owners)) {
      const row = described.find((cells) => cells[0]!.includes(`\`${table}\``));
      expect(row, `${table} in ARCHITECTURE.md`).toBeDefined();
      expect(row![1], table).toMatch(owner ? new RegExp(`^${owner}\\b`) : /^no app$/);
      for (const name of via?.replace(/ \(.*$/, '').split(', ') ?? []) expect(row![2], table).toContain(name);
    }
  });
});

describe('ESLint, holding apps to it', () => {
  const lint = async (app: string, code: string) => {
    const eslint = new ESLint({
      cwd: ROOT,
      overrideConfigFile: true,
      overrideConfig: [{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } }, ...config.tableOwnership],
    });
    const [result] = await eslint.lintText(code, { filePath: `${ROOT}/apps/${app}/src/probe.ts` });
    return result!.messages.map((message) => message.message);
  };

  it("refuses writes to another app's table: by entity, by repository, in raw SQL", async () => {
    const refused = await lint(
      'api-gateway',
      `await tx.update(AgentChannel, { agentId }, { status: 'failed' });
       await tx.insert(ConversationMessage, row);
       await db.getRepository(Customer).delete({ agentId });
       await db.createQueryBuilder().insert().into(Handoff).values(row).execute();
       await db.query(\`UPDATE agent_channels SET error = $1\`, [error]);
       await db.query('DELETE FROM "customer_identities" WHERE id = $1', [id]);`,
    );
    expect(refused).toEqual([
      expect.stringContaining('agent_channels is not this app'),
      expect.stringContaining('conversation_messages is not this app'),
      expect.stringContaining('customers is not this app'),
      expect.stringContaining('handoffs is not this app'),
      expect.stringContaining('agent_channels is not this app'),
      expect.stringContaining('customer_identities is not this app'),
    ]);
    expect(refused[0]).toContain('go through AgentChannelStore (libs/persistence)');
  });

  it('lets an app write what it owns, and read anything', async () => {
    expect(
      await lint(
        'context-service',
        `await tx.update(ConversationMessage, { id }, { status: 'sent' });
         await db.query(\`DELETE FROM customers WHERE agent_id = $1\`, [agentId]);
         await tx.findBy(AgentChannel, { agentId });
         await db.query(\`SELECT * FROM agent_channels c JOIN agents a ON a.id = c.agent_id\`);`,
      ),
    ).toEqual([]);
  });
});

/** The rows of the table in one section of ARCHITECTURE.md (`## <title>`), as cells. */
function rowsOf(title: string): string[][] {
  const text = readFileSync(`${ROOT}/ARCHITECTURE.md`, 'utf8');
  const start = text.indexOf(`\n## ${title}\n`);
  expect(start, `## ${title}`).toBeGreaterThan(-1);
  const next = text.indexOf('\n## ', start + 1);
  const section = text.slice(start, next === -1 ? undefined : next);
  return section
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .map((line) =>
      line
        .slice(1, -1)
        .split(' | ')
        .map((cell) => cell.trim()),
    );
}
