import { isIP } from 'node:net';
import { CHANNEL_SETTINGS } from '@voca/channels';
import { z } from 'zod';
import { QUEUES_CONSUMED_BY } from '@voca/contracts';
import { bareHost, isCidr } from '@voca/outbound-http';
import { productionSecrets } from './production-secrets.js';

const port = z.coerce.number().int().min(0).max(65535);
const positiveInt = z.coerce.number().int().positive();

const postgresUrl = z
  .string()
  .refine((value) => /^postgres(ql)?:\/\//.test(value) && URL.canParse(value), 'must be a postgres:// URL');
const redisUrl = z
  .string()
  .refine((value) => /^rediss?:\/\//.test(value) && URL.canParse(value), 'must be a redis:// URL');

const csv = z.string().transform((value) =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean),
);

/** Whether `value` is `ip` or `ip:port` (`[ipv6]:port`), as Node's DNS resolver takes a server. */
function isDnsServer(value: string): boolean {
  if (isIP(value)) return true;
  const match = /^(.+):(\d{1,5})$/.exec(value);
  return Boolean(match && isIP(bareHost(match[1]!)) && Number(match[2]) <= 65535);
}

/** Express's own names for address ranges, accepted in TRUST_PROXY beside addresses and CIDRs. */
const PROXY_RANGE_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

/**
 * Which proxies in front of the gateway are trusted to say, in X-Forwarded-For, whom they forward for: none (the
 * default: the client is the connection's peer), a number of hops, or their addresses, CIDRs and range names.
 */
const trustProxy = z.string().transform((value, context): false | number | string[] => {
  const trimmed = value.trim();
  if (trimmed === '' || trimmed === 'false' || trimmed === 'none') return false;
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const entries = trimmed
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
  const wrong = entries.filter((entry) => !PROXY_RANGE_NAMES.includes(entry) && !isIP(entry) && !isCidr(entry));
  if (wrong.length) {
    context.addIssue({
      code: 'custom',
      message: `must be none, a number of hops, or addresses, CIDRs and ${PROXY_RANGE_NAMES.join('/')}: not ${wrong.join(', ')}`,
    });
    return z.NEVER;
  }
  return entries;
});

/** Calls to URLs vendors chose (event callbacks): where they may not go, and how names are resolved. */
const outboundEnv = {
  /**
   * Internal networks the engine may call on a vendor's behalf after all (comma-separated CIDRs, e.g. a backend on
   * 10.20.0.0/16). Unset, only public addresses are reached.
   */
  OUTBOUND_ALLOWED_CIDRS: csv
    .pipe(z.array(z.string().refine(isCidr, 'must be CIDRs such as 10.20.0.0/16 or fd12::/16')))
    .default([]),
  /** DNS servers (`ip` or `ip:port`, comma-separated) for vendors' host names; unset, the system's resolver. */
  OUTBOUND_DNS_SERVERS: csv
    .pipe(z.array(z.string().refine(isDnsServer, 'must be DNS servers such as 10.0.0.2 or 127.0.0.1:5353')))
    .optional(),
};

/** The bounds of an agent's documents: the gateway refuses past them, the indexer fails a version past them. */
const knowledgeLimitsEnv = {
  /** The largest document accepted, in bytes (an upload, a JSON body's content, a URL's answer); 413 beyond. */
  KNOWLEDGE_MAX_BYTES: positiveInt.max(256 * 1024 * 1024).default(10 * 1024 * 1024),
  /** Documents per agent; 422 beyond. */
  KNOWLEDGE_MAX_DOCUMENTS: positiveInt.max(10_000).default(50),
  /** Chunks (records and sections) per agent across its current documents; a version past it fails. */
  KNOWLEDGE_MAX_CHUNKS: positiveInt.max(5_000_000).default(100_000),
};

/**
 * An OpenAI-compatible embeddings endpoint: when KNOWLEDGE_EMBEDDINGS_MODEL is set, chunks get vectors when indexed
 * and retrieval re-ranks its full-text candidates by similarity. Unset (default), retrieval is full-text only.
 */
const knowledgeEmbeddingsEnv = {
  KNOWLEDGE_EMBEDDINGS_MODEL: z.string().min(1).optional(),
  /** Defaults to OPENAI_BASE_URL / OPENAI_API_KEY where the app has them. */
  KNOWLEDGE_EMBEDDINGS_BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
  KNOWLEDGE_EMBEDDINGS_API_KEY: z.string().min(1).optional(),
  KNOWLEDGE_EMBEDDINGS_TIMEOUT_MS: positiveInt.max(120_000).default(10_000),
};

/** When work counts as stuck: the reconciler acts on it, the gateway reports it (GET /api/v1/stuck-work). */
const stuckWorkEnv = {
  /** Work untouched this long without a live job is stuck: it is queued again, or settled. */
  STUCK_AFTER_MS: positiveInt.default(60_000),
  /** A conversation turn running this long without a live job is ended (follow-up by a person). */
  TURN_DEADLINE_MS: positiveInt.default(300_000),
};

/** Variables every app reads. */
export const commonEnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** `auto`: readable lines in development (terminal or pipe), JSON elsewhere; `json` or `pretty` force one. */
  LOG_FORMAT: z.enum(['auto', 'json', 'pretty']).default('auto'),
  DATABASE_URL: postgresUrl,
  DATABASE_POOL_SIZE: positiveInt.max(200).default(10),
  /** How long opening a Postgres connection may take before the request or job fails (and is retried). */
  DATABASE_CONNECT_TIMEOUT_MS: positiveInt.default(5_000),
  /** The longest one SQL statement may run (Postgres `statement_timeout`). */
  DATABASE_STATEMENT_TIMEOUT_MS: positiveInt.default(15_000),
  /** The longest a statement waits for a row or advisory lock (Postgres `lock_timeout`). */
  DATABASE_LOCK_TIMEOUT_MS: positiveInt.default(5_000),
  /** A transaction left idle this long is ended by Postgres (`idle_in_transaction_session_timeout`). */
  DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: positiveInt.default(30_000),
  REDIS_URL: redisUrl,
  /** BullMQ key prefix; the braces are a Redis Cluster hash tag so one flow's queues share a slot. */
  QUEUE_PREFIX: z
    .string()
    .regex(/^\{[A-Za-z0-9_.-]+\}$/, 'must be a hash tag such as {voca}')
    .default('{voca}'),
  /** How long SIGTERM waits for running jobs and requests before closing anyway. */
  SHUTDOWN_GRACE_MS: positiveInt.default(25_000),
  /**
   * When set, `/metrics` answers only `Authorization: Bearer <METRICS_TOKEN>`. The gateway's port is public, so in
   * production its `/metrics` answers nobody without one.
   */
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
});

