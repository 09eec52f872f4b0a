import { type Channel, isConnectChannel, isSocialChannel } from './channels.js';

/**
 * The steps of a provisioning operation. Every operation has `elizaos` (the agent's character, which answers on
 * every channel, voice and SMS included, plus the social channels' accounts), `context` and `finalize`;
 * `aws_connect` exists only when the agent has (or had) voice or SMS.
 */
export const STEP_NAMES = ['aws_connect', 'elizaos', 'context', 'finalize'] as const;
export type StepName = (typeof STEP_NAMES)[number];
export type ChannelStepName = Exclude<StepName, 'finalize'>;

export interface PlannedStep<Name extends string = ChannelStepName> {
  name: Name;
  channels: Channel[];
}

/** What one channel step is: which of the agent's channels it provisions, and whether every operation runs it. */
export interface ChannelStepDefinition<Name extends string = ChannelStepName> {
  name: Name;
  /** Whether this step provisions the channel: it runs with the agent's channels it owns, and a failed one is its. */
  owns(channel: Channel): boolean;
  /** Runs with every channel of the agent (it needs to know them all), though it provisions none of them. */
  takesAll?: boolean;
  /** Holds the agent itself: every operation runs it, and without it no channel answers (the operation fails). */
  always: boolean;
}

/** The channel steps, in the order an operation runs them (finalize comes last, always). */
export const CHANNEL_STEPS: readonly ChannelStepDefinition[] = [
  { name: 'aws_connect', owns: isConnectChannel, always: false },
  { name: 'elizaos', owns: isSocialChannel, always: true },
  { name: 'context', owns: () => false, takesAll: true, always: true },
];

/** What an operation is asked to do, as much as planning needs to know. */
export type OperationPlanRequest =
  /** A new agent, or the deletion of one: the steps its channels need. */
  | { kind: 'provision' | 'deprovision'; channels: readonly Channel[] }
  /**
   * A change of channels or profile: a step runs while the agent has or had one of its channels (an empty set tears
   * them down), with the new set.
   */
  | { kind: 'update'; before: readonly Channel[]; after: readonly Channel[] }
  /** A failed operation again: the steps it did not finish, and those owning a channel left failed. */
  | {
      kind: 'retry';
      channels: readonly Channel[];
      failedChannels: readonly Channel[];
      unfinished: ReadonlySet<string>;
    };

/**
 * The one planner of every operation's channel steps (create, update, retry, delete): each step of `steps` is asked
 * whether it runs, and runs with the agent's channels it owns. A new step is a line of CHANNEL_STEPS.
 */
export function planOperation(request: OperationPlanRequest): PlannedStep[];
export function planOperation<Name extends string>(
  request: OperationPlanRequest,
  steps: readonly ChannelStepDefinition<Name>[],
): PlannedStep<Name>[];
export function planOperation(
  request: OperationPlanRequest,
  steps: readonly ChannelStepDefinition<string>[] = CHANNEL_STEPS,
): PlannedStep<string>[] {
  const channels = request.kind === 'update' ? request.after : request.channels;
  const runs = (step: ChannelStepDefinition<string>): boolean => {
    switch (request.kind) {
      case 'update':
        return step.always || request.before.some(step.owns) || request.after.some(step.owns);
      case 'retry':
        return request.unfinished.has(step.name) || request.failedChannels.some(step.owns);
      default:
        return step.always || request.channels.some(step.owns);
    }
  };
  return steps
    .filter(runs)
    .map((step) => ({ name: step.name, channels: step.takesAll ? [...channels] : channels.filter(step.owns) }));
}

/** Splits an agent's channels into the worker steps that provision them, in a stable order. */
export function planChannelSteps(channels: readonly Channel[]): PlannedStep[] {
  return planOperation({ kind: 'provision', channels });
}
