import { contactFlowNameOf } from '@voca/aws-connect';
import { compensationJobId, QueueName } from '@voca/contracts';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AwsEmulator } from '../emulators/aws/index.js';
import { AppProcess, Engine, freePort } from '../support/app-processes.js';
import { EventReceiver } from '../support/event-receiver.js';
import { testDatabase } from '../support/database.js';
import { Api } from '../support/http.js';
import { forgetConnectRegion, liveConnectEnv } from '../support/live-connect.js';
import { operationEnd } from '../support/operations.js';
import { cozyComfortRequest } from '../support/seed.js';
import { testEnv, uniqueVendor } from '../support/test-env.js';
import { waitFor } from '../support/wait-for.js';
import { bearer, vendorToken } from '../support/tokens.js';

/**
 * Retrying a failed operation, and an agent's operations, through the four apps with live Connect on the AWS emulator.
 */
const REGION = 'sa-east-1';
const db = testDatabase();
const vendor = uniqueVendor();
let aws: AwsEmulator;
let engine: Engine;
let api: Api;
let env: Record<string, string>;
let receiver: EventReceiver;
/** A worker started again by a test, in place of the engine's: stopped with the engine. */
let replacement: AppProcess | undefined;

beforeAll(async () => {
  aws = await AwsEmulator.start({ instanceActivationMs: 100, phoneClaimMs: 50, functionActivationMs: 50 });
  await forgetConnectRegion(db, REGION);
  receiver = await EventReceiver.start();
  env = testEnv({
    ...liveConnectEnv(aws, REGION),
    STEP_BACKOFF_MS: '50',
    EVENT_DELIVERY: 'on',
    EVENT_POLL_INTERVAL_MS: '100',
  });
  engine = await Engine.start(env);
  api = new Api(engine.gatewayUrl, bearer(vendorToken(vendor)));
  const endpoint = await api.post('/api/v1/event-endpoints', {
    url: receiver.url,
    events: [
      'operation.completed',
      'operation.failed',
      'operation.partially_completed',
      'operation.cancelled',
      'channel.failed',
    ],
  });
  expect(endpoint.status).toBe(201);
  receiver.secret = endpoint.body.secret;
}, 120_000);

afterAll(async () => {
  await replacement?.stop();
  await engine?.stop();
  await receiver?.stop();
  await aws?.stop();
  await db.end();
});

/** The events the backend's endpoint accepted for an agent, once there are `count` of them. */
const eventsFor = (agentId: string, count: number) =>
  waitFor(async () => {
    const events = receiver.accepted((event) => event.agent_id === agentId);
    return events.length >= count ? events : undefined;
  }, `${count} events for ${agentId}`);

