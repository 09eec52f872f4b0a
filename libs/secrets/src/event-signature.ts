import { createHmac, randomBytes } from 'node:crypto';
import type { CredentialBinding } from './credential-cipher.js';

/** A new signing secret for an event endpoint. */
export function newEventSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

/** The voca-signature header of a delivery: `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`. */
export function eventSignature(secret: string, timestampS: number, body: string): string {
  return `t=${timestampS},v1=${createHmac('sha256', secret).update(`${timestampS}.${body}`).digest('hex')}`;
}

/** What an endpoint's sealed secret is bound to: it opens for that endpoint only. */
export function eventSecretBinding(endpointId: string): CredentialBinding {
  return { agentId: endpointId, channel: 'event-endpoint' };
}

/** What a tool's sealed signing secret is bound to: it opens for that tool only. */
export function toolSecretBinding(toolId: string): CredentialBinding {
  return { agentId: toolId, channel: 'agent-tool' };
}
