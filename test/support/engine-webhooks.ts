import { agentWebhookKey, connectLambdaKey, signEngineWebhook } from '@voca/channels';
import type { Api } from './http.js';
import { checkedFetch } from './openapi-contract.js';
import { operationEnd } from './operations.js';
import { specExample } from './spec-examples.js';

/** POSTs a body to one of the engine's own webhooks (Connect, generic), signed as its callers sign them. */
export async function postSignedWebhook(baseUrl: string, path: string, payload: unknown, secret: string) {
  const body = JSON.stringify(payload);
  const response = await checkedFetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...signAsCaller(path, body, secret) },
    body,
  });
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    body: (await response.json()) as Record<string, any>,
  };
}

/** A customer message through the generic webhook, signed as the backend signs it; answers the HTTP status. */
export async function customerWritesThroughGenericWebhook(
  baseUrl: string,
  secret: string,
  message: { agentId: string; userId: string; text: string; platform?: string },
): Promise<number> {
  const body = JSON.stringify({
    platform: message.platform ?? 'whatsapp',
    agent_id: message.agentId,
    message: message.text,
    user_id: message.userId,
    timestamp: new Date().toISOString(),
  });
  const path = '/api/v1/webhooks/elizaos';
  const response = await checkedFetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...signAsCaller(path, body, secret) },
    body,
  });
  await response.text();
  return response.status;
}

/** Provisions the spec's agent with another channel set and waits for the operation to end; answers its last view. */
export async function provisionSpecAgent(api: Api, channels: string[]): Promise<Record<string, any>> {
  const request = specExample('provision-request');
  request.agent_config.channels = channels;
  const accepted = await api.post('/api/v1/agents/provision', request);
  if (accepted.status !== 202)
    throw new Error(`provisioning refused: ${accepted.status} ${JSON.stringify(accepted.body)}`);
  return operationEnd(api, accepted.body.status_url);
}

/**
 * The signature headers the engine's own callers send: the voice Lambda signs Connect turns with its derived key,
 * the backend signs generic webhook messages with the key of the agent the body names (key version 1, as a new
 * agent's key is; the API shows it at GET /api/v1/agents/{id}/webhook-key).
 */
export function signAsCaller(path: string, body: string, master: string, nowSeconds?: number) {
  return signEngineWebhook(body, keyOfCaller(path, body, master), nowSeconds);
}

export function keyOfCaller(path: string, body: string, master: string): string {
  if (path.includes('/webhooks/connect')) return connectLambdaKey(master);
  let agentId = '';
  try {
    agentId = String((JSON.parse(body) as { agent_id?: unknown })?.agent_id ?? '');
  } catch {
    // not JSON: any key; the gateway refuses the body before it checks a signature
  }
  return agentWebhookKey(master, agentId, 1);
}
