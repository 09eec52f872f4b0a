import { describe, expect, it } from 'vitest';
import { decideOutcome, LOST_STEP_ERROR, type ChannelState, type StepState } from './operation-outcome.js';

const step = (
  name: StepState['name'],
  status: StepState['status'],
  channels: StepState['channels'],
  error: string | null = null,
) => ({
  name,
  status,
  channels,
  error,
});
const channels: ChannelState[] = [
  { channel: 'voice', status: 'active' },
  { channel: 'whatsapp', status: 'active' },
];

describe('decideOutcome', () => {
  it('is completed when every step completed and every channel is active', () => {
    const outcome = decideOutcome(
      [
        step('aws_connect', 'completed', ['voice']),
        step('elizaos', 'completed', ['whatsapp']),
        step('context', 'completed', ['voice', 'whatsapp']),
        step('finalize', 'running', []),
      ],
      channels,
    );
    expect(outcome).toMatchObject({ operation: 'completed', agent: 'active', error: null });
    expect(outcome.failedChannels.size).toBe(0);
  });

  it('is partially completed when one channel group failed, naming the step and its error', () => {
    const outcome = decideOutcome(
      [
        step('aws_connect', 'failed', ['voice'], 'quota'),
        step('elizaos', 'completed', ['whatsapp']),
        step('context', 'completed', ['voice', 'whatsapp']),
      ],
      [
        { channel: 'voice', status: 'pending' },
        { channel: 'whatsapp', status: 'active' },
      ],
    );
    expect(outcome).toMatchObject({
      operation: 'partially_completed',
      agent: 'partially_active',
      error: 'aws_connect: quota',
    });
    expect([...outcome.failedChannels]).toEqual([['voice', 'aws_connect: quota']]);
  });

  it("is completed, with the agent active, when channels wait for the vendor's configuration", () => {
    const outcome = decideOutcome(
      [
        step('aws_connect', 'completed', ['voice', 'sms']),
        step('elizaos', 'completed', ['whatsapp']),
        step('context', 'completed', ['voice', 'sms', 'whatsapp']),
      ],
      [
        { channel: 'voice', status: 'active' },
        { channel: 'sms', status: 'pending_configuration' },
        { channel: 'whatsapp', status: 'pending_configuration' },
      ],
    );
    expect(outcome).toMatchObject({ operation: 'completed', agent: 'active', error: null });
    expect(outcome.failedChannels.size).toBe(0);
  });

  it('is failed when every channel failed, even if another one only waits for configuration', () => {
    const outcome = decideOutcome(
      [
        step('aws_connect', 'failed', ['voice'], 'quota'),
        step('elizaos', 'completed', []),
        step('context', 'completed', ['voice']),
      ],
      [{ channel: 'voice', status: 'pending' }],
    );
    expect(outcome).toMatchObject({ operation: 'failed', agent: 'failed', error: 'aws_connect: quota' });
  });

  it('fails every channel when the agent has no character: voice answers with it too', () => {
    const outcome = decideOutcome(
      [
        step('aws_connect', 'completed', ['voice']),
        step('elizaos', 'failed', [], 'ElizaOS refused the character'),
        step('context', 'completed', ['voice']),
      ],
      [{ channel: 'voice', status: 'active' }],
    );
    expect(outcome).toMatchObject({
      operation: 'failed',
      agent: 'failed',
      error: 'elizaos: ElizaOS refused the character',
    });
    expect([...outcome.failedChannels]).toEqual([['voice', 'elizaos: ElizaOS refused the character']]);
  });

  it('fails the whole operation when the shared context could not be created', () => {
    const outcome = decideOutcome(
      [
        step('aws_connect', 'completed', ['voice']),
        step('elizaos', 'completed', ['whatsapp']),
        step('context', 'failed', ['voice', 'whatsapp'], 'db down'),
      ],
      channels,
    );
    expect(outcome).toMatchObject({ operation: 'failed', agent: 'failed', error: 'context: db down' });
    expect(outcome.failedChannels.size).toBe(2);
  });

  it('treats a step that never finished as failed, with a readable reason', () => {
    const outcome = decideOutcome(
      [step('aws_connect', 'running', ['voice']), step('context', 'completed', ['voice'])],
      [{ channel: 'voice', status: 'pending' }],
    );
    expect(outcome).toMatchObject({ operation: 'failed', error: `aws_connect: ${LOST_STEP_ERROR}` });
  });
});
