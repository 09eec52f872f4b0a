import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { contactFlowNameOf } from '@voca/aws-connect';
import { RuntimeHost } from '@voca/elizaos';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AwsEmulator } from '../emulators/aws/index.js';
import { testDatabase } from '../support/database.js';
import type { Api } from '../support/http.js';
import { closeAll, startGateway, startWorkers } from '../support/in-process.js';
import { forgetConnectRegion, liveConnectEnv } from '../support/live-connect.js';
import { MessageClient } from '../support/messages.js';
import { cozyComfortRequest } from '../support/seed.js';
import { testEnv, uniqueVendor } from '../support/test-env.js';
import { bearer, serviceToken, vendorToken } from '../support/tokens.js';
import { operationEnd } from '../support/operations.js';
import { waitFor } from '../support/wait-for.js';
import { signAsCaller } from '../support/engine-webhooks.js';

const REGION = 'ap-northeast-1';
const WEBHOOK_SECRET = 'engine-webhook-secret-for-tests-0123456789';
const CLOSED_REPLY = 'Cozy Comfort is closed for the holidays; let me put you through to our team.';
const db = testDatabase();
let aws: AwsEmulator;
let env: Record<string, string>;
let gateway: INestApplication;
let workers: INestApplication[];
let api: Api;
let messages: MessageClient;

beforeAll(async () => {
  aws = await AwsEmulator.start({ instanceActivationMs: 50, phoneClaimMs: 30, functionActivationMs: 30 });
  await forgetConnectRegion(db, REGION);
  env = testEnv({
    ...liveConnectEnv(aws, REGION),
    WEBHOOK_SECRET,
    AGENT_RETENTION: 'keep',
    CONNECT_CLOSED_REPLY: CLOSED_REPLY,
    CONNECT_CLOSED_ACTION: 'transfer',
  });
  Object.assign(process.env, liveConnectEnv(aws, REGION));
  ({ app: gateway, api } = await startGateway(env));
  workers = await startWorkers(env);
  messages = await MessageClient.connect(env.QUEUE_PREFIX);
}, 90_000);

afterAll(async () => {
  await messages?.close();
  await closeAll(workers ?? []);
  await gateway?.close();
  await aws?.stop();
  await db.end();
});

const service = () => bearer(serviceToken());

const ended = (statusUrl: string) => operationEnd(api, statusUrl);

async function provision(vendor: string, overrides: Record<string, unknown> = {}) {
  const accepted = await api.post('/api/v1/agents/provision', cozyComfortRequest(vendor, overrides), service());
  expect(accepted.status).toBe(202);
  const done = await ended(accepted.body.status_url);
  return { agentId: accepted.body.agent_id as string, done };
}

const act = (agentId: string, action: string, headers = service()) =>
  api.post(`/api/v1/agents/${agentId}/${action}`, {}, headers);

describe('listing agents', () => {
  it('pages and filters, caps the page size, and keeps vendors apart', async () => {
    const vendor = uniqueVendor();
    await provision(vendor, { channels: ['whatsapp'], business_type: 'retail' });
    await provision(vendor, { channels: ['facebook'], business_type: 'microfinance' });
    await provision(vendor, { channels: ['whatsapp', 'twitter'], business_type: 'other' });

    const all = await api.get(`/api/v1/agents?vendor_id=${vendor}`, service());
    expect(all.body).toMatchObject({ total: 3, skip: 0, limit: 20 });
    const page = await api.get(`/api/v1/agents?vendor_id=${vendor}&skip=1&limit=1`, service());
    expect(page.body.items).toHaveLength(1);
    expect(page.body.items[0].id).toBe(all.body.items[1].id);
    expect((await api.get(`/api/v1/agents?vendor_id=${vendor}&channel=whatsapp`, service())).body.total).toBe(2);
    expect((await api.get(`/api/v1/agents?vendor_id=${vendor}&business_type=microfinance`, service())).body.total).toBe(
      1,
    );
    expect((await api.get(`/api/v1/agents?vendor_id=${vendor}&status=paused`, service())).body.total).toBe(0);

    const own = await api.get('/api/v1/agents', bearer(vendorToken(vendor)));
    expect(own.body.total).toBe(3);
    expect(own.body.items.every((agent: { vendor_id: string }) => agent.vendor_id === vendor)).toBe(true);
    expect((await api.get(`/api/v1/agents?vendor_id=${uniqueVendor()}`, bearer(vendorToken(vendor)))).status).toBe(404);

    const tooMany = await api.get('/api/v1/agents?limit=101', service());
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.fields[0].field).toBe('limit');
    expect((await api.get('/api/v1/agents?colour=red', service())).status).toBe(400);
    expect((await api.get('/api/v1/agents?status=sleeping', service())).body.fields[0].field).toBe('status');
  });
});

