import type { JobsOptions } from 'bullmq';
import { describe, expect, it } from 'vitest';
import { JOB_PRESETS } from './job-presets.js';
import { finishedJobRetention } from './queue-consumer.js';

/** Whether BullMQ ever removes a finished job kept this way (`false` or nothing keeps it in Redis forever). */
function removedEventually(keep: JobsOptions['removeOnComplete']): boolean {
  if (keep === true || typeof keep === 'number') return true;
  if (typeof keep !== 'object') return false;
  return 'age' in keep ? Number.isFinite(keep.age) : Number.isFinite(keep.count);
}

const presets = Object.entries(JOB_PRESETS).map(([name, preset]): [string, JobsOptions] => [
  name,
  typeof preset === 'function' ? preset({ attempts: 5, backoffMs: 2_000 }) : preset,
]);

/** What BullMQ keeps of a finished job: its own option, else its worker's (every worker sets one). */
const workerDefault = finishedJobRetention({ completedDays: 1, failedDays: 7 });

describe('JOB_PRESETS', () => {
  it.each(presets)('%s removes its completed and failed jobs eventually', (_name, options) => {
    expect(removedEventually(options.removeOnComplete ?? workerDefault.removeOnComplete)).toBe(true);
    expect(removedEventually(options.removeOnFail ?? workerDefault.removeOnFail)).toBe(true);
  });

  it('leaves finished jobs to the retention settings, in seconds of age', () => {
    expect(finishedJobRetention({ completedDays: 1, failedDays: 7 })).toEqual({
      removeOnComplete: { age: 86_400 },
      removeOnFail: { age: 604_800 },
    });
    expect(finishedJobRetention({ completedDays: 0.5, failedDays: 0.0001 }).removeOnFail).toEqual({ age: 9 });
  });

  it.each(presets)('%s tries a job at least once', (_name, options) => {
    expect(options.attempts).toBeGreaterThanOrEqual(1);
  });

  it('retries a provisioning step as configured', () => {
    expect(JOB_PRESETS.provisioningStep({ attempts: 4, backoffMs: 1_500 })).toMatchObject({
      attempts: 4,
      backoff: { type: 'exponential', delay: 1_500 },
    });
  });
});