/**
 * What happens to a deleted agent's data: `keep` it (the agent row, its audit trail and its operations always stay)
 * or `purge` what each deletion step owns: customers, identities and messages (context-service), characters
 * (elizaos-worker). Both apps read it, so one setting decides for the whole deletion.
 */
const agentRetentionEnv = {
  AGENT_RETENTION: z.enum(['keep', 'purge']).default('keep'),
};

/** Days, possibly fractional; 0 where allowed means "kept for good". */
const days = z.coerce.number().min(0);

const workerEnvSchema = commonEnvSchema.extend({
  /**
   * How long Redis keeps a finished job (days): completed ones, then failed ones (an operator looks at those). A
   * deterministic job id deduplicates a late re-add only while its job is kept.
   */
  RETENTION_COMPLETED_JOB_DAYS: days.positive().default(1),
  RETENTION_FAILED_JOB_DAYS: days.positive().default(7),
  /** Port of the process's health and metrics endpoints (0 picks a free one). */
  HEALTH_PORT: port.optional(),
  /** Jobs one process runs at once per queue it consumes (WORKER_QUEUE_CONCURRENCY overrides it per queue). */
  WORKER_CONCURRENCY: positiveInt.max(1000).optional(),
  /** A job whose worker stops renewing its lock for this long (the worker died) is taken over by another worker. */
  WORKER_LOCK_DURATION_MS: positiveInt.default(60_000),
  /** How often each worker looks for such stalled jobs. */
  WORKER_STALLED_INTERVAL_MS: positiveInt.default(30_000),
  /**
   * How often a job may stall (its worker died, or was too busy to renew the lock) and still be run again; past it,
   * the job fails for good and its records are settled.
   */
  WORKER_MAX_STALLED_COUNT: positiveInt.max(20).default(2),
  /**
   * The longest one attempt of a provisioning step may run (longer than AWS_CONNECT_POLL_TIMEOUT_MS). A step that
   * hangs (a cloud call or a runtime start that never returns) would otherwise hold its job forever, its lock renewed
   * by a live worker where no reconciler sees it; past this it fails and is retried like any failed attempt.
   */
  STEP_TIMEOUT_MS: positiveInt.default(600_000),
});

