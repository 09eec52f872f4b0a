/**
 * Whether an error means Postgres could not be reached or did not answer in time (a restart, a failover, a hung
 * server, an exhausted pool), as opposed to a query that is wrong. Such work is retried, and an HTTP request that
 * hits it is a 503, not a 500.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (
    let cause = error as ErrorLike | undefined, depth = 0;
    cause && depth < 5;
    cause = cause.driverError ?? cause.cause, depth++
  ) {
    if (typeof cause.code === 'string' && (UNAVAILABLE_CODES.has(cause.code) || cause.code.startsWith('08')))
      return true;
    if (typeof cause.message === 'string' && UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(cause!.message!)))
      return true;
  }
  return false;
}

interface ErrorLike {
  code?: unknown;
  message?: string;
  driverError?: ErrorLike;
  cause?: ErrorLike;
}

/** SQLSTATEs (class 08, connection exceptions, is matched as a class) and socket errors. */
const UNAVAILABLE_CODES = new Set([
  '57P01', // admin_shutdown: the server is stopping
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now: starting up or in recovery
  '57014', // query_canceled: statement_timeout
  '55P03', // lock_not_available: lock_timeout
  '25P03', // idle_in_transaction_session_timeout
  '53300', // too_many_connections
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/** What node-postgres says when a connection dies or never comes. */
const UNAVAILABLE_MESSAGES = [
  /^Connection terminated/,
  /timeout exceeded when trying to connect/,
  /^Query read timeout/,
  /Client has encountered a connection error and is not queryable/,
  /^Connection is closed/,
];