describe('the agent state machine', () => {
  it('pauses, resumes, stops and starts, refuses what is not allowed, and records who did what', async () => {
    const vendor = uniqueVendor();
    const { agentId } = await provision(vendor, { channels: ['whatsapp'] });
    const paused = await act(agentId, 'pause', bearer(vendorToken(vendor)));
    expect(paused.status).toBe(200);
    expect(paused.body.status).toBe('paused');
    const again = await act(agentId, 'pause');
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ status: 'paused', allowed: ['stop', 'resume', 'update', 'delete'] });
    expect((await act(agentId, 'resume')).body.status).toBe('active');
    expect((await act(agentId, 'stop')).body.status).toBe('stopped');
    expect((await act(agentId, 'resume')).status).toBe(409);
    expect((await act(agentId, 'start')).body.status).toBe('active');
    expect((await act(agentId, 'dance')).status).toBe(404);

    const { body: audit } = await api.get(`/api/v1/agents/${agentId}/audit`, service());
    expect(audit.events.map((event: { action: string }) => event.action)).toEqual([
      'created',
      'provisioned',
      'pause',
      'resume',
      'stop',
      'start',
    ]);
    expect(audit.events[2]).toMatchObject({
      from_status: 'active',
      to_status: 'paused',
      actor: `vendor:${vendor}:user-of-${vendor}`,
    });
    expect(audit.events[3].actor).toBe('service:backend');
    expect(audit.next_cursor).toBeNull();
    // Paged like every list: a page of `limit`, then the rest from its cursor, in the same order.
    const first = await api.get(`/api/v1/agents/${agentId}/audit?limit=4`, service());
    expect(first.body.events).toHaveLength(4);
    const rest = await api.get(`/api/v1/agents/${agentId}/audit?limit=4&after=${first.body.next_cursor}`, service());
    expect([...first.body.events, ...rest.body.events].map((event: { id: string }) => event.id)).toEqual(
      audit.events.map((event: { id: string }) => event.id),
    );
    expect(rest.body.next_cursor).toBeNull();
    const badPage = await api.get(`/api/v1/agents/${agentId}/audit?limit=101&after=nope`, service());
    expect(badPage.status).toBe(400);
    expect(badPage.body.fields.map((field: { field: string }) => field.field).sort()).toEqual(['after', 'limit']);
    expect((await api.get(`/api/v1/agents/${agentId}/audit`, bearer(vendorToken(uniqueVendor())))).status).toBe(404);
  });

  it('unloads a stopped agent runtime on every replica', async () => {
    const { agentId } = await provision(uniqueVendor(), { channels: ['whatsapp'] });
    await messages.ask({ agentId, channel: 'whatsapp', customer: { id: 'stop-1' }, text: 'hello' });
    const host = workers[1]!.get(RuntimeHost);
    expect(host.hostedAgents()).toContain(agentId);
    await act(agentId, 'stop');
    await waitFor(async () => (host.hostedAgents().includes(agentId) ? undefined : true), 'the runtime to be unloaded');
  });

  it("plays the closed message to a paused agent's callers, transfers them as configured, and records the turn", async () => {
    const { agentId, done } = await provision(uniqueVendor(), { channels: ['voice'] });
    const voiceNumber = done.agent_config.channels.find(
      (channel: { channel_type: string }) => channel.channel_type === 'voice',
    ).phone_number as string;
    expect((await act(agentId, 'pause')).status).toBe(200);
    const caller = `+1555${String(Date.now()).slice(-7)}`;
    const turn = (overrides: Record<string, unknown> = {}) => {
      const body = JSON.stringify({
        agent_id: agentId,
        contact_id: randomUUID(),
        channel: 'voice',
        caller,
        dialed: voiceNumber,
        utterance: 'Are you open tomorrow?',
        timestamp: new Date().toISOString(),
        ...overrides,
      });
      return fetch(`${api.baseUrl}/api/v1/webhooks/connect`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...signAsCaller('/api/v1/webhooks/connect', body, WEBHOOK_SECRET),
        },
        body,
      }).then(async (response) => ({ status: response.status, body: await response.json() }));
    };
    expect(await turn()).toEqual({ status: 200, body: { reply: CLOSED_REPLY, action: 'transfer' } });
    const recorded = async () =>
      (
        await db.query(
          `SELECT counterpart_id, text, status FROM conversation_messages WHERE agent_id = $1 AND direction = 'inbound'`,
          [agentId],
        )
      ).rows;
    const held = await waitFor(
      async () => ((await recorded())[0]?.status === 'held' ? recorded() : undefined),
      'the turn to be held',
    );
    expect(held).toEqual([{ counterpart_id: caller, text: 'Are you open tomorrow?', status: 'held' }]);

    // The flow names its agent: a turn naming another agent, or no agent id at all, reaches nobody and ends.
    for (const other of [randomUUID(), 'not-a-uuid']) {
      expect(await turn({ agent_id: other })).toEqual({ status: 200, body: { reply: CLOSED_REPLY, action: 'end' } });
    }
    expect(await recorded()).toHaveLength(1);
  });

  it('answers on resume what came in during a pause, and marks what is too old for follow-up', async () => {
    const { agentId } = await provision(uniqueVendor(), {
      channels: ['whatsapp'],
      channel_credentials: { whatsapp: { phone_number_id: `6${Date.now()}`, access_token: 'EAAG-token-1234' } },
    });
    await act(agentId, 'pause');
    const post = async (userId: string, timestamp: string) => {
      const body = JSON.stringify({
        platform: 'whatsapp',
        agent_id: agentId,
        message: 'What are your store hours?',
        user_id: userId,
        timestamp,
      });
      const response = await fetch(`${api.baseUrl}/api/v1/webhooks/elizaos`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...signAsCaller('/api/v1/webhooks/elizaos', body, WEBHOOK_SECRET),
        },
        body,
      });
      return { status: response.status, body: (await response.json()) as { message: string | null } };
    };
    const recent = await post('15550001111', new Date().toISOString());
    expect(recent).toMatchObject({ status: 202, body: { message: null } });
    const old = await post('15550002222', new Date(Date.now() - 30 * 3600_000).toISOString());
    expect(old.body.message).toBeNull();
    const statuses = async () =>
      (
        await db.query(
          `SELECT counterpart_id, status FROM conversation_messages WHERE agent_id = $1 AND direction = 'inbound' ORDER BY counterpart_id`,
          [agentId],
        )
      ).rows;
    await waitFor(
      async () => ((await statuses()).every((row) => row.status === 'held') ? true : undefined),
      'both to be held',
    );

    await act(agentId, 'resume');
    const settled = await waitFor(async () => {
      const rows = await statuses();
      return rows.every((row) => ['answered', 'follow_up'].includes(row.status)) ? rows : undefined;
    }, 'the held messages to be handled');
    expect(settled).toEqual([
      { counterpart_id: '15550001111', status: 'answered' },
      { counterpart_id: '15550002222', status: 'follow_up' },
    ]);
  });
});

