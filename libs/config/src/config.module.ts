import { ConfigModule } from '@nestjs/config';
import type { DynamicModule } from '@nestjs/common';

/**
 * Exposes an app's already validated env through ConfigService (see loadEnvOrExit); inject it as
 * `ConfigService<AppEnv, true>` so `get(key, { infer: true })` returns the parsed value.
 */
export function configModuleFrom(env: object): Promise<DynamicModule> {
  return ConfigModule.forRoot({
    isGlobal: true,
    ignoreEnvFile: true,
    skipProcessEnv: true,
    load: [() => ({ ...env })],
  });
}
