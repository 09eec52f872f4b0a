import { ConnectClient } from '@aws-sdk/client-connect';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { LexModelsV2Client } from '@aws-sdk/client-lex-models-v2';
import { observeAwsCalls, type AwsCallObserver } from './aws-call-metrics.js';
import { QuotaAwareRetryStrategy } from './quota-aware-retry-strategy.js';

export interface AwsClients {
  connect: ConnectClient;
  lambda: LambdaClient;
  lex: LexModelsV2Client;
}

/**
 * SDK clients for provisioning. Endpoints and credentials come from the SDK's standard sources
 * (AWS_ENDPOINT_URL_CONNECT / AWS_ENDPOINT_URL_LAMBDA / AWS_ENDPOINT_URL_LEX_MODELS_V2, the credential chain), so
 * tests point them at an emulator.
 */
export function createAwsClients(region: string, maxAttempts: number, observe?: AwsCallObserver): AwsClients {
  const common = {
    region,
    retryStrategy: new QuotaAwareRetryStrategy(maxAttempts),
    // A call AWS never answers must fail (and be retried) rather than hold the step forever.
    requestHandler: { connectionTimeout: 5_000, requestTimeout: 30_000, throwOnRequestTimeout: true },
  };
  const clients = {
    connect: new ConnectClient(common),
    lambda: new LambdaClient(common),
    lex: new LexModelsV2Client(common),
  };
  if (observe) {
    observeAwsCalls(clients.connect, 'connect', observe);
    observeAwsCalls(clients.lambda, 'lambda', observe);
    observeAwsCalls(clients.lex, 'lex', observe);
  }
  return clients;
}
