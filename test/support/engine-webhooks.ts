import { signEngineWebhook } from '@voca/channels';
import type { Api } from './http.js';
import { operationEnd } from './operations.js';
import { specExample } from './spec-examples.js';

/** POSTs a body to one of the engine's own webhooks (Connect, generic), signed as the engine's components sign them. */
export async function postSignedWebhook(baseUrl: string, path: string, payload: unknown, secret: string) {
  const body = JSON.stringify(payload);
  const response = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...signEngineWebhook(body, secret) },
    body,
  });
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    body: (await response.json()) as Record<string, any>,
  };
}

/** Provisions the spec's agent with another channel set and waits for the operation to end; answers its last view. */
export async function provisionSpecAgent(api: Api, channels: string[]): Promise<Record<string, any>> {
  const request = specExample('provision-request');
  request.agent_config.channels = channels;
  const accepted = await api.post('/api/v1/agents/provision', request);
  if (accepted.status !== 202) throw new Error(`provisioning refused: ${accepted.status} ${JSON.stringify(accepted.body)}`);
  return operationEnd(api, accepted.body.status_url);
}
