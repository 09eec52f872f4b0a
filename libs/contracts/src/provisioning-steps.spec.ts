import { describe, expect, it } from 'vitest';
import { planChannelSteps } from './provisioning-steps.js';
import { JOB_NAMES_BY_QUEUE, provisioningJobId, STEP_JOBS } from './queues/index.js';

describe('planChannelSteps', () => {
  it('groups voice and sms under Amazon Connect and the social channels under ElizaOS, context always', () => {
    expect(planChannelSteps(['twitter', 'voice', 'whatsapp', 'sms'])).toEqual([
      { name: 'aws_connect', channels: ['voice', 'sms'] },
      { name: 'elizaos', channels: ['twitter', 'whatsapp'] },
      { name: 'context', channels: ['twitter', 'voice', 'whatsapp', 'sms'] },
    ]);
  });

  it('leaves out a channel group the agent does not have', () => {
    expect(planChannelSteps(['facebook']).map((step) => step.name)).toEqual(['elizaos', 'context']);
    expect(planChannelSteps(['voice']).map((step) => step.name)).toEqual(['aws_connect', 'context']);
  });
});

describe('queue contracts', () => {
  it('runs every step as a job its queue declares', () => {
    for (const { queue, name } of Object.values(STEP_JOBS)) {
      expect(JOB_NAMES_BY_QUEUE[queue] as readonly string[]).toContain(name);
    }
  });

  it('builds job ids BullMQ accepts (no colon, not all digits) that are stable per operation and step', () => {
    const id = provisioningJobId('6d1f3c2e-0000-4000-8000-000000000000', 'aws_connect');
    expect(id).toBe('provision.6d1f3c2e-0000-4000-8000-000000000000.aws_connect');
    expect(id).not.toContain(':');
  });
});
