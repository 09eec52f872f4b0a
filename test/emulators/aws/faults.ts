import { AwsError, type ServiceName } from './aws-errors.js';

/**
 * Errors a test can inject with `failNext`. The names are Connect's; on a Lambda or Lex operation each is mapped to
 * what that service really answers for the same condition (Lambda has no ThrottlingException, LimitExceededException or
 * InternalServiceException in its model).
 */
export type AwsFault =
  | 'ThrottlingException' // Connect 429; Lambda: TooManyRequestsException 429
  | 'TooManyRequestsException' // 429 on both
  | 'LimitExceededException' // Connect 429; Lambda: TooManyRequestsException 429
  | 'ServiceQuotaExceededException' // 402 on both
  | 'InternalServiceException' // Connect 500; Lambda: ServiceException 500
  | 'ResourceConflictException' // 409 on both
  | 'AccessDeniedException' // 403 on both
  | 'ResourceNotFoundException'; // 404 on both

export const AWS_FAULTS: readonly AwsFault[] = [
  'ThrottlingException',
  'TooManyRequestsException',
  'LimitExceededException',
  'ServiceQuotaExceededException',
  'InternalServiceException',
  'ResourceConflictException',
  'AccessDeniedException',
  'ResourceNotFoundException',
];

export function isAwsFault(value: unknown): value is AwsFault {
  return typeof value === 'string' && (AWS_FAULTS as readonly string[]).includes(value);
}

const LAMBDA_EQUIVALENT: Partial<Record<AwsFault, string>> = {
  ThrottlingException: 'TooManyRequestsException',
  LimitExceededException: 'TooManyRequestsException',
  InternalServiceException: 'ServiceException',
};

/** Lex V2 names its errors its own way (ThrottlingException, ConflictException, InternalServerException). */
const LEX_EQUIVALENT: Partial<Record<AwsFault, string>> = {
  TooManyRequestsException: 'ThrottlingException',
  LimitExceededException: 'ThrottlingException',
  InternalServiceException: 'InternalServerException',
  ResourceConflictException: 'ConflictException',
};

/** The error a fault produces on the given service's operation. */
export function faultError(fault: AwsFault, service: ServiceName, operation: string): AwsError {
  const code =
    service === 'lambda'
      ? (LAMBDA_EQUIVALENT[fault] ?? fault)
      : service === 'lex'
        ? (LEX_EQUIVALENT[fault] ?? fault)
        : fault;
  const members =
    code === 'TooManyRequestsException' && service === 'lambda' ? { Reason: 'CallerRateLimitExceeded' } : {};
  return new AwsError(code, `Injected ${fault} for ${operation} by the AWS emulator`, members);
}

/** Counted, per-operation fault plan: each call of `operation` takes one fault until `times` is used up. */
export class FaultPlan {
  private readonly pending = new Map<string, { fault: AwsFault; left: number }[]>();

  add(operation: string, fault: AwsFault, times = 1): void {
    if (!Number.isInteger(times) || times < 1) throw new Error(`times must be a positive integer, got ${times}`);
    const queue = this.pending.get(operation) ?? [];
    queue.push({ fault, left: times });
    this.pending.set(operation, queue);
  }

  /** The fault for this call of `operation`, if one is planned (and consumes it). */
  take(operation: string): AwsFault | undefined {
    const queue = this.pending.get(operation);
    const head = queue?.[0];
    if (!queue || !head) return undefined;
    head.left -= 1;
    if (head.left === 0) queue.shift();
    if (queue.length === 0) this.pending.delete(operation);
    return head.fault;
  }

  clear(): void {
    this.pending.clear();
  }
}
