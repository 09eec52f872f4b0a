import type { JobsOptions } from 'bullmq';

const DAY_S = 24 * 3600;

/**
 * Finished jobs are kept a day (failed ones a week), so a deterministic job id still deduplicates a late re-add and
 * an operator can look at a failure; then Redis forgets them.
 */
const KEPT_A_DAY = { removeOnComplete: { age: DAY_S }, removeOnFail: { age: 7 * DAY_S } } as const;

/** Jittered, so jobs that failed together do not all come back at once. */
function exponentialBackoff(delayMs: number) {
  return { type: 'exponential', delay: delayMs, jitter: 0.3 } as const;
}

/**
 * The options of every job the engine adds: how often it is tried and when Redis forgets it. A job that must happen
 * once gets a deterministic `jobId` on top, at the call site.
 */
export const JOB_PRESETS = {
  /** An inbound message, receipt or resume: retried for about ten minutes while the database or a worker is away. */
  inbound: { attempts: 10, backoff: exponentialBackoff(1_000), ...KEPT_A_DAY },
  /** Recording and sending a reply (a turn's delivery, a person's reply). */
  delivery: { attempts: 8, backoff: exponentialBackoff(1_000), ...KEPT_A_DAY },
  /** The agent answering a turn; one that cannot answer still has its turn delivered (an apology and a person). */
  agentReply: { attempts: 3, backoff: exponentialBackoff(1_000), ...KEPT_A_DAY },
  /** Removing from Connect what a failed provisioning created. */
  compensation: { attempts: 10, backoff: exponentialBackoff(5_000), ...KEPT_A_DAY },
  /** A provisioning step or its operation's finalize job, tried as STEP_ATTEMPTS and STEP_BACKOFF_MS say. */
  provisioningStep: ({ attempts, backoffMs }: { attempts: number; backoffMs: number }) => ({
    attempts,
    backoff: exponentialBackoff(backoffMs),
    ...KEPT_A_DAY,
  }),
  /** A periodic task: one try (the next period tries again), the last few runs kept to look at. */
  periodic: { attempts: 1, removeOnComplete: { count: 20 }, removeOnFail: { count: 20 } },
} as const satisfies Record<string, JobsOptions | ((settings: never) => JobsOptions)>;
