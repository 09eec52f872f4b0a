import { Module, type DynamicModule } from '@nestjs/common';
import { PlatformModule } from '@voca/bootstrap';
import type { AwsConnectWorkerEnv } from '@voca/config';
import { ProvisioningModule } from '@voca/provisioning';
import { AwsConnectConsumer } from './aws-connect.consumer.js';
import { awsCallMetrics } from './aws-call-metrics.js';
import { AgentConnectChannels } from './channels/agent-connect-channels.js';
import { connectProvisionerProvider } from './connect-provisioner.provider.js';
import { ConnectDriftAudit } from './drift/connect-drift-audit.js';
import { driftMetrics } from './drift/drift-metrics.js';

export const AWS_CONNECT_WORKER = 'aws-connect-worker';

/** Consumes `aws-connect`: the Amazon Connect side of provisioning, and its drift audit. */
@Module({})
export class AwsConnectWorkerModule {
  static forEnv(env: AwsConnectWorkerEnv): DynamicModule {
    return {
      module: AwsConnectWorkerModule,
      imports: [PlatformModule.forApp(AWS_CONNECT_WORKER, env), ProvisioningModule],
      providers: [
        AwsConnectConsumer,
        AgentConnectChannels,
        ConnectDriftAudit,
        ...driftMetrics,
        ...awsCallMetrics,
        connectProvisionerProvider(env),
      ],
    };
  }
}