describe('POST /api/v1/provisioning/{id}/retry', () => {
  it('runs again only what failed, as a new operation, and the agent ends active', async () => {
    // Connect refuses the number claims for a while (a quota: not retried within the step).
    aws.failNext('ClaimPhoneNumber', 'ServiceQuotaExceededException', 20);
    const accepted = await api.post(
      '/api/v1/agents/provision',
      cozyComfortRequest(vendor, { channels: ['voice', 'whatsapp'] }),
    );
    expect(accepted.status).toBe(202);
    const agentId: string = accepted.body.agent_id;
    const first = await operationEnd(api, accepted.body.status_url, 60_000, {});
    expect(first.status).toBe('partially_completed');
    expect(
      first.agent_config.channels.map((c: { channel_type: string; status: string }) => `${c.channel_type}:${c.status}`),
    ).toEqual(['voice:failed', 'whatsapp:pending_configuration']);

    aws.clearFaults();
    const retried = await api.post(`/api/v1/provisioning/${first.provisioning_id}/retry`, {});
    expect(retried.status).toBe(202);
    expect(retried.body).toMatchObject({ agent_id: agentId, status: 'queued' });
    expect(retried.headers.get('location')).toBe(retried.body.status_url);
    expect(retried.body.provisioning_id).not.toBe(first.provisioning_id);

    const second = await operationEnd(api, retried.body.status_url, 60_000, {});
    expect(second.status).toBe('completed');
    // Only the Amazon Connect step ran again (the channels' other steps had completed).
    expect(second.steps.map((step: { name: string }) => step.name)).toEqual(['aws_connect', 'finalize']);
    const voice = second.agent_config.channels.find((c: { channel_type: string }) => c.channel_type === 'voice');
    expect(voice).toMatchObject({ status: 'active' });
    expect(voice.phone_number).toMatch(/^\+1\d{10}$/);
    const agent = await api.get(`/api/v1/agents/${agentId}`);
    expect(agent.body.status).toBe('active');
    // One contact flow for the agent (the first operation's was compensated away or reused), with the claimed number.
    const flows = aws.inventory().contactFlows.filter((flow) => flow.name === contactFlowNameOf(agentId));
    expect(flows).toHaveLength(1);

    const operations = await api.get(`/api/v1/agents/${agentId}/operations`);
    expect(operations.status).toBe(200);
    expect(
      operations.body.items.map((o: { provisioning_id: string; status: string; retry_of?: string }) => [
        o.provisioning_id,
        o.status,
        o.retry_of,
      ]),
    ).toEqual([
      [second.provisioning_id, 'completed', first.provisioning_id],
      [first.provisioning_id, 'partially_completed', undefined],
    ]);
    expect(operations.body.items[1]).toMatchObject({
      kind: 'provision',
      error: expect.stringContaining('aws_connect'),
      status_url: accepted.body.status_url,
    });
    const audit = await api.get(`/api/v1/agents/${agentId}/audit`);
    expect(audit.body.events.map((e: { action: string }) => e.action)).toContain('retry');
    // The backend heard: the voice channel failed, the first operation ended partly, the retry completed.
    const heard = await eventsFor(agentId, 3);
    expect(heard.map((event) => [event.type, event.data.provisioning_id])).toEqual([
      ['channel.failed', first.provisioning_id],
      ['operation.partially_completed', first.provisioning_id],
      ['operation.completed', second.provisioning_id],
    ]);
    expect(heard[0]!.data).toMatchObject({ channel_type: 'voice', error: expect.stringContaining('aws_connect') });

    // Nothing is left to retry: the completed one is refused, and so is the older one.
    expect((await api.post(`/api/v1/provisioning/${second.provisioning_id}/retry`, {})).status).toBe(409);
    const older = await api.post(`/api/v1/provisioning/${first.provisioning_id}/retry`, {});
    expect(older.status).toBe(409);
    expect(older.body.message).toContain(second.provisioning_id);
  });

  it("keeps what the retry provisioned when the first operation's compensation runs after it", async () => {
    // The first operation's clean-up (compensation of its failed voice channel) fails once, so it runs again after
    // its backoff, by which time the retry has taken the channel over.
    const deletes = () => aws.calls.filter((call) => call.operation === 'DeleteContactFlow').length;
    const deletesBefore = deletes();
    aws.failNext('ClaimPhoneNumber', 'ServiceQuotaExceededException', 20);
    aws.failNext('DeleteContactFlow', 'InternalServiceException', 2);
    const accepted = await api.post('/api/v1/agents/provision', cozyComfortRequest(vendor, { channels: ['voice'] }));
    const agentId: string = accepted.body.agent_id;
    const first = await operationEnd(api, accepted.body.status_url, 60_000, {});
    expect(first.status).toBe('failed');
    expect((await eventsFor(agentId, 2)).map((event) => event.type)).toEqual(['channel.failed', 'operation.failed']);
    await waitFor(async () => deletes() >= deletesBefore + 2 || undefined, 'the compensation to fail once');
    aws.clearFaults();

    const retried = await api.post(`/api/v1/provisioning/${first.provisioning_id}/retry`, {});
    expect(retried.status).toBe(202);
    expect((await operationEnd(api, retried.body.status_url, 60_000, {})).status).toBe('completed');

    const queue = new Queue(QueueName.AwsConnect, { connection: { url: env.REDIS_URL! }, prefix: env.QUEUE_PREFIX });
    try {
      const job = await waitFor(
        async () => {
          const compensation = await queue.getJob(compensationJobId(first.provisioning_id, agentId));
          return compensation?.finishedOn ? compensation : undefined;
        },
        'the compensation to run again',
        20_000,
      );
      expect(job.returnvalue).toEqual({ removed: false });
    } finally {
      await queue.close();
    }
    const agent = await api.get(`/api/v1/agents/${agentId}`);
    expect(agent.body).toMatchObject({ status: 'active', channels: [{ channel_type: 'voice', status: 'active' }] });
    expect(aws.inventory().contactFlows.filter((flow) => flow.name === contactFlowNameOf(agentId))).toHaveLength(1);
    expect(deletes()).toBe(deletesBefore + 2);
  });

  it("answers 404 for another vendor's operation and a 400 naming the id for a bad one", async () => {
    const accepted = await api.post('/api/v1/agents/provision', cozyComfortRequest(vendor, { channels: ['whatsapp'] }));
    await operationEnd(api, accepted.body.status_url, 60_000, {});
    const other = new Api(engine.gatewayUrl, bearer(vendorToken(uniqueVendor())));
    expect((await other.post(`/api/v1/provisioning/${accepted.body.provisioning_id}/retry`, {})).status).toBe(404);
    expect((await other.get(`/api/v1/agents/${accepted.body.agent_id}/operations`)).status).toBe(404);
    const bad = await api.post('/api/v1/provisioning/not-a-uuid/retry', {});
    expect(bad.status).toBe(400);
    expect(bad.body.fields[0].field).toBe('id');
  });

  it('pages the operations list with a cursor', async () => {
    const accepted = await api.post('/api/v1/agents/provision', cozyComfortRequest(vendor, { channels: ['whatsapp'] }));
    const agentId: string = accepted.body.agent_id;
    await operationEnd(api, accepted.body.status_url, 60_000, {});
    const renamed = await api.put(`/api/v1/agents/${agentId}`, { description: 'Now with weighted blankets' });
    expect(renamed.status).toBe(202);
    await operationEnd(api, renamed.body.status_url, 60_000, {});
    const page1 = await api.get(`/api/v1/agents/${agentId}/operations?limit=1`);
    expect(page1.body.items).toHaveLength(1);
    expect(page1.body.items[0].kind).toBe('update');
    const page2 = await api.get(`/api/v1/agents/${agentId}/operations?limit=1&before=${page1.body.next_cursor}`);
    expect(page2.body.items.map((o: { kind: string }) => o.kind)).toEqual(['provision']);
    expect(page2.body.next_cursor).toBeNull();
    expect((await api.get(`/api/v1/agents/${agentId}/operations?limit=0`)).status).toBe(400);
  });
});

