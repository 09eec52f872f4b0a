import { AdaptiveRetryStrategy } from '@smithy/core/retry';
import { isQuotaError } from './aws-errors.js';

type RetryToken = Parameters<AdaptiveRetryStrategy['recordSuccess']>[0];
type RetryErrorInfo = Parameters<AdaptiveRetryStrategy['refreshRetryTokenForRetry']>[1];

/**
 * The SDK's adaptive retry (client-side rate limiting that backs off on throttles, since the account's ~2 calls/s
 * are shared by every worker), except that quota errors are not retried: the SDK classifies
 * LimitExceededException as throttling, but no amount of waiting raises a quota.
 */
export class QuotaAwareRetryStrategy {
  readonly mode = 'adaptive';
  private readonly adaptive: AdaptiveRetryStrategy;

  constructor(maxAttempts: number) {
    this.adaptive = new AdaptiveRetryStrategy(maxAttempts);
  }

  acquireInitialRetryToken(scope: string) {
    return this.adaptive.acquireInitialRetryToken(scope);
  }

  refreshRetryTokenForRetry(token: RetryToken, errorInfo: RetryErrorInfo) {
    if (isQuotaError(errorInfo.error)) return Promise.reject(errorInfo.error);
    return this.adaptive.refreshRetryTokenForRetry(token, errorInfo);
  }

  recordSuccess(token: RetryToken): void {
    this.adaptive.recordSuccess(token);
  }
}
