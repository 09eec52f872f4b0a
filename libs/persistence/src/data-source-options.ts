import type { CommonEnv } from '@voca/config';
import type { DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entity-list.js';
import { MIGRATIONS } from './migrations/index.js';

export interface DatabaseSettings {
  url: string;
  poolSize: number;
  /** Shown in pg_stat_activity, so an operator can tell which app holds a connection. */
  applicationName: string;
  /**
   * Bounds on waiting for Postgres, so a hung or restarting database fails requests and jobs (which are retried)
   * instead of holding them: connecting, one statement, a lock, an idle transaction. Migrations run without them.
   */
  timeouts?: {
    connectMs: number;
    statementMs: number;
    lockMs: number;
    idleInTransactionMs: number;
  };
}

export const DATABASE_ENV_KEYS = [
  'DATABASE_URL',
  'DATABASE_POOL_SIZE',
  'DATABASE_CONNECT_TIMEOUT_MS',
  'DATABASE_STATEMENT_TIMEOUT_MS',
  'DATABASE_LOCK_TIMEOUT_MS',
  'DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS',
] as const satisfies readonly (keyof CommonEnv)[];
export type DatabaseEnv = Pick<CommonEnv, (typeof DATABASE_ENV_KEYS)[number]>;

/** The DATABASE_* settings of an app's validated environment. */
export function databaseSettingsFrom(env: DatabaseEnv, applicationName: string): DatabaseSettings {
  return {
    url: env.DATABASE_URL,
    poolSize: env.DATABASE_POOL_SIZE,
    applicationName,
    timeouts: {
      connectMs: env.DATABASE_CONNECT_TIMEOUT_MS,
      statementMs: env.DATABASE_STATEMENT_TIMEOUT_MS,
      lockMs: env.DATABASE_LOCK_TIMEOUT_MS,
      idleInTransactionMs: env.DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS,
    },
  };
}

export function dataSourceOptions(settings: DatabaseSettings): DataSourceOptions {
  const { timeouts } = settings;
  return {
    type: 'postgres',
    uuidExtension: 'pgcrypto',
    url: settings.url,
    applicationName: settings.applicationName,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    ...(timeouts ? { connectTimeoutMS: timeouts.connectMs } : {}),
    extra: {
      max: settings.poolSize,
      ...(timeouts
        ? {
            statement_timeout: timeouts.statementMs,
            lock_timeout: timeouts.lockMs,
            idle_in_transaction_session_timeout: timeouts.idleInTransactionMs,
            // A client-side bound too: a statement sent to a server that vanished gets no answer at all.
            query_timeout: timeouts.statementMs + timeouts.connectMs,
            keepAlive: true,
          }
        : {}),
    },
  };
}
