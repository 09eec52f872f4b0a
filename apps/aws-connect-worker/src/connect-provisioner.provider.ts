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
import { getToken } from '@willsoto/nestjs-prometheus';
import type { Counter, Histogram } from 'prom-client';
import type { DataSource } from 'typeorm';
import { AWS_CALL_SECONDS, AWS_CALLS, AWS_THROTTLES, awsCallObserver } from './aws-call-metrics.js';

/** The Amazon Connect provisioner AWS_CONNECT_MODE selects. */
export function connectProvisionerProvider(env: AwsConnectWorkerEnv): Provider {
  return {
    provide: CONNECT_PROVISIONER,
    inject: [getDataSourceToken(), getToken(AWS_CALLS), getToken(AWS_CALL_SECONDS), getToken(AWS_THROTTLES)],
    useFactory: (db: DataSource, calls: Counter, seconds: Histogram, throttles: Counter): ConnectProvisioner => {
      if (env.AWS_CONNECT_MODE === 'simulate') return new SimulatedConnectProvisioner(env.SIMULATE_LATENCY_MS);
      const clients = createAwsClients(
        env.AWS_REGION,
        env.AWS_MAX_ATTEMPTS,
        awsCallObserver(calls, seconds, throttles),
      );
      return new LiveConnectProvisioner(db, clients, {
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
        speech: env.AWS_CONNECT_SPEECH,
        lexBotAliasArn: env.AWS_CONNECT_LEX_BOT_ALIAS_ARN,
        lexRoleArn: env.AWS_CONNECT_LEX_ROLE_ARN,
        webhookUrl: `${env.PUBLIC_BASE_URL.replace(/\/$/, '')}/api/v1/webhooks/connect`,
        poll: { intervalMs: env.AWS_CONNECT_POLL_INTERVAL_MS, timeoutMs: env.AWS_CONNECT_POLL_TIMEOUT_MS },
      });
    },
  };
}
