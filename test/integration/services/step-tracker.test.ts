import { Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ClientProxyFactory, Transport } from '@nestjs/microservices';
import {
  PROVISIONING_PROGRESS_PATTERN,
  provisioningJobId,
  QueueName,
  type ChannelStepJobData,
  type ProvisioningProgressEvent,
} from '@voca/contracts';
import {
  CANCELLED_STEP_ERROR,
  ProgressPublisher,
  requireAgent,
  STEP_DURATION_METRIC,
  StepTracker,
} from '@voca/provisioning';
import { EventPublisher, JOB_PRESETS, pubSubTransportOptions, redisConnectionOptions } from '@voca/queue';
import { Queue, QueueEvents, RateLimitError, UnrecoverableError, Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import { Histogram, Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase, testDataSource } from '../../support/database.js';
import { TEST_REDIS_URL } from '../../support/test-env.js';
import { waitFor } from '../../support/wait-for.js';

/**
 * StepTracker against the real database and Redis: what a step's run writes on provisioning_steps (and its
 * operation), what it announces on pub/sub, and how it reads BullMQ's attempts. Steps run on jobs of this file's
 * own queue prefixes; the jobs run directly here take no worker, those of the worked queue take this file's worker.
 */

type StepJob = Job<ChannelStepJobData>;
type Work = () => Promise<unknown>;

const sql = testDatabase();
const connection = { ...redisConnectionOptions(TEST_REDIS_URL), enableOfflineQueue: false };
const suffix = randomUUID().slice(0, 8);
/** Jobs the tests hand to the tracker themselves. */
const steps = new Queue<ChannelStepJobData>(QueueName.Context, { connection, prefix: `{voca-test-tracker-${suffix}}` });
/** Jobs this file's worker runs through the tracker, with BullMQ's retries. */
const workedPrefix = `{voca-test-tracker-worked-${suffix}}`;
const worked = new Queue<ChannelStepJobData>(QueueName.Context, { connection, prefix: workedPrefix });
const works = new Map<string, Work>();
const ticks: ProvisioningProgressEvent[] = [];
const agentIds: string[] = [];
let db: DataSource;
let events: EventPublisher;
let listener: Redis;
let worker: Worker<ChannelStepJobData>;
let workedEvents: QueueEvents;

beforeAll(async () => {
  // The tracker logs every attempt these tests provoke; what it records is asserted instead.
  Logger.overrideLogger(false);
  db = await testDataSource('step-tracker-test');
  events = new EventPublisher(
    ClientProxyFactory.create({ transport: Transport.REDIS, options: pubSubTransportOptions(TEST_REDIS_URL) }),
  );
  listener = new Redis(TEST_REDIS_URL);
  listener.on('message', (_channel: string, message: string) => ticks.push(JSON.parse(message).data));
  await listener.subscribe(PROVISIONING_PROGRESS_PATTERN);

  const { tracker } = makeTracker();
  worker = new Worker<ChannelStepJobData>(
    QueueName.Context,
    (job) => tracker.run(job, 'context', works.get(job.data.operationId) ?? missingWork),
    { connection: { ...redisConnectionOptions(TEST_REDIS_URL), maxRetriesPerRequest: null }, prefix: workedPrefix },
  );
  workedEvents = new QueueEvents(QueueName.Context, { connection: { url: TEST_REDIS_URL }, prefix: workedPrefix });
  await Promise.all([worker.waitUntilReady(), workedEvents.waitUntilReady()]);
});

afterAll(async () => {
  await worker.close();
  await workedEvents.close();
  for (const queue of [steps, worked]) {
    await queue.obliterate({ force: true });
    await queue.close();
  }
  await events.onApplicationShutdown();
  await listener.quit();
  // Deleting the agents takes their operations and steps with them (cascade).
  await sql.query('DELETE FROM agents WHERE id = ANY($1)', [agentIds]);
  await sql.end();
  await db.destroy();
});

describe('StepTracker.run', () => {
  it('marks the step running and its operation in progress, then records the step completed and returns the result', async () => {
    const op = await seedOperation();
    const { tracker, duration } = makeTracker();
    let whileRunning: StepRow | undefined;

    const result = await tracker.run(await stepJob(op, 3), 'context', async () => {
      whileRunning = await stepRow(op.operationId);
      return { facts: 7 };
    });

    expect(result).toEqual({ facts: 7 });
    expect(whileRunning).toMatchObject({ status: 'running', attempts: 1, finished_at: null });
    expect(whileRunning!.started_at).toBeInstanceOf(Date);
    const row = await stepRow(op.operationId);
    expect(row).toMatchObject({ status: 'completed', attempts: 1, error: null });
    expect(row.finished_at!.getTime()).toBeGreaterThanOrEqual(row.started_at!.getTime());
    const operation = await operationRow(op.operationId);
    expect(operation.status).toBe('in_progress');
    expect(operation.started_at).toBeInstanceOf(Date);
    expect(await ticksOf(op.operationId, 2)).toEqual([
      { operationId: op.operationId, step: 'context', stepStatus: 'running', operationStatus: 'in_progress' },
      { operationId: op.operationId, step: 'context', stepStatus: 'completed' },
    ]);
    expect(await observations(duration, 'completed')).toBe(1);
  });

  it('records a failure on an attempt BullMQ will repeat as retrying, with a readable error, and rethrows it', async () => {
    const op = await seedOperation();
    const { tracker, duration } = makeTracker();
    const error = new TypeError('fetch failed:\n   connect ECONNREFUSED 10.0.0.1:443');

    await expect(tracker.run(await stepJob(op, 3), 'context', () => Promise.reject(error))).rejects.toBe(error);

    expect(await stepRow(op.operationId)).toMatchObject({
      status: 'retrying',
      attempts: 1,
      error: 'TypeError: fetch failed: connect ECONNREFUSED 10.0.0.1:443',
      finished_at: null,
    });
    expect((await ticksOf(op.operationId, 2)).map((tick) => tick.stepStatus)).toEqual(['running', 'retrying']);
    expect(await observations(duration, 'retrying')).toBe(1);
    expect(await observations(duration, 'failed')).toBe(0);
  });

  it('records the step failed on its last attempt, after BullMQ retried it, and leaves the outcome to the finalizer', async () => {
    const op = await seedOperation();
    let calls = 0;
    works.set(op.operationId, async () => {
      calls += 1;
      throw new Error('InvalidContactFlowException: the flow failed validation');
    });
    const job = await workedJob(op);

    await expect(job.waitUntilFinished(workedEvents, 15_000)).rejects.toThrow(
      'InvalidContactFlowException: the flow failed validation',
    );

    expect(calls).toBe(3);
    const row = await stepRow(op.operationId);
    expect(row).toMatchObject({
      status: 'failed',
      attempts: 3,
      error: 'InvalidContactFlowException: the flow failed validation',
    });
    expect(row.finished_at).toBeInstanceOf(Date);
    expect((await ticksOf(op.operationId, 6)).map((tick) => tick.stepStatus)).toEqual([
      'running',
      'retrying',
      'running',
      'retrying',
      'running',
      'failed',
    ]);
    expect((await operationRow(op.operationId)).status).toBe('in_progress');
  });

  it('ends the step at once on an error retrying cannot fix, even with attempts left', async () => {
    const op = await seedOperation();
    const { tracker, duration } = makeTracker();
    const job = await stepJob(op, 3);
    const refusal = new UnrecoverableError('ServiceQuotaExceededException: phone numbers');

    await expect(tracker.run(job, 'context', () => Promise.reject(refusal))).rejects.toBe(refusal);

    expect(tracker.isFinalAttempt(job, refusal)).toBe(true);
    const row = await stepRow(op.operationId);
    expect(row).toMatchObject({ status: 'failed', attempts: 1, error: 'ServiceQuotaExceededException: phone numbers' });
    expect(row.finished_at).toBeInstanceOf(Date);
    expect(await observations(duration, 'failed')).toBe(1);
  });

  it('keeps a throttled step retrying, even on what would be its last attempt', async () => {
    const op = await seedOperation();
    const { tracker } = makeTracker();
    const job = await stepJob(op, 1);

    await expect(tracker.run(job, 'context', () => Promise.reject(new RateLimitError()))).rejects.toBeInstanceOf(
      RateLimitError,
    );

    expect(tracker.isFinalAttempt(job, new RateLimitError())).toBe(false);
    expect(await stepRow(op.operationId)).toMatchObject({
      status: 'retrying',
      error: 'throttled by the provider; the queue is paused',
      finished_at: null,
    });
  });

  it('fails an attempt that outlives STEP_TIMEOUT_MS, naming the setting', async () => {
    const op = await seedOperation();
    const { tracker } = makeTracker(200);
    const message = 'the context step did not finish within 200 ms (STEP_TIMEOUT_MS)';

    await expect(tracker.run(await stepJob(op, 1), 'context', () => new Promise(() => undefined))).rejects.toThrow(
      message,
    );

    expect(await stepRow(op.operationId)).toMatchObject({ status: 'failed', attempts: 1, error: message });
  });

  it('skips the work of an operation asked to stop, and records the step failed as cancelled', async () => {
    const op = await seedOperation({ cancelRequested: true });
    const { tracker } = makeTracker();
    let called = false;

    const run = tracker.run(await stepJob(op, 3), 'context', async () => {
      called = true;
    });

    await expect(run).rejects.toThrow(new UnrecoverableError(CANCELLED_STEP_ERROR));
    expect(called).toBe(false);
    expect(await stepRow(op.operationId)).toMatchObject({
      status: 'failed',
      attempts: 1,
      error: CANCELLED_STEP_ERROR,
    });
  });

  it('runs a step once per operation: adding its job again under the deterministic id runs nothing more', async () => {
    const op = await seedOperation();
    let calls = 0;
    works.set(op.operationId, async () => ({ facts: (calls += 1) }));
    const first = await workedJob(op);
    expect(await first.waitUntilFinished(workedEvents, 15_000)).toEqual({ facts: 1 });

    const again = await workedJob(op);

    expect(again.id).toBe(first.id);
    expect(await worked.getJobState(first.id!)).toBe('completed');
    expect((await worked.getJob(first.id!))!.returnvalue).toEqual({ facts: 1 });
    expect(calls).toBe(1);
    expect(await stepRow(op.operationId)).toMatchObject({ status: 'completed', attempts: 1 });
  });

  it('does not itself skip a completed step: a job run again (taken over after its lock expired) runs the work again', async () => {
    // Once per operation is the job id's promise (above) and each step's idempotence, not the tracker's.
    const op = await seedOperation();
    const { tracker } = makeTracker();
    const job = await stepJob(op, 3);
    let calls = 0;
    let whileRunningAgain: StepRow | undefined;
    const work = async () => {
      calls += 1;
      if (calls === 2) whileRunningAgain = await stepRow(op.operationId);
      return { facts: calls };
    };

    await tracker.run(job, 'context', work);
    const second = await tracker.run(job, 'context', work);

    expect(second).toEqual({ facts: 2 });
    // Running again, it is not shown as finished (no finish time or duration from its first run).
    expect(whileRunningAgain).toMatchObject({ status: 'running', attempts: 2, finished_at: null });
    expect(await stepRow(op.operationId)).toMatchObject({ status: 'completed', attempts: 2, error: null });
  });

  it('records nothing for an operation deleted with its agent; the step must refuse it by its own lookup', async () => {
    const op = await seedOperation();
    await sql.query('DELETE FROM agents WHERE id = $1', [op.agentId]);
    const { tracker } = makeTracker();
    const job = await stepJob(op, 3);

    await expect(tracker.run(job, 'context', async () => 'ran')).resolves.toBe('ran');
    await expect(tracker.run(job, 'context', () => requireAgent(db.manager, op.agentId))).rejects.toThrow(
      new UnrecoverableError(`agent ${op.agentId} no longer exists`),
    );

    const { rows } = await sql.query(
      `SELECT (SELECT count(*) FROM provisioning_operations WHERE id = $1)::int AS operations,
              (SELECT count(*) FROM provisioning_steps WHERE operation_id = $1)::int AS steps`,
      [op.operationId],
    );
    expect(rows[0]).toEqual({ operations: 0, steps: 0 });
  });
});

describe('StepTracker.detail and markCompleted', () => {
  it('records what the step is doing now and tells watchers', async () => {
    const op = await seedOperation();
    const { tracker } = makeTracker();

    await tracker.detail(op.operationId, 'context', 'claiming +12065550142');

    expect((await stepRow(op.operationId)).detail).toBe('claiming +12065550142');
    expect(await ticksOf(op.operationId, 1)).toEqual([{ operationId: op.operationId, step: 'context' }]);
  });

  it("marks the step completed only when the caller's transaction commits", async () => {
    const op = await seedOperation();
    const { tracker } = makeTracker();

    await expect(
      db.transaction(async (tx) => {
        await tracker.markCompleted(tx, op.operationId, 'context');
        throw new Error('the step write failed');
      }),
    ).rejects.toThrow('the step write failed');
    expect((await stepRow(op.operationId)).status).toBe('pending');

    await db.transaction((tx) => tracker.markCompleted(tx, op.operationId, 'context'));
    expect(await stepRow(op.operationId)).toMatchObject({ status: 'completed', error: null });
  });
});

interface SeededOperation {
  agentId: string;
  operationId: string;
  vendorId: string;
  requestId: string;
}

interface StepRow {
  status: string;
  attempts: number;
  error: string | null;
  detail: string | null;
  started_at: Date | null;
  finished_at: Date | null;
}

/** A tracker with its own metrics registry, so each test reads only its own observations. */
function makeTracker(timeoutMs?: number) {
  const duration = new Histogram({
    name: STEP_DURATION_METRIC,
    help: 'step durations',
    labelNames: ['step', 'outcome'] as const,
    registers: [new Registry()],
  });
  const config = new ConfigService<{ STEP_TIMEOUT_MS?: number }, true>(
    timeoutMs === undefined ? {} : { STEP_TIMEOUT_MS: timeoutMs },
  );
  return { tracker: new StepTracker(db, new ProgressPublisher(events), duration, config), duration };
}

/** A queued provision operation of a new agent, with its `context` step pending, as the gateway records it. */
async function seedOperation({ cancelRequested = false } = {}): Promise<SeededOperation> {
  const op = {
    agentId: randomUUID(),
    operationId: randomUUID(),
    vendorId: `vendor_${randomUUID().slice(0, 12)}`,
    requestId: `req-${randomUUID()}`,
  };
  agentIds.push(op.agentId);
  await sql.query(
    `INSERT INTO agents (id, vendor_id, name, business_type, version) VALUES ($1, $2, 'Step tracker test', 'retail', 1)`,
    [op.agentId, op.vendorId],
  );
  await sql.query(
    `INSERT INTO provisioning_operations (id, agent_id, vendor_id, kind, status, request_id, cancel_requested_at)
     VALUES ($1, $2, $3, 'provision', 'queued', $4, CASE WHEN $5::boolean THEN now() END)`,
    [op.operationId, op.agentId, op.vendorId, op.requestId, cancelRequested],
  );
  await sql.query(
    `INSERT INTO provisioning_steps (operation_id, name, channels, position, max_attempts, status)
     VALUES ($1, 'context', '["whatsapp"]', 2, 3, 'pending')`,
    [op.operationId],
  );
  return op;
}

function jobData(op: SeededOperation): ChannelStepJobData {
  return { ...op, step: 'context', channels: ['whatsapp'] };
}

const jobOptions = (op: SeededOperation, attempts: number) => ({
  ...JOB_PRESETS.provisioningStep({ attempts, backoffMs: 10 }),
  jobId: provisioningJobId(op.operationId, 'context'),
});

/** The step's job as BullMQ hands it to a worker on its first attempt (nothing consumes this queue). */
async function stepJob(op: SeededOperation, attempts: number): Promise<StepJob> {
  return steps.add('context.initialise', jobData(op), jobOptions(op, attempts));
}

/** The step's job on the queue this file's worker runs, with three attempts. */
async function workedJob(op: SeededOperation): Promise<StepJob> {
  return worked.add('context.initialise', jobData(op), jobOptions(op, 3));
}

async function missingWork(): Promise<never> {
  throw new UnrecoverableError('no work registered for this operation');
}

async function stepRow(operationId: string): Promise<StepRow> {
  const { rows } = await sql.query<StepRow>(
    `SELECT status, attempts, error, detail, started_at, finished_at FROM provisioning_steps
      WHERE operation_id = $1 AND name = 'context'`,
    [operationId],
  );
  return rows[0]!;
}

async function operationRow(operationId: string): Promise<{ status: string; started_at: Date | null }> {
  const { rows } = await sql.query('SELECT status, started_at FROM provisioning_operations WHERE id = $1', [
    operationId,
  ]);
  return rows[0];
}

/** The operation's first `count` progress ticks, in the order published, without their timestamps. */
async function ticksOf(operationId: string, count: number): Promise<Omit<ProvisioningProgressEvent, 'at'>[]> {
  const heard = await waitFor(async () => {
    const mine = ticks.filter((tick) => tick.operationId === operationId);
    return mine.length >= count ? mine : undefined;
  }, `${count} progress ticks of ${operationId}`);
  return heard.slice(0, count).map(({ at, ...tick }) => {
    expect(Date.parse(at)).not.toBeNaN();
    return tick;
  });
}

async function observations(duration: Histogram<'step' | 'outcome'>, outcome: string): Promise<number> {
  const { values } = await duration.get();
  const count = values.find(
    (value) =>
      value.metricName === `${STEP_DURATION_METRIC}_count` &&
      value.labels.step === 'context' &&
      value.labels.outcome === outcome,
  );
  return count?.value ?? 0;
}
