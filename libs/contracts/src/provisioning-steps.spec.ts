import { describe, expect, it } from 'vitest';
import { planChannelSteps } from './provisioning-steps.js';
import { JOB_NAMES_BY_QUEUE, provisioningJobId, STEP_JOBS } from './queues/index.js';

describe('planChannelSteps', () => {
  it('groups voice and sms under Amazon Connect and the social channels under ElizaOS, ElizaOS and context always', () => {
    expect(planChannelSteps(['twitter', 'voice', 'whatsapp', 'sms'])).toEqual([
      { name: 'aws_connect', channels: ['voice', 'sms'] },
      { name: 'elizaos', channels: ['twitter', 'whatsapp'] },
      { name: 'context', channels: ['twitter', 'voice', 'whatsapp', 'sms'] },
    ]);
  });

  it('leaves out Amazon Connect without voice or sms, but gives every agent its ElizaOS character', () => {
    expect(planChannelSteps(['facebook']).map((step) => step.name)).toEqual(['elizaos', 'context']);
    expect(planChannelSteps(['voice'])).toEqual([
      { name: 'aws_connect', channels: ['voice'] },
      { name: 'elizaos', channels: [] },
      { name: 'context', channels: ['voice'] },
    ]);
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