/**
 * Which of its app's queues a worker process consumes, and how many jobs of each it runs at once: one image runs
 * any role, each scaled on its own queue.
 */
function workerRoleEnv(queues: readonly [string, ...string[]]) {
  const queueName = z.enum(queues, { error: `must name queues this app consumes: ${queues.join(', ')}` });
  return {
    /** Comma-separated queues this process consumes; unset: every queue of its app. */
    WORKER_QUEUES: z
      .string()
      .transform((value, context) => {
        const named = [
          ...new Set(
            value
              .split(',')
              .map((item) => item.trim())
              .filter(Boolean),
          ),
        ];
        const foreign = named.filter((name) => !queues.includes(name));
        if (foreign.length)
          context.addIssue({
            code: 'custom',
            message: `names ${foreign.join(', ')}: this app consumes ${queues.join(', ')}`,
          });
        return named;
      })
      .pipe(z.array(queueName).min(1, 'must name at least one queue'))
      .optional(),
    /**
     * Jobs run at once per queue, as `queue=n` pairs (`inbound=50,conversations=20`); others use WORKER_CONCURRENCY.
     */
    WORKER_QUEUE_CONCURRENCY: z
      .string()
      .transform((value, context) => {
        const pairs = value
          .split(',')
          .map((item) => item.trim())
          .filter(Boolean);
        const entries = pairs.map((pair) => pair.split('=').map((part) => part.trim()));
        if (entries.some((entry) => entry.length !== 2)) {
          context.addIssue({
            code: 'custom',
            message: 'must be queue=number pairs such as inbound=50,conversations=20',
          });
          return z.NEVER;
        }
        return Object.fromEntries(entries);
      })
      .pipe(z.partialRecord(queueName, positiveInt.max(1000)))
      .optional(),
  };
}

const credentialsKey = z
  .string()
  .refine((value) => Buffer.from(value, 'base64').length === 32, 'must be base64 of exactly 32 bytes');
/**
 * Keys that sealed credentials before CREDENTIALS_ENCRYPTION_KEY replaced them (comma-separated): still accepted
 * for opening them until `npm run credentials:rotate` has re-sealed everything with the current key.
 */
const previousCredentialsKeys = z
  .string()
  .transform((value) =>
    value
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean),
  )
  .pipe(z.array(credentialsKey))
  .default([]);

/** What `npm run credentials:rotate` reads: the database and the keyring. */
export const credentialKeyringEnvSchema = z.object({
  DATABASE_URL: postgresUrl,
  CREDENTIALS_ENCRYPTION_KEY: credentialsKey,
  CREDENTIALS_PREVIOUS_KEYS: previousCredentialsKeys,
});

