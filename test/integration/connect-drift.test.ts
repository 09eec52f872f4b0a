import type { INestApplication } from '@nestjs/common';
import {
  ConnectClient,
  DeleteContactFlowCommand,
  DeleteHoursOfOperationCommand,
  DeleteInstanceCommand,
  ReleasePhoneNumberCommand,
} from '@aws-sdk/client-connect';
import { DeleteFunctionCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { DeleteBotCommand, LexModelsV2Client } from '@aws-sdk/client-lex-models-v2';
import { connectAuditJobId, QueueName } from '@voca/contracts';
import { migrateDatabase } from '@voca/persistence';
import { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Reconciler } from '../../apps/context-service/src/reconciler/reconciler.js';
import { AwsEmulator } from '../emulators/aws/index.js';
import { dropScratchDatabase, testDatabase } from '../support/database.js';
import type { Api } from '../support/http.js';
import { closeAll, startGateway, startWorkers } from '../support/in-process.js';
import { forgetConnectRegion, liveConnectEnv } from '../support/live-connect.js';
import { localSample } from '../support/prometheus.js';
import { operationEnd } from '../support/operations.js';
import { cozyComfortRequest } from '../support/seed.js';
import { TEST_DATABASE_URL, TEST_REDIS_URL, testEnv, uniqueVendor } from '../support/test-env.js';
import { bearer, serviceToken } from '../support/tokens.js';
import { waitFor } from '../support/wait-for.js';

/**
 * Cloud state that drifted: the Connect instance the engine recorded is deleted in AWS by hand. The engine must find
 * out on first use, not retry blindly for every agent.
 */

const REGION = 'ca-central-1';
// A database of its own: the audit compares every agent of the region with this emulator, so no other test file's
// agents may be in it.
const scratchName = `voca_drift_${randomUUID().slice(0, 8)}`;
const scratchUrl = Object.assign(new URL(TEST_DATABASE_URL), { pathname: `/${scratchName}` }).toString();
await migrateDatabase(scratchUrl);
const admin = testDatabase();
const db = testDatabase(scratchUrl);
let aws: AwsEmulator;
let apps: INestApplication[] = [];
let api: Api;

const AUDIT_INTERVAL_MS = 3_600_000;
let env: Record<string, string>;

async function start(extra: Record<string, string> = {}): Promise<void> {
  await closeAll(apps);
  env = testEnv({
    ...liveConnectEnv(aws, REGION),
    DATABASE_URL: scratchUrl,
    CONNECT_AUDIT_INTERVAL_MS: String(AUDIT_INTERVAL_MS),
    ...extra,
  });
  const gateway = await startGateway(env);
  api = gateway.api;
  apps = [gateway.app, ...(await startWorkers(env))];
}

async function provisionVoice(context: Record<string, unknown> = {}) {
  const request = cozyComfortRequest(uniqueVendor(), { channels: ['voice'] });
  Object.assign(request.agent_config.context, context);
  const accepted = await api.post('/api/v1/agents/provision', request, bearer(serviceToken()));
  expect(accepted.status).toBe(202);
  const done = await operationEnd(api, accepted.body.status_url);
  return { done, step: done.steps.find((step: { name: string }) => step.name === 'aws_connect') };
}

/** Does something to the emulated AWS by hand, as an operator in the console would. */
async function byHand(act: (client: ConnectClient) => Promise<unknown>): Promise<void> {
  const client = new ConnectClient({
    region: REGION,
    endpoint: aws.url,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
  await act(client);
  client.destroy();
}

/** Deletes, in the Lex console as it were, the bot an alias ARN names. */
async function deleteBotByHand(aliasArn: string): Promise<void> {
  const lex = new LexModelsV2Client({
    region: REGION,
    endpoint: aws.url,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
  await lex.send(new DeleteBotCommand({ botId: aliasArn.split('/')[1], skipResourceInUseCheck: true }));
  lex.destroy();
}

const deleteInstance = (instanceId: string) =>
  byHand((c) => c.send(new DeleteInstanceCommand({ InstanceId: instanceId })));

type AuditReport = { audited: number; drifted: number; healed: number; failed: number };

/** Waits for the Connect drift audit job to end and returns its report. */
async function auditEnd(jobId: string, add?: (queue: Queue) => Promise<unknown>): Promise<AuditReport> {
  const queue = new Queue(QueueName.AwsConnect, { connection: { url: TEST_REDIS_URL }, prefix: env.QUEUE_PREFIX });
  try {
    await add?.(queue);
    return await waitFor(
      async () => {
        const job = await queue.getJob(jobId);
        if ((await job?.getState()) === 'failed') throw new Error(`the audit failed: ${job!.failedReason}`);
        return job?.returnvalue ?? undefined;
      },
      'the Connect drift audit to end',
      60_000,
    );
  } finally {
    await queue.close();
  }
}

/** One reconciler pass, and the audit it asks the aws-connect-worker for. */
async function auditByReconciler(): Promise<AuditReport> {
  await apps[3]!.get(Reconciler).pass();
  return auditEnd(connectAuditJobId(Math.floor(Date.now() / AUDIT_INTERVAL_MS)));
}

/** Another audit, asked for directly (the reconciler asks once per period). */
function auditAgain(): Promise<AuditReport> {
  const jobId = `audit-again-${randomUUID()}`;
  return auditEnd(jobId, (queue) => queue.add('connect.audit', { requestId: jobId }, { jobId }));
}

const agentChannel = async (agentId: string) =>
  (
    await db.query(
      `SELECT status, error, phone_number, provider_refs FROM agent_channels WHERE agent_id = $1 AND channel = 'voice'`,
      [agentId],
    )
  ).rows[0];

let goneConfiguredInstance: string;
const startedAt = new Date();
const activeInstances = () => aws.inventory().instances.filter((instance) => instance.status === 'ACTIVE');

beforeAll(async () => {
  aws = await AwsEmulator.start({ instanceActivationMs: 100, phoneClaimMs: 40, functionActivationMs: 40 });
  await forgetConnectRegion(db, REGION);
  Object.assign(process.env, liveConnectEnv(aws, REGION));
  await start();
});

afterAll(async () => {
  await closeAll(apps);
  await aws?.stop();
  await db.end();
  await dropScratchDatabase(admin, scratchName);
  await admin.end();
});

describe('a recorded Connect instance that AWS no longer has', () => {
  it('is found on first use and replaced, when the engine created it, without blind retries', async () => {
    const first = await provisionVoice();
    expect(first.done.status).toBe('completed');
    const [vanishing] = activeInstances();
    await deleteInstance(vanishing!.id);

    // Another worker process (or this one, a minute later) describes the recorded instance before using it.
    await start();
    const second = await provisionVoice();
    expect(second.done.status).toBe('completed');
    expect(second.step.attempts).toBe(1);
    const [replacement] = activeInstances();
    expect(replacement!.id).not.toBe(vanishing!.id);
    expect(second.done.agent_config.channels[0].aws_connect_instance_id).toBe(replacement!.arn);
    const rows = await db.query(
      `SELECT status, status_reason FROM connect_instances WHERE region = $1 AND instance_id = $2`,
      [REGION, vanishing!.id],
    );
    expect(rows.rows[0]).toMatchObject({
      status: 'vanished',
      status_reason: expect.stringContaining('no longer exists'),
    });
  });

  it('installs the voice Lambda again when it was deleted by hand', async () => {
    const [instance] = activeInstances();
    const functionName = `voca-voice-${instance!.id}`;
    expect(aws.inventory().functions.map((f) => f.name)).toContain(functionName);
    const lambda = new LambdaClient({
      region: REGION,
      endpoint: aws.url,
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    });
    await lambda.send(new DeleteFunctionCommand({ FunctionName: functionName }));
    lambda.destroy();

    await start();
    const { done, step } = await provisionVoice();
    expect(done.status).toBe('completed');
    expect(step.attempts).toBe(1);
    expect(aws.inventory().functions.map((f) => f.name)).toContain(functionName);
  });

  it("claims another number when an agent's number was released by hand", async () => {
    const { done } = await provisionVoice();
    const agentId = done.agent_id as string;
    const released = done.agent_config.channels[0].phone_number as string;
    const number = aws.inventory().phoneNumbers.find((n) => n.number === released)!;
    const client = new ConnectClient({
      region: REGION,
      endpoint: aws.url,
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    });
    await client.send(new ReleasePhoneNumberCommand({ PhoneNumberId: number.id }));
    client.destroy();

    const update = await api.put(
      `/api/v1/agents/${agentId}`,
      { character_config: { tone: 'formal' } },
      bearer(serviceToken()),
    );
    expect(update.status).toBe(202);
    const updated = await operationEnd(api, update.body.status_url);
    expect(updated.status).toBe('completed');
    const voice = updated.agent_config.channels[0];
    expect(voice).toMatchObject({ status: 'active', phone_number: expect.stringMatching(/^\+/) });
    expect(voice.phone_number).not.toBe(released);
  });

  it('is found by the audit the reconciler asks for, and what vanished is created again', async () => {
    await start();
    const { done } = await provisionVoice({
      timezone: 'America/New_York',
      opening_hours: ['MONDAY', 'TUESDAY'].map((day) => ({ day, open: '09:00', close: '18:00' })),
    });
    expect(done.status).toBe('completed');
    const agentId = done.agent_id as string;
    const before = await agentChannel(agentId);
    const { instanceId, contactFlowId, hoursOfOperationId, phoneNumberId } = before.provider_refs;
    expect(hoursOfOperationId).toBeTruthy();

    // An operator deletes the agent's flow and hours in the console and releases its number; no caller noticed yet.
    await byHand((c) => c.send(new DeleteContactFlowCommand({ InstanceId: instanceId, ContactFlowId: contactFlowId })));
    await byHand((c) =>
      c.send(new DeleteHoursOfOperationCommand({ InstanceId: instanceId, HoursOfOperationId: hoursOfOperationId })),
    );
    await byHand((c) => c.send(new ReleasePhoneNumberCommand({ PhoneNumberId: phoneNumberId })));

    const healedBefore = (await localSample('voca_connect_drift_total', { outcome: 'healed' })) ?? 0;
    const report = await auditByReconciler();
    expect(report.drifted).toBeGreaterThanOrEqual(1);
    expect(report.failed).toBe(0);
    expect((await localSample('voca_connect_drift_total', { outcome: 'healed' }))! - healedBefore).toBe(report.healed);
    const after = await agentChannel(agentId);
    expect(after).toMatchObject({ status: 'active', error: null });
    expect(after.phone_number).not.toBe(before.phone_number);
    const inventory = aws.inventory();
    const flow = inventory.contactFlows.find((f) => f.name === `voca-agent-${agentId}`);
    expect(flow?.id).toBe(after.provider_refs.contactFlowId);
    expect(inventory.hoursOfOperation.map((h) => h.id)).toContain(after.provider_refs.hoursOfOperationId);
    expect(inventory.phoneNumbers.find((n) => n.number === after.phone_number)).toMatchObject({
      contactFlowId: flow!.id,
    });

    // Nothing vanished since: the next audit only looks.
    const calls = aws.calls.length;
    const again = await auditAgain();
    expect(again).toMatchObject({ drifted: 0, failed: 0 });
    expect(again.audited).toBeGreaterThanOrEqual(1);
    const made = aws.calls.slice(calls).map((call) => call.operation);
    expect(made).toContain('DescribeHoursOfOperation');
    expect(made.filter((operation) => !/^(Describe|Get|List)/.test(operation))).toEqual([]);
  });

  it('makes the speech bot again when it was deleted by hand: the audit finds it, the flows listen through the new one', async () => {
    await start();
    const { done } = await provisionVoice();
    expect(done.status).toBe('completed');
    const agentId = done.agent_id as string;
    const before = (await agentChannel(agentId)).provider_refs;
    const deleted = before.speechBotAliasArn as string;
    expect(deleted).toMatch(/^arn:aws:lex:ca-central-1:123456789012:bot-alias\//);

    await deleteBotByHand(deleted);

    const report = await auditAgain();
    expect(report.drifted).toBeGreaterThanOrEqual(1);
    expect(report.failed).toBe(0);
    const after = await agentChannel(agentId);
    expect(after.status).toBe('active');
    const made = after.provider_refs.speechBotAliasArn as string;
    expect(made).not.toBe(deleted);
    const bots = aws.inventory().lexBots.filter((bot) => bot.name === `voca-speech-${before.instanceId}-en`);
    expect(bots).toHaveLength(1);
    expect(bots[0]!.aliases.map((alias) => alias.arn)).toEqual([made]);
    // The deleted bot's alias, which Connect keeps listing, is disassociated once the new one is associated.
    expect(aws.inventory().instances.find((i) => i.id === before.instanceId)!.lexBots).toEqual([made]);
    const flow = aws.inventory().contactFlows.find((f) => f.name === `voca-agent-${agentId}`)!;
    expect(flow.content).toContain(made);
    expect(flow.content).not.toContain(deleted);
  });

  it('with speech turned off, moves the agents to the keypad once when their bot is gone, then leaves them be', async () => {
    await start();
    const { done } = await provisionVoice();
    const agentId = done.agent_id as string;
    const aliasArn = (await agentChannel(agentId)).provider_refs.speechBotAliasArn as string;
    expect(aliasArn).toMatch(/^arn:aws:lex:/);

    await start({ AWS_CONNECT_SPEECH: 'off' });
    await deleteBotByHand(aliasArn);

    const first = await auditAgain();
    expect(first.drifted).toBeGreaterThanOrEqual(1);
    expect(first.failed).toBe(0);
    const after = await agentChannel(agentId);
    expect(after).toMatchObject({ status: 'active', error: null });
    expect(after.provider_refs.speechBotAliasArn).toBe('');
    const flow = aws.inventory().contactFlows.find((f) => f.name === `voca-agent-${agentId}`)!;
    expect(flow.content).toContain('keypad-menu');
    expect(flow.content).not.toContain(aliasArn);
    // The agents no longer use a bot: nothing is made again, and the next audit finds nothing to heal.
    const instanceId = after.provider_refs.instanceId as string;
    expect(aws.inventory().lexBots.filter((bot) => bot.name === `voca-speech-${instanceId}-en`)).toEqual([]);
    expect(await auditAgain()).toMatchObject({ drifted: 0, failed: 0 });
  });

  it("fails the step at once, saying what to do, when the operator's configured instance is gone", async () => {
    const [instance] = activeInstances();
    goneConfiguredInstance = instance!.id;
    await start({ AWS_CONNECT_INSTANCE_ID: instance!.id });
    expect((await provisionVoice()).done.status).toBe('completed');
    await deleteInstance(instance!.id);
    await start({ AWS_CONNECT_INSTANCE_ID: instance!.id });

    const calls = aws.calls.length;
    const { done, step } = await provisionVoice();
    expect(done.status).toBe('failed');
    expect(step).toMatchObject({ status: 'failed', attempts: 1 });
    expect(step.error).toMatch(/no longer exists.*AWS_CONNECT_INSTANCE_ID/);
    // One look at the instance, not five rounds of calls against it.
    expect(aws.calls.length - calls).toBeLessThanOrEqual(2);
  });

  it('marks the channels failed, saying what vanished and what to do, when the audit cannot re-create it', async () => {
    // The engine still names the deleted instance (AWS_CONNECT_INSTANCE_ID): nothing can be re-created on it.
    // This run's agents only: the test database keeps earlier runs' agents.
    const { rows } = await db.query(
      `SELECT c.agent_id FROM agent_channels c JOIN agents a ON a.id = c.agent_id
        WHERE c.provider_refs->>'instanceId' = $1 AND c.channel = 'voice' AND c.status = 'active' AND a.created_at >= $2`,
      [goneConfiguredInstance, startedAt],
    );
    expect(rows.length).toBeGreaterThan(0);
    const report = await auditAgain();
    expect(report.failed).toBeGreaterThan(0);
    for (const { agent_id: agentId } of rows) {
      const channel = await agentChannel(agentId);
      expect(channel.status).toBe('failed');
      expect(channel.error).toMatch(
        new RegExp(
          `the Connect instance ${goneConfiguredInstance} vanished from AWS and could not be re-created .*update the agent`,
        ),
      );
    }
  });
});
