import type { ElizaDatabaseAdapter, ElizaModules } from './eliza-core.js';

/**
 * ElizaOS's own store on this replica: PGlite (embedded Postgres with pgvector), in memory by default. It holds the
 * runtimes' working memory only; the durable record of every conversation is the engine's Postgres. One PGlite serves
 * every runtime of the process; its schema is migrated once, when the replica starts (RuntimeHost.prepare).
 */
export class ElizaDatabase {
  private migrated?: Promise<void>;

  constructor(
    private readonly eliza: ElizaModules,
    private readonly dataDir: string,
  ) {}

  prepare(): Promise<void> {
    this.migrated ??= (async () => {
      const { core, sql } = this.eliza;
      const adapter = sql.createDatabaseAdapter({ dataDir: this.dataDir }, core.stringToUuid('voca-elizaos-schema'));
      await adapter.init?.();
      const migrations = new sql.DatabaseMigrationService();
      await migrations.initializeWithDatabase(adapter.getDatabase());
      migrations.discoverAndRegisterPluginSchemas([sql.plugin]);
      await migrations.runAllPluginMigrations();
    })();
    return this.migrated;
  }

  adapterFor(elizaAgentId: string): ElizaDatabaseAdapter {
    const adapter = this.eliza.sql.createDatabaseAdapter({ dataDir: this.dataDir }, elizaAgentId);
    // ElizaOS records every model call and action, with the whole prompt and state, in its `logs` table for its own
    // dashboard, which the engine does not serve: three inserts per message, kept for ever in this replica's memory.
    adapter.log = async () => undefined;
    return adapter;
  }
}
