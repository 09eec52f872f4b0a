import type { INestApplication } from '@nestjs/common';
import { getFlowProducerToken } from '@nestjs/bullmq';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { gatewayEnvSchema, validateEnv } from '@voca/config';
import { PROVISIONING_FLOW } from '@voca/queue';
import { FlowProducer } from 'bullmq';
import { afterAll, describe, expect, it } from 'vitest';
import { configureGateway } from '../../apps/api-gateway/src/configure-gateway.js';
import { GatewayModule } from '../../apps/api-gateway/src/gateway.module.js';
import { freePort } from '../support/app-processes.js';
import { testDatabase } from '../support/database.js';
import { Api } from '../support/http.js';
import { closeAll, startGateway, startWorkers } from '../support/in-process.js';
import { cozyComfortRequest } from '../support/seed.js';
import { testEnv, uniqueVendor } from '../support/test-env.js';
import { bearer, serviceToken } from '../support/tokens.js';
import { waitFor } from '../support/wait-for.js';

const env = testEnv({ OUTBOX_RELAY_INTERVAL_MS: '300' });
const db = testDatabase();
const running: INestApplication[] = [];

afterAll(async () => {
  await closeAll(running);
  await db.end();
});

/** A gateway whose flow producer points at a Redis that is not there, as when Redis is down at request time. */
async function gatewayWithRedisDown(): Promise<{ app: INestApplication; api: Api; producer: FlowProducer }> {
  const parsed = validateEnv(gatewayEnvSchema, env);
  const producer = new FlowProducer({
    connection: { host: '127.0.0.1', port: await freePort(), enableOfflineQueue: false, retryStrategy: () => null },
    prefix: parsed.QUEUE_PREFIX,
  });
  producer.on('error', () => undefined);
  const moduleRef = await Test.createTestingModule({ imports: [GatewayModule.forEnv(parsed)] })
    .overrideProvider(getFlowProducerToken(PROVISIONING_FLOW))
    .useValue(producer)
    .compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ logger: false });
  await configureGateway(app, parsed);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as { port: number };
  return { app, api: new Api(`http://127.0.0.1:${port}`), producer };
}

describe('when Redis refuses the flow at request time', () => {
  it('still records the request, and the outbox relay enqueues it once Redis is reachable', async () => {
    const down = await gatewayWithRedisDown();
    const vendor = uniqueVendor();
    const accepted = await down.api.post(
      '/api/v1/agents/provision',
      cozyComfortRequest(vendor),
      bearer(serviceToken()),
    );
    expect(accepted.status).toBe(202);
    const recorded = await db.query('SELECT status, enqueued_at FROM provisioning_operations WHERE id = $1', [
      accepted.body.provisioning_id,
    ]);
    expect(recorded.rows[0]).toMatchObject({ status: 'queued', enqueued_at: null });
    await down.app.close();
    await down.producer.close();

    const { app, api } = await startGateway(env);
    running.push(app, ...(await startWorkers(env)));
    const done = await waitFor(async () => {
      const { body } = await api.get(accepted.body.status_url, bearer(serviceToken()));
      return body.status === 'completed' ? body : undefined;
    }, 'the relayed operation to complete');
    expect(done.steps.every((step: { attempts: number }) => step.attempts === 1)).toBe(true);
    const enqueued = await db.query('SELECT enqueued_at FROM provisioning_operations WHERE id = $1', [
      accepted.body.provisioning_id,
    ]);
    expect(enqueued.rows[0].enqueued_at).toBeInstanceOf(Date);
  });
});