export const gatewayEnvSchema = commonEnvSchema
  .extend({
    ...stuckWorkEnv,
    ...outboundEnv,
    ...knowledgeLimitsEnv,
    PORT: port.default(8008),
    TRUST_PROXY: trustProxy.default(false),
    /**
     * Bull Board at /admin/queues (service role): `read-only` by default, `read-write` to retry and remove jobs
     * there, `off`. Customers' words, names and addresses are hidden in every mode.
     */
    QUEUE_DASHBOARD: z.enum(['read-only', 'read-write', 'off']).default('read-only'),
    /** Where platforms reach this engine; used to build webhook URLs and status links. */
    PUBLIC_BASE_URL: z.url({ protocol: /^https?$/ }).default('http://localhost:8008'),
    JWT_SECRET_KEY: z.string().min(32, 'must be at least 32 characters'),
    /**
     * The longest a token may live, in seconds: tokens must carry `exp` and `iat`, and one issued longer ago, or
     * valid for longer than this from its issue, is refused.
     */
    JWT_MAX_AGE_S: positiveInt.max(30 * 24 * 3600).default(24 * 3600),
    /** When set, tokens must carry this `iss` / this `aud`. */
    JWT_ISSUER: z.string().min(1).optional(),
    JWT_AUDIENCE: z.string().min(1).optional(),
    /** Base64 of 32 random bytes; encrypts platform tokens at rest (AES-256-GCM). */
    CREDENTIALS_ENCRYPTION_KEY: credentialsKey,
    CREDENTIALS_PREVIOUS_KEYS: previousCredentialsKeys,
    /** Largest accepted request body. */
    HTTP_BODY_LIMIT: z
      .string()
      .regex(/^\d+(b|kb|mb)$/i, 'must look like 256kb')
      .default('256kb'),
    /** How many times a provisioning step runs before it fails for good, and the first retry delay. */
    STEP_ATTEMPTS: positiveInt.max(50).default(5),
    STEP_BACKOFF_MS: positiveInt.default(2_000),
    /** An operation still queued with no jobs after this long is enqueued again (Redis was down at request time). */
    OUTBOX_RELAY_INTERVAL_MS: positiveInt.default(5_000),
    /** Signs the engine's own webhooks (the Connect Lambda, the generic ElizaOS webhook). */
    WEBHOOK_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    /** How long the Connect webhook waits for the agent (the Lambda has 8 s in all), and what callers hear after. */
    CONNECT_REPLY_DEADLINE_MS: positiveInt.max(7_500).default(6_000),
    CONNECT_FALLBACK_REPLY: z
      .string()
      .min(1)
      .default(
        'Sorry, I need a little more time to answer. Please hold on, or stay on the line for a member of our team.',
      ),
    /** What callers hear when the agent is paused or stopped. */
    CONNECT_CLOSED_REPLY: z
      .string()
      .min(1)
      .default('Thank you for calling. We are not available right now; please try again later.'),
    /** Then: `end` the call, or `transfer` it to the agent's queue, for businesses with staff behind the agent. */
    CONNECT_CLOSED_ACTION: z.enum(['end', 'transfer']).default('end'),
    /**
     * How long the generic webhook waits for the reply before answering 202 (the reply then goes out on its channel).
     */
    ELIZAOS_WEBHOOK_DEADLINE_MS: positiveInt.max(30_000).default(5_000),
    /** API requests per minute per token (service subject or vendor); beyond it, 429 with Retry-After. */
    RATE_LIMIT_PER_MINUTE: positiveInt.default(600),
    /**
     * `live` (default): a social account is claimed for an agent only once its platform confirms the given token
     * belongs to it (Graph API, X API). `off` skips that, for development against fake accounts; refused in production.
     */
    PLATFORM_OWNERSHIP_CHECK: z.enum(['live', 'off']).default('live'),
    OWNERSHIP_CHECK_TIMEOUT_MS: positiveInt.max(30_000).default(5_000),
    /** What the messaging channels read (their webhooks' secrets, their APIs): each adapter declares its own. */
    ...CHANNEL_SETTINGS,
    /** Provisioning event streams (SSE) one token may have open at once on one gateway replica; beyond, 429. */
    SSE_STREAMS_PER_TOKEN: positiveInt.max(10_000).default(20),
    /**
     * Provisioning, update and deletion operations one vendor may have queued or running at once; more is 429, so one
     * vendor creating hundreds of agents cannot starve the others.
     */
    MAX_OPERATIONS_PER_VENDOR: positiveInt.default(20),
    /** Tools (functions of the backend) one agent may have registered; 422 beyond. */
    TOOLS_MAX_PER_AGENT: positiveInt.default(20),
  })
  .superRefine(productionSecrets({ gateway: true }));

