import { Module, type DynamicModule } from '@nestjs/common';
import { configModuleFrom, type AwsConnectWorkerEnv } from '@voca/config';
import { QueueName } from '@voca/contracts';
import { ObservabilityModule } from '@voca/observability';
import { PersistenceModule } from '@voca/persistence';
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
        configModuleFrom(env),
        ObservabilityModule.forApp(AWS_CONNECT_WORKER),
        PersistenceModule.forApp(AWS_CONNECT_WORKER),
        QueueModule.forRoot(),
        QueueModule.queues(QueueName.AwsConnect),
        ProvisioningModule,
      ],
      providers: [AwsConnectConsumer, connectProvisionerProvider(env)],
    };
  }
}
