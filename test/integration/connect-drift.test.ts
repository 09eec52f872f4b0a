import type { INestApplication } from '@nestjs/common';
import { ConnectClient, DeleteInstanceCommand, ReleasePhoneNumberCommand } from '@aws-sdk/client-connect';
import { DeleteFunctionCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AwsEmulator } from '../emulators/aws/index.js';
import { testDatabase } from '../support/database.js';
import type { Api } from '../support/http.js';
import { closeAll, startGateway, startWorkers } from '../support/in-process.js';
import { forgetConnectRegion, liveConnectEnv } from '../support/live-connect.js';
import { operationEnd } from '../support/operations.js';
import { cozyComfortRequest } from '../support/seed.js';
import { testEnv, uniqueVendor } from '../support/test-env.js';
import { bearer, serviceToken } from '../support/tokens.js';

/**
 * Cloud state that drifted: the Connect instance the engine recorded is deleted in AWS by hand. The engine must find
 * out on first use, not retry blindly for every agent.
 */

const REGION = 'ca-central-1';
const db = testDatabase();
let aws: AwsEmulator;
let apps: INestApplication[] = [];
let api: Api;

async function start(extra: Record<string, string> = {}): Promise<void> {
  await closeAll(apps);
  const env = testEnv({ ...liveConnectEnv(aws, REGION), ...extra });
  const gateway = await startGateway(env);
  api = gateway.api;
  apps = [gateway.app, ...(await startWorkers(env))];
}

async function provisionVoice() {
  const accepted = await api.post('/api/v1/agents/provision', cozyComfortRequest(uniqueVendor(), { channels: ['voice'] }), bearer(serviceToken()));
  expect(accepted.status).toBe(202);
  const done = await operationEnd(api, accepted.body.status_url);
  return { done, step: done.steps.find((step: { name: string }) => step.name === 'aws_connect') };
}

async function deleteInstance(instanceId: string): Promise<void> {
  const client = new ConnectClient({ region: REGION, endpoint: aws.url, credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
  await client.send(new DeleteInstanceCommand({ InstanceId: instanceId }));
  client.destroy();
}

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
    const rows = await db.query(`SELECT status, status_reason FROM connect_instances WHERE region = $1 AND instance_id = $2`, [REGION, vanishing!.id]);
    expect(rows.rows[0]).toMatchObject({ status: 'vanished', status_reason: expect.stringContaining('no longer exists') });
  });

  it('installs the voice Lambda again when it was deleted by hand', async () => {
    const [instance] = activeInstances();
    const functionName = `voca-voice-${instance!.id}`;
    expect(aws.inventory().functions.map((f) => f.name)).toContain(functionName);
    const lambda = new LambdaClient({ region: REGION, endpoint: aws.url, credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
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
    const client = new ConnectClient({ region: REGION, endpoint: aws.url, credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
    await client.send(new ReleasePhoneNumberCommand({ PhoneNumberId: number.id }));
    client.destroy();

    const update = await api.put(`/api/v1/agents/${agentId}`, { character_config: { tone: 'formal' } }, bearer(serviceToken()));
    expect(update.status).toBe(202);
    const updated = await operationEnd(api, update.body.status_url);
    expect(updated.status).toBe('completed');
    const voice = updated.agent_config.channels[0];
    expect(voice).toMatchObject({ status: 'active', phone_number: expect.stringMatching(/^\+/) });
    expect(voice.phone_number).not.toBe(released);
  });

  it("fails the step at once, saying what to do, when the operator's configured instance is gone", async () => {
    const [instance] = activeInstances();
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
});