/** Variables through which the AWS SDK finds credentials; their presence makes live mode the default. */
const AWS_CREDENTIAL_SOURCES = [
  'AWS_ACCESS_KEY_ID',
  'AWS_PROFILE',
  'AWS_WEB_IDENTITY_TOKEN_FILE',
  'AWS_CONTAINER_CREDENTIALS_FULL_URI',
  'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI',
] as const;

export const awsConnectWorkerEnvSchema = workerEnvSchema
  .extend({
    ...workerRoleEnv(QUEUES_CONSUMED_BY['aws-connect-worker']),
    /**
     * `live` provisions in Amazon Connect; `simulate` provisions nothing real (fictional 555-01xx numbers and ids,
     * realistic delays). Unset: live when AWS credentials are configured, else simulate.
     */
    AWS_CONNECT_MODE: z.enum(['simulate', 'live']).optional(),
    ...Object.fromEntries(AWS_CREDENTIAL_SOURCES.map((name) => [name, z.string().optional()])),
    /** Typical latency of one simulated Amazon Connect call. */
    SIMULATE_LATENCY_MS: z.coerce.number().int().min(0).default(400),
    AWS_REGION: z
      .string()
      .regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'must be an AWS region such as us-east-1')
      .default('us-east-1'),
    /** An existing instance to share between all agents; unset, the engine creates one once and records it. */
    AWS_CONNECT_INSTANCE_ID: z
      .string()
      .regex(/^[A-Za-z0-9-]{1,100}$/, 'must be a Connect instance id')
      .optional(),
    /** Alias of the instance the engine creates (globally unique, it names the instance's URL). */
    AWS_CONNECT_INSTANCE_ALIAS: z
      .string()
      .regex(/^[a-z0-9](?:[a-z0-9-]{0,60}[a-z0-9])?$/, 'must be lower-case letters, digits and dashes')
      .optional(),
    /** Vendors whose agents get an instance of their own instead of the shared one (comma-separated ids). */
    AWS_CONNECT_DEDICATED_VENDORS: csv.default([]),
    AWS_CONNECT_PHONE_COUNTRY: z
      .string()
      .regex(/^[A-Z]{2}$/, 'must be an ISO 3166 country code such as US')
      .default('US'),
    AWS_CONNECT_PHONE_TYPE: z.enum(['DID', 'TOLL_FREE']).default('DID'),
    /** Preferred start of claimed numbers (e.g. +1206); without it, the business's own area code is preferred. */
    AWS_CONNECT_PHONE_PREFIX: z
      .string()
      .regex(/^\+\d{1,10}$/, 'must look like +1206')
      .optional(),
    /** Execution role of the shared voice Lambda (needs only basic Lambda execution). */
    AWS_CONNECT_LAMBDA_ROLE_ARN: z
      .string()
      .regex(/^arn:aws[a-z-]*:iam::\d{12}:role\/.+$/, 'must be an IAM role ARN')
      .optional(),
    /**
     * Speech recognition on calls: `lex` (default) provisions one Amazon Lex V2 bot per instance and language that
     * passes what the caller says to the agent; `off` keeps callers on the keypad menu between replies.
     */
    AWS_CONNECT_SPEECH: z.enum(['lex', 'off']).default('lex'),
    /** A Lex V2 bot alias of the business's own for free speech on calls: used instead of the engine's bots. */
    AWS_CONNECT_LEX_BOT_ALIAS_ARN: z
      .string()
      .regex(
        /^arn:aws[a-z-]*:lex:[a-z0-9-]+:\d{12}:bot-alias\/[0-9a-zA-Z]+\/[0-9a-zA-Z]+$/,
        'must be a Lex V2 bot alias ARN (arn:aws:lex:REGION:ACCOUNT:bot-alias/BOTID/ALIASID)',
      )
      .optional(),
    /**
     * The IAM role the engine's Lex bots run as (trusted by lexv2.amazonaws.com; needs polly:SynthesizeSpeech);
     * default: Lex's service-linked role AWSServiceRoleForLexV2Bots_voca of the instance's account, created once with
     * `aws iam create-service-linked-role --aws-service-name lexv2.amazonaws.com --custom-suffix voca`.
     */
    AWS_CONNECT_LEX_ROLE_ARN: z
      .string()
      .regex(/^arn:aws[a-z-]*:iam::\d{12}:role\/.+$/, 'must be an IAM role ARN')
      .optional(),
    /** Signs what the voice Lambda sends to the engine's Connect webhook. */
    WEBHOOK_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    PUBLIC_BASE_URL: z.url({ protocol: /^https?$/ }).default('http://localhost:8008'),
    /** Attempts of one AWS call (the SDK's adaptive retry) before the step gives up on it. */
    AWS_MAX_ATTEMPTS: positiveInt.max(20).default(4),
    /** When AWS keeps throttling, the aws-connect queue pauses this long for every worker. */
    AWS_CONNECT_THROTTLE_PAUSE_MS: positiveInt.default(10_000),
    /** How often, and how long at most, to wait for an instance to become active or a number to be claimed. */
    AWS_CONNECT_POLL_INTERVAL_MS: positiveInt.default(2_000),
    AWS_CONNECT_POLL_TIMEOUT_MS: positiveInt.default(300_000),
    /** Agents one drift audit compares with AWS (those compared longest ago first): about 4 describe calls each. */
    CONNECT_AUDIT_BATCH: positiveInt.max(10_000).default(100),
  })
  .superRefine(productionSecrets({ gateway: false }))
  .transform(({ AWS_CONNECT_MODE, ...env }, context) => {
    const hasCredentials = AWS_CREDENTIAL_SOURCES.some((name) => env[name as keyof typeof env]);
    const mode = AWS_CONNECT_MODE ?? (hasCredentials ? 'live' : 'simulate');
    if (mode === 'live') {
      for (const name of ['AWS_CONNECT_LAMBDA_ROLE_ARN', 'WEBHOOK_SECRET'] as const) {
        if (!env[name])
          context.addIssue({ code: 'custom', path: [name], message: 'is required when AWS_CONNECT_MODE is live' });
      }
    }
    return { ...env, AWS_CONNECT_MODE: mode };
  });

