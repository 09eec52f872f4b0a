import type { ElizaDatabaseAdapter, ElizaModules, UUID } from './eliza-core.js';

/** plugin-sql's PGlite adapter keeps its PGlite behind a connection manager; pruning runs plain SQL on it. */
interface PgliteConnection {
  query<T>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
}

/**
 * ElizaOS's own store on this replica: PGlite (embedded Postgres with pgvector), in memory by default. It holds the
 * runtimes' working memory only; the durable record of every conversation is the engine's Postgres. One PGlite serves
 * every runtime of the process; its schema is migrated once, when the replica starts (RuntimeHost.prepare).
 */
export class ElizaDatabase {
  private migrated?: Promise<void>;
  private schema?: ElizaDatabaseAdapter;

  constructor(
    private readonly eliza: ElizaModules,
    private readonly dataDir: string,
  ) {}

  prepare(): Promise<void> {
    this.migrated ??= (async () => {
      const { sql } = this.eliza;
      const adapter = this.schemaAdapter();
      await adapter.init?.();
      const migrations = new sql.DatabaseMigrationService();
      await migrations.initializeWithDatabase(adapter.getDatabase());
      migrations.discoverAndRegisterPluginSchemas([sql.plugin]);
      await migrations.runAllPluginMigrations();
    })();
    return this.migrated;
  }

  /** Deletes the rooms and entities (and all that cascades from them); nothing when the store was never started. */
  async forget(rooms: UUID[], entities: UUID[]): Promise<void> {
    if (!this.migrated) return;
    await this.migrated;
    const adapter = this.schemaAdapter();
    for (const room of rooms) await adapter.deleteRoom(room);
    for (const entity of entities) await adapter.deleteEntity(entity);
  }

  /**
   * Bounds the working memory: rooms not written to for `hours` go, with their memories, participants and
   * components, and so do the entities (customers) left in no room; an agent's own entity stays. Returns the rooms
   * removed, so the runtimes connect them again when their customer comes back.
   */
  async prune(hours: number): Promise<string[]> {
    if (!this.migrated) return [];
    await this.migrated;
    const db = (
      this.schemaAdapter() as unknown as { manager: { getConnection(): PgliteConnection } }
    ).manager.getConnection();
    const cutoff = new Date(Date.now() - hours * 3_600_000).toISOString();
    const { rows } = await db.query<{ id: string }>(
      `DELETE FROM rooms r
        WHERE r.created_at < $1
          AND NOT EXISTS (SELECT 1 FROM memories m WHERE m.room_id = r.id AND m.created_at >= $1)
       RETURNING r.id`,
      [cutoff],
    );
    await db.query(
      `DELETE FROM entities e
        WHERE e.created_at < $1 AND e.id <> e.agent_id
          AND NOT EXISTS (SELECT 1 FROM participants p WHERE p.entity_id = e.id)
          AND NOT EXISTS (SELECT 1 FROM memories m WHERE m.entity_id = e.id AND m.created_at >= $1)`,
      [cutoff],
    );
    return rows.map((row) => row.id);
  }

  private schemaAdapter(): ElizaDatabaseAdapter {
    this.schema ??= this.eliza.sql.createDatabaseAdapter({ dataDir: this.dataDir }, SCHEMA_AGENT(this.eliza));
    return this.schema;
  }

  adapterFor(elizaAgentId: string): ElizaDatabaseAdapter {
    const adapter = this.eliza.sql.createDatabaseAdapter({ dataDir: this.dataDir }, elizaAgentId);
    // ElizaOS records every model call and action, with the whole prompt and state, in its `logs` table for its own
    // dashboard, which the engine does not serve: three inserts per message, kept for ever in this replica's memory.
    adapter.log = async () => undefined;
    return adapter;
  }
}

/** The agent id of the adapter that migrates the store and works on it as a whole (no agent's own). */
const SCHEMA_AGENT = (eliza: ElizaModules) => eliza.core.stringToUuid('voca-elizaos-schema');
