import { z } from 'zod';

const port = z.coerce.number().int().min(0).max(65535);
const positiveInt = z.coerce.number().int().positive();

const postgresUrl = z
  .string()
  .refine((value) => /^postgres(ql)?:\/\//.test(value) && URL.canParse(value), 'must be a postgres:// URL');
const redisUrl = z.string().refine((value) => /^rediss?:\/\//.test(value) && URL.canParse(value), 'must be a redis:// URL');

/** Variables every app reads. */
export const commonEnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATABASE_URL: postgresUrl,
  DATABASE_POOL_SIZE: positiveInt.max(200).default(10),
  REDIS_URL: redisUrl,
  /** BullMQ key prefix; the braces are a Redis Cluster hash tag so one flow's queues share a slot. */
  QUEUE_PREFIX: z
    .string()
    .regex(/^\{[A-Za-z0-9_.-]+\}$/, 'must be a hash tag such as {voca}')
    .default('{voca}'),
  /** How long SIGTERM waits for running jobs and requests before closing anyway. */
  SHUTDOWN_GRACE_MS: positiveInt.default(25_000),
});

const workerEnvSchema = commonEnvSchema.extend({
  /** Port of the process's health and metrics endpoints (0 picks a free one). */
  HEALTH_PORT: port.optional(),
  /** Jobs one process runs at once per queue it consumes. */
  WORKER_CONCURRENCY: positiveInt.max(1000).optional(),
  /** A job whose worker stops renewing its lock for this long (the worker died) is taken over by another worker. */
  WORKER_LOCK_DURATION_MS: positiveInt.default(60_000),
  /** How often each worker looks for such stalled jobs. */
  WORKER_STALLED_INTERVAL_MS: positiveInt.default(30_000),
});

export const gatewayEnvSchema = commonEnvSchema.extend({
  PORT: port.default(8008),
  /** Where platforms reach this engine; used to build webhook URLs and status links. */
  PUBLIC_BASE_URL: z.url({ protocol: /^https?$/ }).default('http://localhost:8008'),
  JWT_SECRET_KEY: z.string().min(32, 'must be at least 32 characters'),
  /** Base64 of 32 random bytes; encrypts platform tokens at rest (AES-256-GCM). */
  CREDENTIALS_ENCRYPTION_KEY: z
    .string()
    .refine((value) => Buffer.from(value, 'base64').length === 32, 'must be base64 of exactly 32 bytes'),
  /** Largest accepted request body. */
  HTTP_BODY_LIMIT: z.string().regex(/^\d+(b|kb|mb)$/i, 'must look like 256kb').default('256kb'),
  /** How many times a provisioning step runs before it fails for good, and the first retry delay. */
  STEP_ATTEMPTS: positiveInt.max(50).default(5),
  STEP_BACKOFF_MS: positiveInt.default(2_000),
  /** An operation still queued with no jobs after this long is enqueued again (Redis was down at request time). */
  OUTBOX_RELAY_INTERVAL_MS: positiveInt.default(5_000),
});

export const awsConnectWorkerEnvSchema = workerEnvSchema.extend({
  /** `simulate` provisions nothing real: fictional 555-01xx numbers and instance ids, with realistic delays. */
  AWS_CONNECT_MODE: z.enum(['simulate']).default('simulate'),
  /** Typical latency of one simulated Amazon Connect call. */
  SIMULATE_LATENCY_MS: z.coerce.number().int().min(0).default(400),
});

export const elizaosWorkerEnvSchema = workerEnvSchema.extend({
  /** `simulate` records an ElizaOS identity per agent without hosting a runtime. */
  ELIZAOS_MODE: z.enum(['simulate']).default('simulate'),
  SIMULATE_LATENCY_MS: z.coerce.number().int().min(0).default(200),
  PUBLIC_BASE_URL: z.url({ protocol: /^https?$/ }).default('http://localhost:8008'),
});

export const contextServiceEnvSchema = workerEnvSchema;

export type CommonEnv = z.infer<typeof commonEnvSchema>;
export type GatewayEnv = z.infer<typeof gatewayEnvSchema>;
export type AwsConnectWorkerEnv = z.infer<typeof awsConnectWorkerEnvSchema>;
export type ElizaosWorkerEnv = z.infer<typeof elizaosWorkerEnvSchema>;
export type ContextServiceEnv = z.infer<typeof contextServiceEnvSchema>;
