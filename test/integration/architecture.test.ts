import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ENTITIES } from '@voca/persistence';
import { ESLint, type Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { getMetadataArgsStorage } from 'typeorm';
import { describe, expect, it } from 'vitest';

/**
 * Table ownership as the code holds it (TABLE_OWNERS, enforced by ESLint) is the one ARCHITECTURE.md describes, and
 * covers every table the entities make.
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

interface LintConfig {
  TABLE_OWNERS: Record<string, { entity: string; owner: string | null; via: string | null }>;
  tableOwnership: Linter.Config[];
}
// Imported by a path TypeScript does not resolve: the config is plain JavaScript, without types.
const config = (await import(`${ROOT}/eslint.config.mjs`)) as LintConfig;
const owners = config.TABLE_OWNERS;

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
    const described = tablesSection();
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

/** The rows of ARCHITECTURE.md's table of tables, as cells. */
function tablesSection(): string[][] {
  const text = readFileSync(`${ROOT}/ARCHITECTURE.md`, 'utf8');
  const section = text.slice(text.indexOf('## Tables'), text.indexOf('\n## ', text.indexOf('## Tables') + 1));
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