describe('POST /api/v1/provisioning/{id}/cancel', () => {
  it('skips the steps that have not started, removes what ran, and ends cancelled', async () => {
    // The ElizaOS step waits in its queue (no worker), and the Connect step is in the middle of a number claim.
    await engine.app('elizaos-worker').stop();
    const held = aws.holdNext('ClaimPhoneNumber');
    const accepted = await api.post(
      '/api/v1/agents/provision',
      cozyComfortRequest(vendor, { channels: ['voice', 'whatsapp'] }),
    );
    const agentId: string = accepted.body.agent_id;
    await held;

    const cancelled = await api.post(`/api/v1/provisioning/${accepted.body.provisioning_id}/cancel`, {});
    expect(cancelled.status).toBe(202);
    expect(cancelled.body).toMatchObject({
      provisioning_id: accepted.body.provisioning_id,
      agent_id: agentId,
      status: 'in_progress',
    });
    expect((await api.post(`/api/v1/provisioning/${accepted.body.provisioning_id}/cancel`, {})).status).toBe(202);
    aws.releaseHeld();
    replacement = AppProcess.spawn('elizaos-worker', env, await freePort());
    await replacement.ready();
    const done = await operationEnd(api, accepted.body.status_url, 60_000, {});
    expect(done.status).toBe('cancelled');
    const stepOf = (name: string) => done.steps.find((step: { name: string }) => step.name === name);
    expect(stepOf('aws_connect')).toMatchObject({ status: 'completed' });
    expect(stepOf('elizaos')).toMatchObject({ status: 'failed', error: 'cancelled before it started' });
    expect(done.agent_config).toMatchObject({ status: 'failed' });
    expect(done.agent_config.channels.map((c: { status: string; error: string }) => [c.status, c.error])).toEqual([
      ['failed', 'cancelled on request'],
      ['failed', 'cancelled on request'],
    ]);
    // What the Connect step created (the agent's flow, its number) is removed.
    await waitFor(
      async () =>
        aws.inventory().contactFlows.some((flow) => flow.name === contactFlowNameOf(agentId)) ? undefined : true,
      "the cancelled agent's contact flow to be removed",
    );
    const agent = await waitFor(async () => {
      const { body } = await api.get(`/api/v1/agents/${agentId}`);
      return body.channels.find((c: { channel_type: string }) => c.channel_type === 'voice').phone_number
        ? undefined
        : body;
    }, 'the number to be released');
    expect(agent.status).toBe('failed');
    expect(
      (await api.get(`/api/v1/agents/${agentId}/audit`)).body.events.map((e: { action: string }) => e.action),
    ).toContain('cancel');
    const [event] = await eventsFor(agentId, 1);
    expect(event).toMatchObject({
      type: 'operation.cancelled',
      data: { provisioning_id: accepted.body.provisioning_id, status: 'cancelled', error: 'cancelled on request' },
    });
    expect((await api.post(`/api/v1/provisioning/${accepted.body.provisioning_id}/cancel`, {})).status).toBe(409);
  });

  it('refuses to cancel an update, and answers 404 for another vendor', async () => {
    const accepted = await api.post('/api/v1/agents/provision', cozyComfortRequest(vendor, { channels: ['whatsapp'] }));
    await operationEnd(api, accepted.body.status_url, 60_000, {});
    const other = new Api(engine.gatewayUrl, bearer(vendorToken(uniqueVendor())));
    expect((await other.post(`/api/v1/provisioning/${accepted.body.provisioning_id}/cancel`, {})).status).toBe(404);
    const update = await api.put(`/api/v1/agents/${accepted.body.agent_id}`, {
      description: 'Now with silk pillowcases',
    });
    expect(update.status).toBe(202);
    const refused = await api.post(`${update.body.status_url}/cancel`, {});
    expect(refused.status).toBe(409);
    expect(refused.body.message).toContain('an update');
  });
});