export const elizaosWorkerEnvSchema = workerEnvSchema
  .extend({
    ...workerRoleEnv(QUEUES_CONSUMED_BY['elizaos-worker']),
    ...agentRetentionEnv,
    ...knowledgeEmbeddingsEnv,
    /** Document chunks given to the agent with each message (0: none, documents are not read). */
    KNOWLEDGE_PASSAGES: z.coerce.number().int().min(0).max(20).default(5),
    ...outboundEnv,
    /** Calls of the agent's tools one turn may make; more are refused (the model is told). */
    TOOLS_MAX_CALLS_PER_TURN: z.coerce.number().int().min(1).max(20).default(4),
    /** The largest answer a tool may give, in bytes; a longer one is an invalid answer. */
    TOOLS_MAX_RESPONSE_BYTES: positiveInt.max(1024 * 1024).default(16 * 1024),
    /**
     * On a turn with a deadline (a caller on the phone), the time kept after a tool call to phrase and deliver the
     * reply: a call's timeout is cut to what remains before it.
     */
    TOOLS_REPLY_RESERVE_MS: z.coerce.number().int().min(0).max(7_000).default(1_000),
    /** How long the agent waits for a customer's yes (or a missing value) before forgetting what it asked. */
    TOOLS_WAITING_MS: positiveInt.default(10 * 60_000),
    PUBLIC_BASE_URL: z.url({ protocol: /^https?$/ }).default('http://localhost:8008'),
    /**
     * `local` (default): offline, deterministic answers from the business facts, no LLM. `openai`: any
     * OpenAI-compatible chat-completions API (OpenAI, Ollama, vLLM...).
     */
    MODEL_PROVIDER: z.enum(['local', 'openai']).default('local'),
    OPENAI_API_KEY: z.string().min(1).optional(),
    OPENAI_BASE_URL: z.url({ protocol: /^https?$/ }).default('https://api.openai.com/v1'),
    OPENAI_MODEL_SMALL: z.string().min(1).default('gpt-4o-mini'),
    OPENAI_MODEL_LARGE: z.string().min(1).default('gpt-4o'),
    /** Retries of a chat call on 429 and 5xx (with backoff), and how long one call may take. */
    OPENAI_MAX_RETRIES: z.coerce.number().int().min(0).max(10).default(3),
    OPENAI_TIMEOUT_MS: positiveInt.default(30_000),
    /** Agent runtimes one replica keeps; the least recently used is stopped beyond that. */
    ELIZAOS_MAX_RUNTIMES: positiveInt.max(100_000).default(200),
    /** ElizaOS's own working store (PGlite): `memory://` or a directory. */
    ELIZAOS_DATA_DIR: z.string().min(1).default('memory://'),
    /**
     * ElizaOS's working memory on each replica keeps a customer's room and what was said in it this long after it
     * was last used (hours); the engine's Postgres is the record, and every turn brings the history it needs.
     */
    ELIZAOS_MEMORY_HOURS: z.coerce.number().positive().default(24),
    /** Level of ElizaOS's own log lines (they are JSON like the engine's). */
    ELIZAOS_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace']).default('warn'),
    /**
     * `live`: the engine subscribes the app's webhooks to each agent's accounts when a channel is provisioned and
     * unsubscribes them when it is dropped or the agent deleted. `off` (default): operators subscribe accounts in
     * the platforms' dashboards.
     */
    PLATFORM_SUBSCRIPTIONS: z.enum(['off', 'live']).default('off'),
    /**
     * The engine's webhook secret (the gateway's): subscriptions give a platform that echoes a token of the engine's
     * choosing (Telegram) the token derived from it. Without it such platforms are not subscribed.
     */
    WEBHOOK_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    /** Decrypts the tokens subscriptions are made with (the same key the gateway encrypts with). */
    CREDENTIALS_ENCRYPTION_KEY: credentialsKey.optional(),
    CREDENTIALS_PREVIOUS_KEYS: previousCredentialsKeys,
    ...CHANNEL_SETTINGS,
    SUBSCRIPTION_TIMEOUT_MS: positiveInt.default(10_000),
  })
  .superRefine(productionSecrets({ gateway: false }))
  .superRefine((env, context) => {
    if (env.MODEL_PROVIDER === 'openai' && !env.OPENAI_API_KEY) {
      context.addIssue({
        code: 'custom',
        path: ['OPENAI_API_KEY'],
        message: 'is required when MODEL_PROVIDER is openai',
      });
    }
    if (env.PLATFORM_SUBSCRIPTIONS === 'live' && !env.CREDENTIALS_ENCRYPTION_KEY) {
      context.addIssue({
        code: 'custom',
        path: ['CREDENTIALS_ENCRYPTION_KEY'],
        message: 'is required when PLATFORM_SUBSCRIPTIONS is live',
      });
    }
  });

