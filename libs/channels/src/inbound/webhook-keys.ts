import { createHmac } from 'node:crypto';

/**
 * The keys that sign the engine's own webhooks, derived from WEBHOOK_SECRET (which never leaves the engine): one for
 * the voice Lambda, one per agent (and key version) for the generic webhook. A leaked Lambda environment cannot
 * sign for the generic webhook, one agent's key cannot sign for another agent, and an agent's key is rotated by
 * raising its version.
 */
function derive(master: string, purpose: string): string {
  return createHmac('sha256', master).update(`voca-webhook-key:${purpose}`).digest('hex');
}

/** The key the voice Lambda signs Connect turns with (its environment holds this, not WEBHOOK_SECRET). */
export function connectLambdaKey(master: string): string {
  return derive(master, 'connect-lambda');
}

/** The key the backend signs the generic webhook's messages for one agent with. */
export function agentWebhookKey(master: string, agentId: string, version: number): string {
  return derive(master, `agent:${agentId}:${version}`);
}

/**
 * The token the engine gives a platform for one account's webhook, where the platform echoes a token of the
 * engine's choosing on every delivery instead of signing it (Telegram's `secret_token`): one account's cannot open
 * another's route. 64 hex characters.
 */
export function accountWebhookToken(master: string, channel: string, accountId: string): string {
  return derive(master, `account:${channel}:${accountId}`);
}
