import { Module, type DynamicModule } from '@nestjs/common';
import { PlatformModule } from '@voca/bootstrap';
import type { ElizaosWorkerEnv } from '@voca/config';
import { ProvisioningModule } from '@voca/provisioning';
import { ElizaosConsumer } from './elizaos.consumer.js';
import { elizaosProvisionerProvider } from './elizaos-provisioner.provider.js';

export const ELIZAOS_WORKER = 'elizaos-worker';

/** Consumes `elizaos`: the ElizaOS side of provisioning. */
@Module({})
export class ElizaosWorkerModule {
  static forEnv(env: ElizaosWorkerEnv): DynamicModule {
    return {
      module: ElizaosWorkerModule,
      imports: [
        PlatformModule.forApp(ELIZAOS_WORKER, env),
        ProvisioningModule,
      ],
      providers: [ElizaosConsumer, elizaosProvisionerProvider(env)],
    };
  }
}
