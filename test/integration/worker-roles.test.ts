import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { contextServiceEnvSchema, validateEnv } from '@voca/config';
import { inboundJobId, QueueName } from '@voca/contracts';
import { Queue, QueueEvents } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ContextServiceModule } from '../../apps/context-service/src/context-service.module.js';
import { InboundConsumer } from '../../apps/context-service/src/conversations/inbound.consumer.js';
import { testEnv } from '../support/test-env.js';

/** One image, any role: a context-service told to consume only the message path's queues. */
const env = testEnv({
  WORKER_QUEUES: 'inbound,conversations',
  WORKER_CONCURRENCY: '3',
  WORKER_QUEUE_CONCURRENCY: 'inbound=7',
  // Completed jobs kept about two seconds, failed ones two days.
  RETENTION_COMPLETED_JOB_DAYS: '0.00002',
  RETENTION_FAILED_JOB_DAYS: '2',
});
let app: INestApplication;
let baseUrl: string;
const queues: Queue[] = [];

function queue(name: QueueName): Queue {
  const created = new Queue(name, { connection: { url: env.REDIS_URL }, prefix: env.QUEUE_PREFIX });
  queues.push(created);
  return created;
}

async function ready(): Promise<{ status: number; queues: Record<string, unknown> }> {
  const response = await fetch(`${baseUrl}/health/ready`);
  const body = (await response.json()) as { details: { queues: Record<string, unknown> } };
  return { status: response.status, queues: body.details.queues };
}

async function metric(line: string): Promise<number | undefined> {
  const text = await (await fetch(`${baseUrl}/metrics`)).text();
  const found = text.split('\n').find((candidate) => candidate.startsWith(line + ' '));
  return found === undefined ? undefined : Number(found.slice(line.length + 1));
}

beforeAll(async () => {
  const module = await Test.createTestingModule({
    imports: [ContextServiceModule.forEnv(validateEnv(contextServiceEnvSchema, env))],
  }).compile();
  app = module.createNestApplication({ logger: ['error', 'warn'] });
  await app.listen(0, '127.0.0.1');
  baseUrl = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
});

afterAll(async () => {
  await Promise.all(queues.map((created) => created.close()));
  await app?.close();
});

describe('worker roles from the environment', () => {
  it('consumes only the queues WORKER_QUEUES names, and leaves the others to other processes', async () => {
    const workers = async (name: QueueName) => (await queue(name).getWorkers()).length;
    expect(await workers(QueueName.Inbound)).toBe(1);
    expect(await workers(QueueName.Conversations)).toBe(1);
    expect(await workers(QueueName.Context)).toBe(0);
    expect(await workers(QueueName.Provisioning)).toBe(0);
  });

  it('readiness names what the process consumes and what it leaves', async () => {
    expect(await ready()).toEqual({
      status: 200,
      queues: { status: 'up', consuming: ['inbound', 'conversations'], left: ['context', 'provisioning', 'knowledge'] },
    });
  });

  it('reports each queue consumed, with its concurrency (per queue, else WORKER_CONCURRENCY)', async () => {
    expect(await metric('voca_worker_consuming{queue="inbound",app="context-service"}')).toBe(1);
    expect(await metric('voca_worker_consuming{queue="context",app="context-service"}')).toBe(0);
    expect(await metric('voca_worker_concurrency{queue="inbound",app="context-service"}')).toBe(7);
    expect(await metric('voca_worker_concurrency{queue="conversations",app="context-service"}')).toBe(3);
    expect(await metric('voca_worker_concurrency{queue="provisioning",app="context-service"}')).toBe(0);
  });

  it('is not ready while a queue it should consume is not taking jobs, and ready again once it is', async () => {
    const inbound = app.get(InboundConsumer);
    await inbound.worker.pause(true);
    try {
      expect(await ready()).toEqual({
        status: 503,
        queues: {
          status: 'down',
          consuming: ['conversations'],
          stopped: ['inbound'],
          left: ['context', 'provisioning', 'knowledge'],
        },
      });
      expect(await metric('voca_worker_consuming{queue="inbound",app="context-service"}')).toBe(0);
    } finally {
      await inbound.worker.resume();
    }
    expect((await ready()).status).toBe(200);
  });

  it('keeps finished jobs in Redis as RETENTION_*_JOB_DAYS say', async () => {
    const consumer = app.get(InboundConsumer);
    expect(consumer.worker.opts).toMatchObject({ removeOnComplete: { age: 2 }, removeOnFail: { age: 172_800 } });
    const inbound = queue(QueueName.Inbound);
    const events = new QueueEvents(QueueName.Inbound, { connection: { url: env.REDIS_URL }, prefix: env.QUEUE_PREFIX });
    try {
      await events.waitUntilReady();
      // A message no record holds: the consumer completes its job with nothing to do.
      const finished = async () => {
        const messageId = randomUUID();
        const job = await inbound.add('inbound.message', { messageId }, { jobId: inboundJobId(messageId) });
        await job.waitUntilFinished(events, 10_000);
        return job.id!;
      };
      const first = await finished();
      expect(await inbound.getJob(first)).toBeDefined();
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      // BullMQ removes what aged past the setting as later jobs complete.
      const second = await finished();
      expect(await inbound.getJob(first)).toBeUndefined();
      expect(await inbound.getJob(second)).toBeDefined();
    } finally {
      await events.close();
    }
  });
});
