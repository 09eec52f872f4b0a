import type { AwsCallObserver } from '@voca/aws-connect';
import { makeCounterProvider, makeHistogramProvider } from '@voca/observability';
import type { Counter, Histogram } from 'prom-client';

export const AWS_CALLS = 'voca_aws_calls_total';
export const AWS_CALL_SECONDS = 'voca_aws_call_seconds';
export const AWS_THROTTLES = 'voca_aws_throttles_total';

/** Every attempt of every AWS call in live mode: what the account's quotas and throttles count. */
export const awsCallMetrics = [
  makeCounterProvider({
    name: AWS_CALLS,
    help: 'AWS API call attempts (the SDK retries count each), by service, operation and outcome (ok, throttled, error)',
    labelNames: ['service', 'operation', 'outcome'],
  }),
  makeHistogramProvider({
    name: AWS_CALL_SECONDS,
    help: 'Time of one AWS API call attempt, by service and operation',
    labelNames: ['service', 'operation'],
    buckets: [0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30],
  }),
  makeCounterProvider({
    name: AWS_THROTTLES,
    help: 'AWS API call attempts refused for throttling, by service and operation',
    labelNames: ['service', 'operation'],
  }),
];

export function awsCallObserver(
  calls: Counter<'service' | 'operation' | 'outcome'>,
  seconds: Histogram<'service' | 'operation'>,
  throttles: Counter<'service' | 'operation'>,
): AwsCallObserver {
  return ({ service, operation, outcome, ...call }) => {
    calls.inc({ service, operation, outcome });
    seconds.observe({ service, operation }, call.seconds);
    if (outcome === 'throttled') throttles.inc({ service, operation });
  };
}