describe('changing an agent', () => {
  const put = (agentId: string, body: Record<string, unknown>) =>
    api.send<any>('PUT', `/api/v1/agents/${agentId}`, JSON.stringify(body), service());

  it('provisions only the difference: a channel added, one dropped, a new tone and greeting re-rendered', async () => {
    const { agentId } = await provision(uniqueVendor(), { channels: ['voice', 'whatsapp'] });
    const { body: before } = await api.get(`/api/v1/agents/${agentId}`, service());
    const number = before.channels.find((c: { channel_type: string }) => c.channel_type === 'voice').phone_number;

    // Keep voice, new tone and greeting: the character and the flow are re-rendered.
    const retoned = await put(agentId, {
      version: before.version,
      character_config: { tone: 'formal', greeting: 'Good day, how may I assist you with your bedding?' },
    });
    expect(retoned.status).toBe(202);
    expect((await ended(retoned.body.status_url)).status).toBe('completed');
    const { body: character } = await api.get(`/api/v1/agents/${agentId}/character`, service());
    expect(character.version).toBe(2);
    expect(character.character.system).toContain('formal tone');
    const flow = aws.inventory().contactFlows.find((f) => f.name === contactFlowNameOf(agentId))!;
    expect(flow.content).toContain('Good day, how may I assist you with your bedding?');

    // Add Messenger, drop voice: the voice number goes back to the pool, the flow goes, the character gains a plugin.
    const changed = await put(agentId, {
      version: retoned.body.agent.version,
      channels: ['whatsapp', 'facebook'],
      channel_credentials: { facebook: { page_id: `4${Date.now()}`, access_token: 'EAAG-page-token' } },
    });
    expect(changed.status).toBe(202);
    const operation = await ended(changed.body.status_url);
    expect(operation.status).toBe('completed');
    expect(operation.steps.map((step: { name: string; channels: string[] }) => [step.name, step.channels])).toEqual([
      ['aws_connect', []],
      ['elizaos', ['whatsapp', 'facebook']],
      ['context', ['whatsapp', 'facebook']],
      ['finalize', []],
    ]);
    const { body: after } = await api.get(`/api/v1/agents/${agentId}`, service());
    expect(after.channels.map((c: { channel_type: string; status: string }) => [c.channel_type, c.status])).toEqual([
      ['whatsapp', 'pending_configuration'],
      ['facebook', 'active'],
    ]);
    expect(aws.inventory().contactFlows.filter((f) => f.name === contactFlowNameOf(agentId))).toHaveLength(0);
    expect(aws.inventory().phoneNumbers.find((n) => n.number === number)!.contactFlowId).toBeUndefined();
    const { body: newer } = await api.get(`/api/v1/agents/${agentId}/character`, service());
    expect(newer.character.plugins).toContain('@elizaos/plugin-facebook');
  });

  it('refuses a language the engine does not speak on the phone for a voice agent, whichever the change moves', async () => {
    const { agentId } = await provision(uniqueVendor(), { channels: ['whatsapp'] });
    // A chat-only agent may answer in Japanese...
    const japanese = await put(agentId, { character_config: { language: 'ja', tone: 'polite' } });
    expect(japanese.status).toBe(202);
    expect((await ended(japanese.body.status_url)).status).toBe('completed');
    // ...but not take the phone in it.
    const voiced = await put(agentId, { channels: ['whatsapp', 'voice'] });
    expect(voiced.status).toBe(400);
    expect(voiced.body.fields).toEqual([
      {
        field: 'character_config.language',
        messages: [
          'ja is not a language the engine speaks on the phone; an agent with the voice channel speaks one of: en, es, fr, de, it, pt',
        ],
      },
    ]);
    const { body: after } = await api.get(`/api/v1/agents/${agentId}`, service());
    expect(after.channels.map((c: { channel_type: string }) => c.channel_type)).toEqual(['whatsapp']);
    // The language changed with it is fine.
    const both = await put(agentId, {
      channels: ['whatsapp', 'voice'],
      character_config: { language: 'es', tone: 'polite' },
    });
    expect(both.status).toBe(202);
    expect((await ended(both.body.status_url)).status).toBe('completed');
  });

  it('refuses a stale version with 409, moves the social step to another account, and applies a new token at once', async () => {
    const { agentId } = await provision(uniqueVendor(), { channels: ['whatsapp'] });
    const { body: agent } = await api.get(`/api/v1/agents/${agentId}`, service());
    const stale = await put(agentId, { version: agent.version + 7, description: 'x' });
    expect(stale.status).toBe(409);
    expect(stale.body.version).toBe(agent.version);
    // Another account: the social step runs again, to move the webhook subscription to it.
    const phoneNumberId = `5${Date.now()}`;
    const moved = await put(agentId, {
      version: agent.version,
      channel_credentials: { whatsapp: { phone_number_id: phoneNumberId, access_token: 'EAAG-new-token' } },
    });
    expect(moved.status).toBe(202);
    const movedSteps = (await ended(moved.body.status_url)).steps.map((step: { name: string }) => step.name);
    expect(movedSteps).toEqual(['elizaos', 'context', 'finalize']);
    expect(moved.body.agent.channels[0].credentials_configured).toBe(true);
    expect(moved.body.agent.version).toBe(agent.version + 1);
    // A new token for the same account applies at once, with no operation.
    const credentials = await put(agentId, {
      version: moved.body.agent.version,
      channel_credentials: { whatsapp: { phone_number_id: phoneNumberId, access_token: 'EAAG-rotated-token' } },
    });
    expect(credentials.status).toBe(200);
    expect(credentials.body.provisioning_id).toBeUndefined();
    const renamed = await put(agentId, { version: credentials.body.agent.version, name: 'Cozy Comfort Home' });
    expect(renamed.status).toBe(200);
    expect(renamed.body.agent.name).toBe('Cozy Comfort Home');
    await ended(renamed.body.status_url);
    expect((await api.get(`/api/v1/agents/${agentId}/character`, service())).body.character.name).toBe(
      'Cozy Comfort Home',
    );
    const wrong = await put(agentId, { version: renamed.body.agent.version, channels: ['fax'] });
    expect(wrong.status).toBe(400);
    expect(wrong.body.fields[0].field).toBe('channels');
  });
});

