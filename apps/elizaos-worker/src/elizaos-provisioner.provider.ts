import type { Provider } from '@nestjs/common';
import type { ElizaosWorkerEnv } from '@voca/config';
import { ELIZAOS_PROVISIONER, SimulatedElizaosProvisioner } from '@voca/elizaos';

/** The ElizaOS provisioner ELIZAOS_MODE selects. */
export function elizaosProvisionerProvider(env: ElizaosWorkerEnv): Provider {
  return { provide: ELIZAOS_PROVISIONER, useValue: new SimulatedElizaosProvisioner(env.SIMULATE_LATENCY_MS) };
}
