import { Module, type DynamicModule } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ENTITIES } from './entity-list.js';
import { AgentChannelStore } from './agent-channels/agent-channel-store.js';
import { DATABASE_ENV_KEYS, databaseSettingsFrom, dataSourceOptions, type DatabaseEnv } from './data-source-options.js';

/**
 * Postgres for one app: the connection (schema managed by migrations only), a repository per entity, and the stores
 * of the tables several apps change.
 */
@Module({})
export class PersistenceModule {
  static forApp(applicationName: string): DynamicModule {
    return {
      module: PersistenceModule,
      global: true,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [ConfigService],
          useFactory: (config: ConfigService) => {
            const env = Object.fromEntries(
              DATABASE_ENV_KEYS.map((key) => [key, config.getOrThrow(key)]),
            ) as DatabaseEnv;
            return dataSourceOptions(databaseSettingsFrom(env, applicationName));
          },
        }),
        TypeOrmModule.forFeature(ENTITIES),
      ],
      providers: [AgentChannelStore],
      exports: [TypeOrmModule, AgentChannelStore],
    };
  }
}
