import type { ConnectClient } from '@aws-sdk/client-connect';
import type { LambdaClient } from '@aws-sdk/client-lambda';
import type { LexModelsV2Client } from '@aws-sdk/client-lex-models-v2';
import { isThrottleError } from './aws-errors.js';

/** One attempt of one AWS API call (the SDK's retries are attempts of their own). */
export interface AwsCall {
  /** `connect`, `lambda` or `lex`. */
  service: string;
  /** The API operation, e.g. `ClaimPhoneNumber`. */
  operation: string;
  seconds: number;
  outcome: 'ok' | 'throttled' | 'error';
}

export type AwsCallObserver = (call: AwsCall) => void;

/**
 * Reports every attempt of every call the client makes. The middleware sits in the deserialize step, inside the
 * retry loop (so throttled attempts the SDK retried by itself are seen too: they are what the account's quotas
 * count), and ahead of the deserializer, whose errors are how a refused attempt shows.
 */
export function observeAwsCalls(
  client: ConnectClient | LambdaClient | LexModelsV2Client,
  service: string,
  observe: AwsCallObserver,
): void {
  (client as ConnectClient).middlewareStack.add(
    (next, context) => async (args) => {
      const started = performance.now();
      const report = (outcome: AwsCall['outcome']) =>
        observe({
          service,
          operation: String(context.commandName ?? 'unknown').replace(/Command$/, ''),
          seconds: (performance.now() - started) / 1000,
          outcome,
        });
      try {
        const result = await next(args);
        report('ok');
        return result;
      } catch (error) {
        report(isThrottleError(error) ? 'throttled' : 'error');
        throw error;
      }
    },
    { step: 'deserialize', priority: 'high', name: 'vocaAwsCallMetrics', override: true },
  );
}
