import type { JobsOptions } from 'bullmq';

/** Jittered, so jobs that failed together do not all come back at once. */
function exponentialBackoff(delayMs: number) {
  return { type: 'exponential', delay: delayMs, jitter: 0.3 } as const;
}

/**
 * The options of every job the engine adds: how often it is tried. A job that must happen once gets a deterministic
 * `jobId` on top, at the call site. How long Redis keeps a finished job is the consuming worker's setting
 * (RETENTION_COMPLETED_JOB_DAYS, RETENTION_FAILED_JOB_DAYS), unless a preset says otherwise.
 */
export const JOB_PRESETS = {
  /** Indexing an uploaded document version: a URL's server or the embeddings endpoint may be away for a while. */
  knowledgeIndex: { attempts: 5, backoff: exponentialBackoff(2_000) },
  /** An inbound message, receipt or resume: retried for about ten minutes while the database or a worker is away. */
  inbound: { attempts: 10, backoff: exponentialBackoff(1_000) },
  /** Recording and sending a reply (a turn's delivery, a person's reply). */
  delivery: { attempts: 8, backoff: exponentialBackoff(1_000) },
  /** The agent answering a turn; one that cannot answer still has its turn delivered (an apology and a person). */
  agentReply: { attempts: 3, backoff: exponentialBackoff(1_000) },
  /** Removing from Connect what a failed provisioning created. */
  compensation: { attempts: 10, backoff: exponentialBackoff(5_000) },
  /** A provisioning step or its operation's finalize job, tried as STEP_ATTEMPTS and STEP_BACKOFF_MS say. */
  provisioningStep: ({ attempts, backoffMs }: { attempts: number; backoffMs: number }) => ({
    attempts,
    backoff: exponentialBackoff(backoffMs),
  }),
  /** Forgetting an erased customer's jobs: retried while a job of theirs still runs (a turn ends within minutes). */
  erasure: { attempts: 12, backoff: exponentialBackoff(2_000) },
  /** A periodic task: one try (the next period tries again), the last few runs kept to look at. */
  periodic: { attempts: 1, removeOnComplete: { count: 20 }, removeOnFail: { count: 20 } },
} as const satisfies Record<string, JobsOptions | ((settings: never) => JobsOptions)>;