describe('deleting an agent', () => {
  it('removes every Connect resource, pools the number for the next agent, and is harmless twice', async () => {
    const vendor = uniqueVendor();
    const { agentId, done } = await provision(vendor, { channels: ['voice', 'whatsapp'] });
    const number = done.agent_config.channels.find(
      (c: { channel_type: string }) => c.channel_type === 'voice',
    ).phone_number;
    expect(aws.inventory().contactFlows.filter((f) => f.name === contactFlowNameOf(agentId))).toHaveLength(1);

    const deleted = await api.send<any>('DELETE', `/api/v1/agents/${agentId}`, undefined, service());
    expect(deleted.status).toBe(202);
    const operation = await ended(deleted.body.status_url);
    expect(operation.status).toBe('completed');
    expect(operation.steps.map((step: { name: string }) => step.name)).toEqual([
      'aws_connect',
      'elizaos',
      'context',
      'finalize',
    ]);

    const agent = await api.get(`/api/v1/agents/${agentId}`, service());
    expect(agent.body.status).toBe('deleted');
    expect(
      agent.body.channels.every(
        (channel: { external_account_id?: string; phone_number?: string }) => !channel.phone_number,
      ),
    ).toBe(true);
    expect(aws.inventory().contactFlows.filter((f) => f.name === contactFlowNameOf(agentId))).toHaveLength(0);
    const held = aws.inventory().phoneNumbers.find((n) => n.number === number)!;
    expect(held).toMatchObject({ status: 'CLAIMED', released: false });
    expect(held.contactFlowId).toBeUndefined();
    expect(aws.inventory().instances).toHaveLength(1);
    expect(aws.inventory().functions).toHaveLength(1);

    const twice = await api.send<any>('DELETE', `/api/v1/agents/${agentId}`, undefined, service());
    expect(twice.status).toBe(202);
    expect(twice.body.provisioning_id).toBe(deleted.body.provisioning_id);
    expect((await act(agentId, 'start')).status).toBe(409);
    expect((await api.get(`/api/v1/agents?vendor_id=${vendor}`, service())).body.total).toBe(0);
    expect((await api.get(`/api/v1/agents?vendor_id=${vendor}&status=deleted`, service())).body.total).toBe(1);

    const next = await provision(uniqueVendor(), { channels: ['voice'] });
    expect(next.done.agent_config.channels[0].phone_number).toBe(number);
    const { body: audit } = await api.get(`/api/v1/agents/${agentId}/audit`, service());
    expect(audit.events.map((event: { action: string }) => event.action).slice(-2)).toEqual(['delete', 'deleted']);
  });
});
