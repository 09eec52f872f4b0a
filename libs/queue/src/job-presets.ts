import type { JobsOptions } from 'bullmq';

const DAY_S = 24 * 3600;

/**
 * Options of jobs added outside a provisioning flow. A job that must happen once has a deterministic id on top;
 * finished jobs are kept a day (failed ones a week) so that id still deduplicates a late re-add.
 */
export const JOB_PRESETS = {
  /** An inbound message or receipt: retried for about ten minutes while the database or a worker is away. */
  inbound: {
    attempts: 10,
    backoff: { type: 'exponential', delay: 1_000, jitter: 0.3 },
    removeOnComplete: { age: DAY_S },
    removeOnFail: { age: 7 * DAY_S },
  },
  /** A periodic task: one try (the next period tries again), the last few runs kept to look at. */
  periodic: {
    attempts: 1,
    removeOnComplete: { count: 20 },
    removeOnFail: { count: 20 },
  },
} as const satisfies Record<string, JobsOptions>;
