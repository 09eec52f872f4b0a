import { UnrecoverableError } from 'bullmq';

/** Errors that mean an account limit is reached: retrying cannot help, an operator must raise the quota. */
const QUOTA_ERRORS = new Set(['ServiceQuotaExceededException', 'LimitExceededException']);
/** Errors that mean AWS wants us to slow down. */
const THROTTLE_ERRORS = new Set(['ThrottlingException', 'TooManyRequestsException', 'RequestLimitExceeded']);

export function awsErrorName(error: unknown): string | undefined {
  return error instanceof Error ? error.name : undefined;
}

export function isQuotaError(error: unknown): boolean {
  return QUOTA_ERRORS.has(awsErrorName(error) ?? '');
}

export function isThrottleError(error: unknown): boolean {
  return THROTTLE_ERRORS.has(awsErrorName(error) ?? '');
}

export function isNotFound(error: unknown): boolean {
  return awsErrorName(error) === 'ResourceNotFoundException';
}

/** A conflict that means the thing is already there (a repeated association, permission or creation). */
export function isAlreadyDone(error: unknown): boolean {
  const name = awsErrorName(error);
  return name === 'ResourceConflictException' || name === 'DuplicateResourceException';
}

/**
 * `call`'s result, or what `recover` makes of an error of the kind `matches` picks (the error is given to it, to
 * rethrow when it cannot recover); every other error propagates.
 */
export async function recoverFrom<T, R>(
  matches: (error: unknown) => boolean,
  call: () => Promise<T>,
  recover: (error: unknown) => Promise<R>,
): Promise<T | R> {
  try {
    return await call();
  } catch (error) {
    if (!matches(error)) throw error;
    return recover(error);
  }
}

/** Runs a creation or association a retry may repeat: "it is already there" counts as done. */
export async function unlessAlreadyDone(call: () => Promise<unknown>): Promise<void> {
  await recoverFrom(isAlreadyDone, call, () => Promise.resolve());
}

/** `call`'s result, or undefined when what it reads, changes or deletes does not exist (any more). */
export function orUndefinedIfNotFound<T>(call: () => Promise<T>): Promise<T | undefined> {
  return recoverFrom(isNotFound, call, () => Promise.resolve(undefined));
}

/** An account quota reached while doing `what`: the step fails at once with a message an operator can act on. */
export function quotaReached(what: string, error: unknown): UnrecoverableError {
  const message = error instanceof Error ? error.message : String(error);
  return new UnrecoverableError(
    `Amazon Connect quota reached while ${what} (${awsErrorName(error)}: ${message}); raise the quota in Service Quotas`,
  );
}

/**
 * Runs one AWS call: quota errors become unrecoverable step failures with a readable message; everything else
 * (throttling included, after the SDK's own adaptive retries) propagates for the step's retry policy.
 */
export async function awsCall<T>(what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (isQuotaError(error)) throw quotaReached(what, error);
    throw error;
  }
}
