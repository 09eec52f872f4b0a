import type { Provider } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import {
  CONNECT_PROVISIONER,
  createAwsClients,
  LiveConnectProvisioner,
  SimulatedConnectProvisioner,
  type ConnectProvisioner,
} from '@voca/aws-connect';
import { connectLambdaKey } from '@voca/channels';
import type { AwsConnectWorkerEnv } from '@voca/config';
import type { DataSource } from 'typeorm';

/** The Amazon Connect provisioner AWS_CONNECT_MODE selects. */
export function connectProvisionerProvider(env: AwsConnectWorkerEnv): Provider {
  return {
    provide: CONNECT_PROVISIONER,
    inject: [getDataSourceToken()],
    useFactory: (db: DataSource): ConnectProvisioner => {
      if (env.AWS_CONNECT_MODE === 'simulate') return new SimulatedConnectProvisioner(env.SIMULATE_LATENCY_MS);
      return new LiveConnectProvisioner(db, createAwsClients(env.AWS_REGION, env.AWS_MAX_ATTEMPTS), {
        region: env.AWS_REGION,
        instanceId: env.AWS_CONNECT_INSTANCE_ID,
        instanceAlias: env.AWS_CONNECT_INSTANCE_ALIAS,
        dedicatedVendors: env.AWS_CONNECT_DEDICATED_VENDORS,
        phoneCountry: env.AWS_CONNECT_PHONE_COUNTRY,
        phoneType: env.AWS_CONNECT_PHONE_TYPE,
        phonePrefix: env.AWS_CONNECT_PHONE_PREFIX,
        // Both are required in live mode by the environment schema.
        lambdaRoleArn: env.AWS_CONNECT_LAMBDA_ROLE_ARN!,
        // The Lambda holds only the key derived for it: its environment cannot sign for the generic webhook.
        webhookSecret: connectLambdaKey(env.WEBHOOK_SECRET!),
        lexBotAliasArn: env.AWS_CONNECT_LEX_BOT_ALIAS_ARN,
        webhookUrl: `${env.PUBLIC_BASE_URL.replace(/\/$/, '')}/api/v1/webhooks/connect`,
        poll: { intervalMs: env.AWS_CONNECT_POLL_INTERVAL_MS, timeoutMs: env.AWS_CONNECT_POLL_TIMEOUT_MS },
      });
    },
  };
}
