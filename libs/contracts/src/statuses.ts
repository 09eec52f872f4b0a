/** provision: a new agent; update: the difference a change needs; deprovision: a deletion. */
export const OPERATION_KINDS = ['provision', 'update', 'deprovision'] as const;
export type OperationKind = (typeof OPERATION_KINDS)[number];

export const OPERATION_STATUSES = ['queued', 'in_progress', 'completed', 'failed', 'partially_completed'] as const;
export type OperationStatus = (typeof OPERATION_STATUSES)[number];
export const TERMINAL_OPERATION_STATUSES: readonly OperationStatus[] = ['completed', 'failed', 'partially_completed'];

/** `retrying` means the last attempt failed and BullMQ will run the step again after its backoff. */
export const STEP_STATUSES = ['pending', 'running', 'retrying', 'completed', 'failed'] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];
export const TERMINAL_STEP_STATUSES: readonly StepStatus[] = ['completed', 'failed'];

export const AGENT_STATUSES = [
  'provisioning',
  'active',
  'partially_active',
  'failed',
  'paused',
  'stopped',
  'deleting',
  'deleted',
] as const;
/** Statuses in which an agent answers its customers; in any other, messages are recorded but not answered. */
export const ANSWERING_AGENT_STATUSES: readonly AgentStatus[] = ['active', 'partially_active'];
export type AgentStatus = (typeof AGENT_STATUSES)[number];

/** `pending_configuration`: the channel needs something only the vendor can supply (e.g. an SMS-capable number). */
export const CHANNEL_STATUSES = ['pending', 'active', 'failed', 'pending_configuration'] as const;
export type ChannelStatus = (typeof CHANNEL_STATUSES)[number];
