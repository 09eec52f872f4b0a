/**
 * The parts of ElizaOS 1.7 the engine uses, typed here. @elizaos/core's own declarations do not resolve under
 * `moduleResolution: nodenext` (they re-export without file extensions), plugin-sql's point at missing files and
 * plugin-bootstrap ships none; so the packages are loaded with a dynamic import and described by these interfaces.
 * Loading lazily also lets the worker configure ElizaOS's logger (read from the environment at import) first.
 */
export type UUID = string;

export interface ElizaContent {
  text?: string;
  actions?: string[];
  thought?: string;
  source?: string;
  [key: string]: unknown;
}

export interface ElizaMessageExample {
  name: string;
  content: ElizaContent;
}

export interface ElizaCharacter {
  id?: UUID;
  name: string;
  username?: string;
  system?: string;
  bio: string[];
  topics?: string[];
  adjectives?: string[];
  knowledge?: string[];
  plugins?: string[];
  messageExamples?: ElizaMessageExample[][];
  style?: { all?: string[]; chat?: string[]; post?: string[] };
  settings?: Record<string, unknown>;
}

export interface ElizaMemory {
  id?: UUID;
  entityId: UUID;
  agentId: UUID;
  roomId: UUID;
  content: ElizaContent;
}

export interface ElizaAction {
  name: string;
  similes?: string[];
  description: string;
  examples?: ElizaMessageExample[][];
  validate: (runtime: ElizaRuntime, message: ElizaMemory) => Promise<boolean>;
  handler: (
    runtime: ElizaRuntime,
    message: ElizaMemory,
    state?: unknown,
    options?: unknown,
    callback?: (content: ElizaContent) => Promise<unknown>,
  ) => Promise<unknown>;
}

export interface ElizaProvider {
  name: string;
  description?: string;
  position?: number;
  private?: boolean;
  dynamic?: boolean;
  get: (
    runtime: ElizaRuntime,
    message: ElizaMemory,
    state: unknown,
  ) => Promise<{ text?: string; values?: Record<string, unknown> }>;
}

export type ModelHandler = (runtime: ElizaRuntime, params: Record<string, unknown>) => Promise<unknown>;

export interface ElizaPlugin {
  name: string;
  description: string;
  actions?: ElizaAction[];
  providers?: ElizaProvider[];
  evaluators?: unknown[];
  services?: unknown[];
  events?: Record<string, unknown>;
  models?: Record<string, ModelHandler>;
  init?: unknown;
  [key: string]: unknown;
}

export interface ElizaRuntime {
  agentId: UUID;
  character: ElizaCharacter;
  /** The state composed for each message, by message id (and `<id>_action_results`); core never empties it. */
  stateCache: Map<string, unknown>;
  initialize(): Promise<void>;
  stop(): Promise<void>;
  registerAction(action: ElizaAction): void;
  ensureConnection(connection: {
    entityId: UUID;
    roomId: UUID;
    worldId: UUID;
    source: string;
    type: string;
    channelId?: string;
    userName?: string;
    name?: string;
    worldName?: string;
  }): Promise<void>;
  messageService: {
    handleMessage(
      runtime: ElizaRuntime,
      message: ElizaMemory,
      callback: (content: ElizaContent) => Promise<unknown[]>,
    ): Promise<{ didRespond: boolean; responseContent: ElizaContent | null }>;
  };
}

export interface ElizaDatabaseAdapter {
  init?(): Promise<void>;
  close?(): Promise<void>;
  getDatabase(): unknown;
  log(params: unknown): Promise<void>;
  /** A room and what hangs off it (its memories, participants, components: plugin-sql's foreign keys cascade). */
  deleteRoom(roomId: UUID): Promise<void>;
  /** An entity, its components, and what its foreign keys cascade to (memories, participants, relationships). */
  deleteEntity(entityId: UUID): Promise<void>;
}

export interface ElizaCore {
  AgentRuntime: new (options: {
    agentId: UUID;
    character: ElizaCharacter;
    adapter: ElizaDatabaseAdapter;
    plugins: ElizaPlugin[];
    settings?: Record<string, string>;
  }) => ElizaRuntime;
  ChannelType: { DM: string };
  ModelType: { TEXT_SMALL: string; TEXT_LARGE: string; TEXT_EMBEDDING: string };
  stringToUuid(text: string): UUID;
  validateCharacter(character: unknown): {
    success: boolean;
    error?: { message: string; issues?: { path: (string | number)[]; message: string }[] };
  };
}

export interface ElizaSql {
  plugin: ElizaPlugin;
  createDatabaseAdapter(config: { dataDir?: string; postgresUrl?: string }, agentId: UUID): ElizaDatabaseAdapter;
  DatabaseMigrationService: new () => {
    initializeWithDatabase(database: unknown): Promise<void>;
    discoverAndRegisterPluginSchemas(plugins: ElizaPlugin[]): void;
    runAllPluginMigrations(): Promise<void>;
  };
}

export interface ElizaModules {
  core: ElizaCore;
  sql: ElizaSql;
  bootstrap: ElizaPlugin;
}

let loading: Promise<ElizaModules> | undefined;

/** Loads ElizaOS once per process. */
export function loadEliza(): Promise<ElizaModules> {
  loading ??= (async () => {
    const core = (await import('@elizaos/core')) as unknown as ElizaCore;
    const sqlModule = (await import('@elizaos/plugin-sql')) as unknown as Omit<ElizaSql, 'plugin'> & {
      default: ElizaPlugin;
    };
    const bootstrapModule = (await import('@elizaos/plugin-bootstrap')) as unknown as { default: ElizaPlugin };
    return {
      core,
      sql: { ...sqlModule, plugin: sqlModule.default },
      bootstrap: bootstrapModule.default,
    };
  })();
  return loading;
}
