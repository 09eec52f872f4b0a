import { type Channel, isConnectChannel, isSocialChannel } from './channels.js';

/**
 * The steps of a provisioning operation. Every operation has `elizaos` (the agent's character, which answers on
 * every channel, voice and SMS included, plus the social channels' accounts), `context` and `finalize`;
 * `aws_connect` exists only when the agent has voice or SMS.
 */
export const STEP_NAMES = ['aws_connect', 'elizaos', 'context', 'finalize'] as const;
export type StepName = (typeof STEP_NAMES)[number];
export type ChannelStepName = Exclude<StepName, 'finalize'>;

export interface PlannedStep {
  name: ChannelStepName;
  channels: Channel[];
}

/** Splits an agent's channels into the worker steps that provision them, in a stable order. */
export function planChannelSteps(channels: readonly Channel[]): PlannedStep[] {
  const connect = channels.filter(isConnectChannel);
  const social = channels.filter(isSocialChannel);
  const steps: PlannedStep[] = [];
  if (connect.length > 0) steps.push({ name: 'aws_connect', channels: connect });
  steps.push({ name: 'elizaos', channels: social });
  steps.push({ name: 'context', channels: [...channels] });
  return steps;
}
