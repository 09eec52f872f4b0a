import type { Provider } from '@nestjs/common';
import type { AwsConnectWorkerEnv } from '@voca/config';
import { CONNECT_PROVISIONER, SimulatedConnectProvisioner } from '@voca/aws-connect';

/** The Amazon Connect provisioner AWS_CONNECT_MODE selects. */
export function connectProvisionerProvider(env: AwsConnectWorkerEnv): Provider {
  return { provide: CONNECT_PROVISIONER, useValue: new SimulatedConnectProvisioner(env.SIMULATE_LATENCY_MS) };
}
