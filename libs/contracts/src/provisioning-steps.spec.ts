import { describe, expect, it } from 'vitest';
import { isConnectChannel } from './channels.js';
import { CHANNEL_STEPS, planChannelSteps, planOperation, type ChannelStepDefinition } from './provisioning-steps.js';
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

describe('planOperation', () => {
  it('updates every step while the agent has or had one of its channels, each with the new set', () => {
    expect(planOperation({ kind: 'update', before: ['voice', 'whatsapp'], after: ['whatsapp', 'facebook'] })).toEqual([
      // Voice dropped: Amazon Connect runs with nothing left, which tears it down.
      { name: 'aws_connect', channels: [] },
      { name: 'elizaos', channels: ['whatsapp', 'facebook'] },
      { name: 'context', channels: ['whatsapp', 'facebook'] },
    ]);
    expect(planOperation({ kind: 'update', before: ['twitter'], after: ['twitter'] }).map((s) => s.name)).toEqual([
      'elizaos',
      'context',
    ]);
  });

  it('runs again what a failed operation did not finish and what owns a failed channel, with the group in full', () => {
    expect(
      planOperation({
        kind: 'retry',
        channels: ['voice', 'sms', 'whatsapp'],
        failedChannels: ['sms'],
        unfinished: new Set(['context']),
      }),
    ).toEqual([
      { name: 'aws_connect', channels: ['voice', 'sms'] },
      { name: 'context', channels: ['voice', 'sms', 'whatsapp'] },
    ]);
    // The context step provisions no channel: a failed channel is not its to run again.
    expect(
      planOperation({
        kind: 'retry',
        channels: ['voice', 'whatsapp'],
        failedChannels: ['voice'],
        unfinished: new Set(['aws_connect']),
      }),
    ).toEqual([{ name: 'aws_connect', channels: ['voice'] }]);
    expect(
      planOperation({ kind: 'retry', channels: ['voice'], failedChannels: [], unfinished: new Set(['finalize']) }),
    ).toEqual([]);
  });

  it('plans a deletion like a creation: the steps that hold what the agent has', () => {
    expect(planOperation({ kind: 'deprovision', channels: ['sms'] }).map((s) => s.name)).toEqual([
      'aws_connect',
      'elizaos',
      'context',
    ]);
  });

  it('plans a new step on create, update and retry from its definition alone', () => {
    const recording: ChannelStepDefinition<string> = { name: 'call_recording', owns: isConnectChannel, always: false };
    const steps = [...CHANNEL_STEPS, recording];
    const names = (plan: { name: string }[]) => plan.map((step) => step.name);
    expect(planOperation({ kind: 'provision', channels: ['voice', 'whatsapp'] }, steps).at(-1)).toEqual({
      name: 'call_recording',
      channels: ['voice'],
    });
    expect(names(planOperation({ kind: 'provision', channels: ['whatsapp'] }, steps))).not.toContain('call_recording');
    expect(planOperation({ kind: 'update', before: ['voice'], after: [] }, steps).at(-1)).toEqual({
      name: 'call_recording',
      channels: [],
    });
    expect(
      names(
        planOperation(
          { kind: 'retry', channels: ['voice'], failedChannels: [], unfinished: new Set(['call_recording']) },
          steps,
        ),
      ),
    ).toEqual(['call_recording']);
  });
});

describe('queue contracts', () => {
  it('runs every step as a job its queue declares, and every planned step has one', () => {
    expect(Object.keys(STEP_JOBS).sort()).toEqual([...CHANNEL_STEPS.map((step) => step.name), 'finalize'].sort());
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
