import {
  CHANNEL_STEPS,
  PROVISIONED_CHANNEL_STATUSES,
  type AgentStatus,
  type Channel,
  type ChannelStatus,
  type OperationStatus,
  type StepName,
  type StepStatus,
} from '@voca/contracts';

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
  operation: Extract<OperationStatus, 'completed' | 'failed' | 'partially_completed' | 'cancelled'>;
  agent: Extract<AgentStatus, 'active' | 'failed' | 'partially_active'>;
  /** Channels whose step failed for good, with that step's error. */
  failedChannels: Map<Channel, string>;
  /** One line per failed step: `step: error`. */
  error: string | null;
}

export const LOST_STEP_ERROR = 'the step never finished: its worker stopped and the job ran out of attempts';

/**
 * Without these no channel can answer: the steps that hold the agent itself (every operation runs them), today its
 * shared context and its ElizaOS character (its brain).
 */
const REQUIRED_STEPS: readonly StepName[] = CHANNEL_STEPS.filter((step) => step.always).map((step) => step.name);

/**
 * Decides how an operation ended from its steps and channels. The context and elizaos steps are required (no channel
 * can answer without them); otherwise the operation is completed when no channel failed, failed when every channel
 * did, and partially completed in between. A channel waiting for the vendor's configuration (`pending_configuration`)
 * is not a failure: the agent answers where it can, and the channel becomes active when the vendor supplies it.
 */
export function decideOutcome(steps: StepState[], channels: ChannelState[]): OperationOutcome {
  const failedSteps = steps
    .filter((step) => step.name !== 'finalize' && step.status !== 'completed')
    .map((step) => ({ ...step, error: step.status === 'failed' ? (step.error ?? 'failed') : LOST_STEP_ERROR }));
  const failedChannels = new Map<Channel, string>();
  const requiredFailed = failedSteps.some((step) => REQUIRED_STEPS.includes(step.name));
  for (const step of failedSteps) {
    const affected = REQUIRED_STEPS.includes(step.name) ? channels.map(({ channel }) => channel) : step.channels;
    for (const channel of affected)
      if (!failedChannels.has(channel)) failedChannels.set(channel, `${step.name}: ${step.error}`);
  }
  const provisioned = channels.filter(
    (c) => !failedChannels.has(c.channel) && PROVISIONED_CHANNEL_STATUSES.includes(c.status),
  ).length;
  const error = failedSteps.length ? failedSteps.map((step) => `${step.name}: ${step.error}`).join('; ') : null;
  if (requiredFailed || provisioned === 0) return { operation: 'failed', agent: 'failed', failedChannels, error };
  if (provisioned === channels.length) return { operation: 'completed', agent: 'active', failedChannels, error };
  return { operation: 'partially_completed', agent: 'partially_active', failedChannels, error };
}

export const CANCELLED_ERROR = 'cancelled on request';

/** A provisioning cancelled on request: every channel ends failed, so what its steps created is compensated. */
export function cancelledOutcome(channels: ChannelState[]): OperationOutcome {
  const failedChannels = new Map(channels.map(({ channel }) => [channel, CANCELLED_ERROR] as const));
  return { operation: 'cancelled', agent: 'failed', failedChannels, error: CANCELLED_ERROR };
}
