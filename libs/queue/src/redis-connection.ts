/** Where and how to reach Redis; accepted as is by ioredis, BullMQ and Nest's Redis transport. */
export interface RedisEndpoint {
  host: string;
  port: number;
  username?: string;
  password?: string;
  db?: number;
  tls?: object;
}

/** The longest wait between two attempts to reach Redis again. */
const MAX_RECONNECT_DELAY_MS = 2_000;

/**
 * How soon to try Redis again after losing it: quickly, and never more than two seconds apart, so work resumes
 * within seconds of a restart (BullMQ's own default backs off to 20 s, long after readiness says the process is back).
 */
export function reconnectDelay(attempt: number): number {
  return Math.min(250 * attempt, MAX_RECONNECT_DELAY_MS);
}

/** Connection options from a redis:// or rediss:// URL (user, password, database number and TLS included). */
export function redisConnectionOptions(url: string): RedisEndpoint & { retryStrategy: (attempt: number) => number } {
  const parsed = new URL(url);
  const db = parsed.pathname.length > 1 ? Number(parsed.pathname.slice(1)) : undefined;
  return {
    retryStrategy: reconnectDelay,
    host: parsed.hostname,
    port: parsed.port ? Number(parsed.port) : 6379,
    username: parsed.username ? decodeURIComponent(parsed.username) : undefined,
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    db: Number.isInteger(db) ? db : undefined,
    tls: parsed.protocol === 'rediss:' ? {} : undefined,
  };
}

/** Between attempts to reach Redis again after it went away. */
const PUBSUB_RETRY_DELAY_MS = 500;

/**
 * Options of Nest's Redis transport (the event publisher and the subscribers): the connection, plus retrying for
 * ever, since the transport gives up after the first disconnect otherwise and a subscriber would never hear an
 * event again after a Redis restart. ioredis subscribes again by itself once reconnected.
 */
export function pubSubTransportOptions(url: string) {
  return { ...redisConnectionOptions(url), retryAttempts: Number.MAX_SAFE_INTEGER, retryDelay: PUBSUB_RETRY_DELAY_MS };
}

/**
 * Waits for a connection to close, at most `ms`: closing politely waits for Redis to answer, and a Redis that is
 * gone never does. False when it gave up waiting (the caller then drops the connection).
 */
export async function closedWithin(closing: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  const closed = closing.then(
    () => true,
    () => true,
  );
  const outcome = await Promise.race([closed, timedOut]);
  clearTimeout(timer);
  return outcome;
}
