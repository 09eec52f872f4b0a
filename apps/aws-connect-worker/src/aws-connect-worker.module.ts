import { Module, type DynamicModule } from '@nestjs/common';
import { PlatformModule } from '@voca/bootstrap';
import type { AwsConnectWorkerEnv } from '@voca/config';
import { QueueName } from '@voca/contracts';
import { ProvisioningModule } from '@voca/provisioning';
import { QueueModule } from '@voca/queue';
import { AwsConnectConsumer } from './aws-connect.consumer.js';
import { connectProvisionerProvider } from './connect-provisioner.provider.js';

export const AWS_CONNECT_WORKER = 'aws-connect-worker';

/** Consumes `aws-connect`: the Amazon Connect side of provisioning. */
@Module({})
export class AwsConnectWorkerModule {
  static forEnv(env: AwsConnectWorkerEnv): DynamicModule {
    return {
      module: AwsConnectWorkerModule,
      imports: [
        PlatformModule.forApp(AWS_CONNECT_WORKER, env),
        QueueModule.queues(QueueName.AwsConnect),
        ProvisioningModule,
      ],
      providers: [AwsConnectConsumer, connectProvisionerProvider(env)],
    };
  }
}
