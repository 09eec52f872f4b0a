import type { Queue } from 'bullmq';

/** What became of the job that should carry some recorded work. */
export type JobFate = { kind: 'alive' } | { kind: 'gone' } | { kind: 'failed'; reason: string } | { kind: 'completed' };

const ALIVE_STATES = new Set(['waiting', 'active', 'delayed', 'prioritized', 'waiting-children']);

/** Whether the job with a deterministic id still carries its work, finished, failed for good or is gone. */
export async function fateOf(queue: Queue, jobId: string): Promise<JobFate> {
  const job = await queue.getJob(jobId.replaceAll(':', '_'));
  if (!job) return { kind: 'gone' };
  const state = await job.getState();
  if (ALIVE_STATES.has(state)) return { kind: 'alive' };
  if (state === 'failed') return { kind: 'failed', reason: job.failedReason ?? 'failed' };
  if (state === 'completed') return { kind: 'completed' };
  return { kind: 'gone' };
}
