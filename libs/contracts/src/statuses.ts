/** provision: a new agent; update: the difference a change needs; deprovision: a deletion. */
export const OPERATION_KINDS = ['provision', 'update', 'deprovision'] as const;
export type OperationKind = (typeof OPERATION_KINDS)[number];

/** `cancelled`: stopped on request (POST /api/v1/provisioning/{id}/cancel); what it had created is removed. */
export const OPERATION_STATUSES = [
  'queued',
  'in_progress',
  'completed',
  'failed',
  'partially_completed',
  'cancelled',
] as const;
export type OperationStatus = (typeof OPERATION_STATUSES)[number];
export const TERMINAL_OPERATION_STATUSES: readonly OperationStatus[] = [
  'completed',
  'failed',
  'partially_completed',
  'cancelled',
];

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

/**
 * `pending_configuration`: the engine did its part, and the channel waits for something only the vendor can supply
 * (an SMS-capable number, a social account's credentials); a `PUT` that supplies it makes the channel active.
 */
export const CHANNEL_STATUSES = ['pending', 'active', 'failed', 'pending_configuration'] as const;
export type ChannelStatus = (typeof CHANNEL_STATUSES)[number];
/** A channel in these statuses is not a failure: it answers, or waits for the vendor's configuration. */
export const PROVISIONED_CHANNEL_STATUSES: readonly ChannelStatus[] = ['active', 'pending_configuration'];
