import { ANSWERING_AGENT_STATUSES, type AgentStatus } from './statuses.js';

/** What the backend can ask of a running agent. */
export const AGENT_ACTIONS = ['start', 'stop', 'pause', 'resume'] as const;
export type AgentAction = (typeof AGENT_ACTIONS)[number];

/**
 * The agent state machine. `answering` stands for active or partially active, whichever its channels allow.
 * provisioning -> active | partially_active | failed (by provisioning); active/partially_active <-> paused;
 * any of those or failed -> stopped -> answering again by start; anything but deleting/deleted -> deleting -> deleted.
 */
export const TRANSITIONS: Record<
  AgentAction,
  { from: readonly AgentStatus[]; to: 'answering' | 'paused' | 'stopped' }
> = {
  start: { from: ['stopped'], to: 'answering' },
  stop: { from: ['active', 'partially_active', 'paused', 'failed'], to: 'stopped' },
  pause: { from: ['active', 'partially_active'], to: 'paused' },
  resume: { from: ['paused'], to: 'answering' },
};

/** Statuses in which an agent can be deleted (deleting it again is answered with the same operation). */
export const DELETABLE_STATUSES: readonly AgentStatus[] = [
  'provisioning',
  'active',
  'partially_active',
  'failed',
  'paused',
  'stopped',
];

/** Statuses in which the profile or channels can change. */
export const UPDATABLE_STATUSES: readonly AgentStatus[] = ['active', 'partially_active', 'failed', 'paused', 'stopped'];

/** Everything that may be done to an agent in a status, for the 409 that refuses anything else. */
export function allowedActions(status: AgentStatus): string[] {
  const actions: string[] = AGENT_ACTIONS.filter((action) => TRANSITIONS[action].from.includes(status));
  if (UPDATABLE_STATUSES.includes(status)) actions.push('update');
  if (DELETABLE_STATUSES.includes(status)) actions.push('delete');
  return actions;
}

/**
 * The transition that takes an agent from `from` to a requested status (the spec's `PUT {status}`), or null when it
 * is there already. `active` means answering: a paused agent resumes, a stopped one starts.
 */
export function actionTowards(from: AgentStatus, to: 'active' | 'paused' | 'stopped'): AgentAction | null {
  if (to === 'paused') return from === 'paused' ? null : 'pause';
  if (to === 'stopped') return from === 'stopped' ? null : 'stop';
  if (ANSWERING_AGENT_STATUSES.includes(from)) return null;
  return from === 'stopped' ? 'start' : 'resume';
}