export const contextServiceEnvSchema = workerEnvSchema
  .extend({
    ...workerRoleEnv(QUEUES_CONSUMED_BY['context-service']),
    ...outboundEnv,
    ...knowledgeLimitsEnv,
    ...knowledgeEmbeddingsEnv,
    /**
     * How long one document may take to read, and the most memory reading it may take (MiB), on a thread of its own;
     * past either it fails, as a malformed document does.
     */
    KNOWLEDGE_PARSE_TIMEOUT_MS: positiveInt.max(3_600_000).default(120_000),
    KNOWLEDGE_PARSE_MAX_HEAP_MB: positiveInt.min(64).max(16_384).default(1_024),
    /** Chunks embedded per call to the embeddings endpoint. */
    KNOWLEDGE_EMBEDDINGS_BATCH: positiveInt.max(2048).default(64),
    /** The embeddings endpoint's defaults, as the elizaos-worker reads them (the same variables on every app). */
    OPENAI_API_KEY: z.string().min(1).optional(),
    OPENAI_BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
    /** Decrypts the platform tokens replies are sent with (the same key the gateway encrypts with). */
    CREDENTIALS_ENCRYPTION_KEY: credentialsKey,
    CREDENTIALS_PREVIOUS_KEYS: previousCredentialsKeys,
    ...CHANNEL_SETTINGS,
    /** How long one send to a platform may take before its outcome counts as unknown (and it is not retried). */
    SEND_TIMEOUT_MS: positiveInt.default(10_000),
    /** Earlier turns of the customer, from every channel, that the agent sees with each message. */
    HISTORY_TURNS: positiveInt.max(200).default(20),
    ...agentRetentionEnv,
    /**
     * `on`: this replica takes part in reconciling stuck work. `off` is for engines that share a database with other
     * engines on other queue prefixes (the test suites): work recorded by one would be queued again in another.
     */
    RECONCILER: z.enum(['on', 'off']).default('on'),
    /** How often the reconciler looks for stuck work (one replica at a time does, by a Postgres lock). */
    RECONCILE_INTERVAL_MS: positiveInt.default(15_000),
    /**
     * How often the reconciler asks the aws-connect-worker to compare recorded Connect resources with AWS; 0: never.
     */
    CONNECT_AUDIT_INTERVAL_MS: z.coerce.number().int().min(0).default(900_000),
    /**
     * `on`: this replica sends events to the backend's endpoints (any number of replicas may). `off` is for engines
     * sharing a database with others (the test suites), like RECONCILER.
     */
    EVENT_DELIVERY: z.enum(['on', 'off']).default('on'),
    /** How often due deliveries are looked for when there were none. */
    EVENT_POLL_INTERVAL_MS: positiveInt.default(1_000),
    /** How long an endpoint may take to answer one delivery. */
    EVENT_TIMEOUT_MS: positiveInt.max(60_000).default(10_000),
    /** The wait after a delivery's first failed attempt; it doubles with each one (to an hour at most). */
    EVENT_RETRY_BASE_MS: positiveInt.default(10_000),
    /** How long a delivery is retried before it is given up (`failed`). */
    EVENT_RETRY_WINDOW_MS: positiveInt.default(86_400_000),
    /**
     * `on`: this replica takes part in pruning what is past its retention (one replica at a time does). `off` is for
     * engines sharing a database with others (the test suites), like RECONCILER.
     */
    RETENTION: z.enum(['on', 'off']).default('on'),
    /**
     * Days kept (0: for good): conversation messages and resolved hand-offs (a customer none of whose messages is
     * left goes with them), events and their deliveries (once none is pending), audit rows and erasure records.
     */
    RETENTION_MESSAGE_DAYS: days.default(365),
    RETENTION_EVENT_DAYS: days.default(30),
    RETENTION_AUDIT_DAYS: days.default(365),
    /** How often retention looks for what is past it, how many rows one batch removes, and the pause between two. */
    RETENTION_INTERVAL_MS: positiveInt.default(60_000),
    RETENTION_BATCH: positiveInt.max(100_000).default(1_000),
    RETENTION_PAUSE_MS: z.coerce.number().int().min(0).default(20),
    ...stuckWorkEnv,
  })
  .superRefine(productionSecrets({ gateway: false }));

export type CommonEnv = z.infer<typeof commonEnvSchema>;
export type GatewayEnv = z.infer<typeof gatewayEnvSchema>;
export type AwsConnectWorkerEnv = z.infer<typeof awsConnectWorkerEnvSchema>;
export type ElizaosWorkerEnv = z.infer<typeof elizaosWorkerEnvSchema>;
export type ContextServiceEnv = z.infer<typeof contextServiceEnvSchema>;

/** Each worker's health and metrics port when HEALTH_PORT is unset (one of each on a development machine). */
export const DEFAULT_HEALTH_PORTS = {
  'aws-connect-worker': 8101,
  'elizaos-worker': 8102,
  'context-service': 8103,
} as const;
