import { Module, type DynamicModule } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ENTITIES } from './entities/index.js';
import { dataSourceOptions } from './data-source-options.js';

/** Postgres for one app: the connection (schema managed by migrations only) and a repository per entity. */
@Module({})
export class PersistenceModule {
  static forApp(applicationName: string): DynamicModule {
    return {
      module: PersistenceModule,
      global: true,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [ConfigService],
          useFactory: (config: ConfigService) =>
            dataSourceOptions({
              url: config.getOrThrow<string>('DATABASE_URL'),
              poolSize: config.getOrThrow<number>('DATABASE_POOL_SIZE'),
              applicationName,
            }),
        }),
        TypeOrmModule.forFeature(ENTITIES),
      ],
      exports: [TypeOrmModule],
    };
  }
}
