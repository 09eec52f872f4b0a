import { randomUUID } from 'node:crypto';

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/voca_test';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
export const TEST_JWT_SECRET = 'test-secret-0123456789-0123456789-abcdef';
/**
 * One key for every test file: engines of different files share the database, and an engine delivering events
 * (EVENT_DELIVERY=on) must open the endpoint secrets another file's engine sealed.
 */
export const TEST_CREDENTIALS_KEY = Buffer.from('voca-test-credentials-key-32byte').toString('base64');

/**
 * Where the tests' stand-ins for the backend and vendors listen: a loopback address the engine under test treats as
 * public (OUTBOUND_ALLOWED_CIDRS), while its own 127.0.0.1 stays inside, as an internal network does in production.
 */
export const TEST_PUBLIC_ADDRESS = '127.0.0.2';

/** Environment shared by every app under test; each caller gets its own queue prefix so tests never share jobs. */
export function testEnv(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn',
    DATABASE_URL: TEST_DATABASE_URL,
    DATABASE_POOL_SIZE: '5',
    REDIS_URL: TEST_REDIS_URL,
    QUEUE_PREFIX: `{voca-test-${randomUUID().slice(0, 8)}}`,
    JWT_SECRET_KEY: TEST_JWT_SECRET,
    CREDENTIALS_ENCRYPTION_KEY: TEST_CREDENTIALS_KEY,
    STEP_ATTEMPTS: '3',
    STEP_BACKOFF_MS: '50',
    SIMULATE_LATENCY_MS: '20',
    SHUTDOWN_GRACE_MS: '10000',
    OUTBOX_RELAY_INTERVAL_MS: '500',
    // Tests poll status routes; the request limit has a test of its own.
    RATE_LIMIT_PER_MINUTE: '100000',
    MAX_OPERATIONS_PER_VENDOR: '1000',
    // Every test engine shares one database on its own queue prefix: a reconciler would queue other tests' work.
    RECONCILER: 'off',
    // Likewise: an engine would send other tests' events (its own test turns delivery on), or prune their rows.
    EVENT_DELIVERY: 'off',
    RETENTION: 'off',
    CONNECT_AUDIT_INTERVAL_MS: '0',
    // Tests make up platform accounts; the ownership check has tests of its own against the social emulator.
    PLATFORM_OWNERSHIP_CHECK: 'off',
    OUTBOUND_ALLOWED_CIDRS: `${TEST_PUBLIC_ADDRESS}/32`,
    ...overrides,
  };
}

/** A vendor id no other test uses. */
export function uniqueVendor(): string {
  return `vendor_${randomUUID().slice(0, 12)}`;
}
