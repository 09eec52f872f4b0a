import { ProvisioningOperations } from '@voca/persistence';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConversationSeed } from '../support/conversations.js';
import { testDataSource } from '../support/database.js';

/** The operations repository against the real Postgres: what the gateway records and reads of an operation. */
let db: DataSource;
let seed: ConversationSeed;
let agentId: string;

beforeAll(async () => {
  db = await testDataSource('provisioning-operations-test');
  seed = new ConversationSeed(db);
  agentId = await seed.agent();
});

afterAll(async () => {
  await seed.remove();
  await db.destroy();
});

describe('ProvisioningOperations', () => {
  it('records an operation queued with its planned steps, then finalize, and reads them in order', async () => {
    const operations = new ProvisioningOperations(db.manager);
    const id = await operations.create({
      agentId,
      vendorId: 'vendor-ops',
      kind: 'provision',
      steps: [
        { name: 'aws_connect', channels: ['voice'] },
        { name: 'elizaos', channels: [] },
        { name: 'context', channels: ['voice'] },
      ],
      requestId: 'req-ops-1',
      maxAttempts: 3,
    });
    expect(await operations.byId(id)).toMatchObject({ status: 'queued', kind: 'provision', retryOf: null });
    const steps = await operations.stepsOf(id);
    expect(steps.map((step) => [step.name, step.position, step.channels, step.maxAttempts, step.status])).toEqual([
      ['aws_connect', 0, ['voice'], 3, 'pending'],
      ['elizaos', 1, [], 3, 'pending'],
      ['context', 2, ['voice'], 3, 'pending'],
      ['finalize', 3, [], 3, 'pending'],
    ]);
  });

  it("finds the agent's latest operation (of a kind), and notes a flow enqueued once", async () => {
    const operations = new ProvisioningOperations(db.manager);
    const base = { agentId, vendorId: 'vendor-ops', steps: [], requestId: 'req-ops-2', maxAttempts: 1 };
    const deletion = await operations.create({ ...base, kind: 'deprovision' });
    const retry = await operations.create({ ...base, kind: 'update', retryOf: deletion });
    expect((await operations.latestOf(agentId))?.id).toBe(retry);
    expect((await operations.latestOf(agentId, 'deprovision'))?.id).toBe(deletion);

    await operations.markEnqueued(retry);
    const first = (await operations.byId(retry))!.enqueuedAt;
    expect(first).toBeInstanceOf(Date);
    await operations.markEnqueued(retry);
    expect((await operations.byId(retry))!.enqueuedAt).toEqual(first);
  });

  it("pages an agent's operations newest first by cursor, and records a cancel request once", async () => {
    const agent = await seed.agent();
    const operations = new ProvisioningOperations(db.manager);
    const base = { agentId: agent, vendorId: 'vendor-ops', steps: [], requestId: 'req-ops-3', maxAttempts: 1 };
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push(await operations.create({ ...base, kind: 'update' }));
    const first = await operations.pageOf(agent, { limit: 2 });
    expect(first.map((o) => o.id)).toEqual([ids[2], ids[1]]);
    const next = await operations.pageOf(agent, { limit: 2, before: ids[1] });
    expect(next.map((o) => o.id)).toEqual([ids[0]]);

    await db.transaction(async (tx) => {
      expect((await new ProvisioningOperations(tx).lockedById(ids[0]!))?.id).toBe(ids[0]);
      await new ProvisioningOperations(tx).requestCancel(ids[0]!);
    });
    const asked = (await operations.byId(ids[0]!))!.cancelRequestedAt;
    expect(asked).toBeInstanceOf(Date);
    await operations.requestCancel(ids[0]!);
    expect((await operations.byId(ids[0]!))!.cancelRequestedAt).toEqual(asked);
  });
});
