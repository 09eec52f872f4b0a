import type { INestApplication } from '@nestjs/common';
import { CONNECT_PROVISIONER, type ConnectProvisioner } from '@voca/aws-connect';
import { UnrecoverableError } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../support/database.js';
import type { Api } from '../support/http.js';
import { closeAll, startGateway, startWorkers } from '../support/in-process.js';
import { cozyComfortRequest } from '../support/seed.js';
import { testEnv, uniqueVendor } from '../support/test-env.js';
import { bearer, serviceToken } from '../support/tokens.js';
import { operationEnd } from '../support/operations.js';

/** An Amazon Connect that refuses every flow; `unrecoverable` agents get an error retrying cannot fix. */
class RefusingConnect implements ConnectProvisioner {
  readonly mode = 'refusing';
  readonly calls = new Map<string, number>();

  async provision({ agentId, profile }: Parameters<ConnectProvisioner['provision']>[0]): Promise<never> {
    this.calls.set(agentId, (this.calls.get(agentId) ?? 0) + 1);
    // A cloud call that never returns (no timeout of its own).
    if (profile.name === 'hangs') return new Promise<never>(() => undefined);
    if (profile.name === 'unrecoverable') throw new UnrecoverableError('ServiceQuotaExceededException: phone numbers');
    throw new Error('InvalidContactFlowException: the flow failed validation');
  }

  async deprovision(): Promise<void> {}

  async vanished(): Promise<string[]> {
    return [];
  }

  forgetVerified(): void {}
}

const env = testEnv({ STEP_ATTEMPTS: '3', STEP_BACKOFF_MS: '20', STEP_TIMEOUT_MS: '400' });
const connect = new RefusingConnect();
const db = testDatabase();
let gateway: INestApplication;
let workers: INestApplication[];
let api: Api;

beforeAll(async () => {
  ({ app: gateway, api } = await startGateway(env));
  workers = await startWorkers(env, [{ provide: CONNECT_PROVISIONER, useValue: connect }]);
});

afterAll(async () => {
  await closeAll(workers);
  await gateway.close();
  await db.end();
});

async function provisionAndWait(overrides: Record<string, unknown>) {
  const accepted = await api.post(
    '/api/v1/agents/provision',
    cozyComfortRequest(uniqueVendor(), overrides),
    bearer(serviceToken()),
  );
  expect(accepted.status).toBe(202);
  const done = await operationEnd(api, accepted.body.status_url, 20_000);
  return { accepted: accepted.body, done };
}

describe('a step that keeps failing', () => {
  it('retries with backoff, then ends the operation partially completed with the step error', async () => {
    const { accepted, done } = await provisionAndWait({});
    expect(done.status).toBe('partially_completed');
    const connectStep = done.steps.find((step: { name: string }) => step.name === 'aws_connect');
    expect(connectStep).toMatchObject({ status: 'failed', attempts: 3, max_attempts: 3 });
    expect(connectStep.error).toContain('InvalidContactFlowException: the flow failed validation');
    expect(connect.calls.get(accepted.agent_id)).toBe(3);
    expect(done.error).toBe('aws_connect: InvalidContactFlowException: the flow failed validation');

    const channels = Object.fromEntries(
      done.agent_config.channels.map((c: { channel_type: string }) => [c.channel_type, c]),
    );
    expect(channels.voice).toMatchObject({
      status: 'failed',
      error: expect.stringContaining('InvalidContactFlowException'),
    });
    expect(channels.voice.phone_number).toBeUndefined();
    expect(channels.whatsapp.status).toBe('pending_configuration');
    expect(done.agent_config.status).toBe('partially_active');
    const agent = await db.query('SELECT status FROM agents WHERE id = $1', [accepted.agent_id]);
    expect(agent.rows[0].status).toBe('partially_active');
  });

  it('fails the operation when its only channel cannot be provisioned', async () => {
    const { done } = await provisionAndWait({ channels: ['voice', 'sms'] });
    expect(done.status).toBe('failed');
    expect(done.agent_config.status).toBe('failed');
    expect(done.agent_config.channels.map((c: { status: string }) => c.status)).toEqual(['failed', 'failed']);
  });

  it('does not retry an error that retrying cannot fix', async () => {
    const { accepted, done } = await provisionAndWait({ name: 'unrecoverable', channels: ['voice'] });
    expect(done.status).toBe('failed');
    const connectStep = done.steps.find((step: { name: string }) => step.name === 'aws_connect');
    expect(connectStep).toMatchObject({ status: 'failed', attempts: 1 });
    expect(connectStep.error).toBe('ServiceQuotaExceededException: phone numbers');
    expect(connect.calls.get(accepted.agent_id)).toBe(1);
  });

  it('fails an attempt that hangs past STEP_TIMEOUT_MS, and retries it, instead of holding its job forever', async () => {
    const { accepted, done } = await provisionAndWait({ name: 'hangs', channels: ['voice', 'whatsapp'] });
    expect(done.status).toBe('partially_completed');
    const connectStep = done.steps.find((step: { name: string }) => step.name === 'aws_connect');
    expect(connectStep).toMatchObject({ status: 'failed', attempts: 3 });
    expect(connectStep.error).toContain('did not finish within 400 ms (STEP_TIMEOUT_MS)');
    // The hung call still holds the agent's lock, so the later attempts wait for it (and time out) rather than run
    // the agent's cloud step twice at once.
    expect(connect.calls.get(accepted.agent_id)).toBe(1);
  });
});
