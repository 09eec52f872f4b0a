import type { INestApplication } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, testDatabase } from '../support/database.js';
import { customerWritesThroughGenericWebhook } from '../support/engine-webhooks.js';
import type { Api } from '../support/http.js';
import { closeAll, startGateway, startWorkers } from '../support/in-process.js';
import { operationEnd } from '../support/operations.js';
import { cozyComfortRequest } from '../support/seed.js';
import { testEnv, uniqueVendor } from '../support/test-env.js';
import { bearer, serviceToken } from '../support/tokens.js';
import { waitFor } from '../support/wait-for.js';

/**
 * AGENT_RETENTION=purge: deleting an agent forgets what its customers said (context-service's deletion step) and
 * its characters (elizaos-worker's), while the agent's own record, audit trail and operations stay.
 */
const WEBHOOK_SECRET = 'engine-webhook-secret-for-tests-0123456789';
const db = testDatabase();
const env = testEnv({ WEBHOOK_SECRET, AGENT_RETENTION: 'purge' });
const service = () => bearer(serviceToken());
let gateway: INestApplication;
let workers: INestApplication[];
let api: Api;

beforeAll(async () => {
  ({ app: gateway, api } = await startGateway(env));
  workers = await startWorkers(env);
}, 60_000);

afterAll(async () => {
  await closeAll(workers);
  await gateway.close();
  await db.end();
});

describe('deleting an agent under AGENT_RETENTION=purge', () => {
  it("purges its customers, their messages, its documents and its characters, and keeps the agent's record", async () => {
    const accepted = await api.post(
      '/api/v1/agents/provision',
      cozyComfortRequest(uniqueVendor(), { channels: ['whatsapp'] }),
      service(),
    );
    expect((await operationEnd(api, accepted.body.status_url)).status).toBe('completed');
    const agentId: string = accepted.body.agent_id;
    await customerWrites(agentId, 'customer-to-forget', 'Do you sell linen duvet covers?');
    await waitFor(
      async () =>
        (await countRows(db, 'conversation_messages', `agent_id = $1 AND direction = 'outbound'`, [agentId])) > 0,
      'the agent to answer',
      30_000,
    );
    const uploaded = await api.post(
      `/api/v1/agents/${agentId}/knowledge`,
      { name: 'faq', format: 'markdown', content: '# Care\nWash linen duvet covers cold.' },
      service(),
    );
    expect(uploaded.status).toBe(202);
    const kept = await owned(agentId);
    expect(kept.customers).toBe(1);
    expect(kept.documents).toBe(1);
    expect(kept.characters).toBeGreaterThan(0);

    const deleted = await api.send<any>('DELETE', `/api/v1/agents/${agentId}`, undefined, service());
    expect(deleted.status).toBe(202);
    const operation = await operationEnd(api, deleted.body.status_url);
    expect(operation.status).toBe('completed');

    expect(await owned(agentId)).toEqual({
      customers: 0,
      identities: 0,
      messages: 0,
      characters: 0,
      documents: 0,
      versions: 0,
      agents: 1,
      audit: kept.audit + 2,
      operations: kept.operations + 1,
    });
    const detail = (name: string) => operation.steps.find((step: { name: string }) => step.name === name)?.detail;
    expect(detail('context')).toBe('1 customer, 2 messages and 1 document purged');
    expect(detail('elizaos')).toBe(
      `runtimes unloaded; 0 platform subscriptions removed; ${kept.characters} character version${kept.characters === 1 ? '' : 's'} purged`,
    );
  });
});

/** What the database holds of the agent, table by table. */
async function owned(agentId: string) {
  const byAgent = (table: string) => countRows(db, table, 'agent_id = $1', [agentId]);
  return {
    customers: await byAgent('customers'),
    identities: await byAgent('customer_identities'),
    messages: await byAgent('conversation_messages'),
    characters: await byAgent('agent_characters'),
    documents: await byAgent('knowledge_documents'),
    versions: await byAgent('knowledge_versions'),
    agents: await countRows(db, 'agents', 'id = $1', [agentId]),
    audit: await byAgent('agent_events'),
    operations: await byAgent('provisioning_operations'),
  };
}

/** A customer message through the generic webhook; the gateway takes it (200 or 202). */
async function customerWrites(agentId: string, userId: string, text: string): Promise<void> {
  const status = await customerWritesThroughGenericWebhook(api.baseUrl, WEBHOOK_SECRET, { agentId, userId, text });
  expect([200, 202]).toContain(status);
}
