import type { AgentStatus, Channel, ChannelStatus, OperationStatus, StepName, StepStatus } from '@voca/contracts';

export interface StepState {
  name: StepName;
  status: StepStatus;
  channels: Channel[];
  error: string | null;
}

export interface ChannelState {
  channel: Channel;
  status: ChannelStatus;
}

export interface OperationOutcome {
  operation: Extract<OperationStatus, 'completed' | 'failed' | 'partially_completed'>;
  agent: Extract<AgentStatus, 'active' | 'failed' | 'partially_active'>;
  /** Channels whose step failed for good, with that step's error. */
  failedChannels: Map<Channel, string>;
  /** One line per failed step: `step: error`. */
  error: string | null;
}

export const LOST_STEP_ERROR = 'the step never finished: its worker stopped and the job ran out of attempts';

/**
 * Decides how an operation ended from its steps and channels. The context step is required (no channel can answer
 * without it); otherwise the operation is completed when every channel is active, failed when none is, and
 * partially completed in between.
 */
export function decideOutcome(steps: StepState[], channels: ChannelState[]): OperationOutcome {
  const failedSteps = steps
    .filter((step) => step.name !== 'finalize' && step.status !== 'completed')
    .map((step) => ({ ...step, error: step.status === 'failed' ? (step.error ?? 'failed') : LOST_STEP_ERROR }));
  const failedChannels = new Map<Channel, string>();
  const contextFailed = failedSteps.some((step) => step.name === 'context');
  for (const step of failedSteps) {
    const affected = step.name === 'context' ? channels.map(({ channel }) => channel) : step.channels;
    for (const channel of affected) if (!failedChannels.has(channel)) failedChannels.set(channel, `${step.name}: ${step.error}`);
  }
  const active = channels.filter((c) => !failedChannels.has(c.channel) && c.status === 'active').length;
  const error = failedSteps.length ? failedSteps.map((step) => `${step.name}: ${step.error}`).join('; ') : null;
  if (contextFailed || active === 0) return { operation: 'failed', agent: 'failed', failedChannels, error };
  if (active === channels.length) return { operation: 'completed', agent: 'active', failedChannels, error };
  return { operation: 'partially_completed', agent: 'partially_active', failedChannels, error };
}
