import type { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OperationFinalization } from '../../apps/context-service/src/provisioning/operation-finalization.js';
import { testDatabase } from '../support/database.js';
import type { Api } from '../support/http.js';
import { closeAll, startGateway, startWorkers } from '../support/in-process.js';
import { operationEnd } from '../support/operations.js';
import { cozyComfortRequest } from '../support/seed.js';
import { testEnv, uniqueVendor } from '../support/test-env.js';
import { bearer, serviceToken } from '../support/tokens.js';

/** An operation ending while the agent is stopped (or paused) in another transaction never undoes that transition. */
const env = testEnv();
const db = testDatabase();
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

describe('the provisioning finalizer', () => {
  it('keeps a stop committed while it was deciding the outcome', async () => {
    const accepted = await api.post(
      '/api/v1/agents/provision',
      cozyComfortRequest(uniqueVendor(), { channels: ['whatsapp'] }),
      bearer(serviceToken()),
    );
    await operationEnd(api, accepted.body.status_url);
    const agentId: string = accepted.body.agent_id;
    // An update operation that has run its steps and waits for its outcome.
    const operationId = randomUUID();
    await db.query(
      `INSERT INTO provisioning_operations (id, agent_id, vendor_id, kind, status, request_id)
       SELECT $1, id, vendor_id, 'update', 'in_progress', 'race-test' FROM agents WHERE id = $2`,
      [operationId, agentId],
    );
    const finalizer = workers[2]!.get(OperationFinalization);

    const stop = await db.connect();
    try {
      await stop.query('BEGIN');
      await stop.query(`UPDATE agents SET status = 'stopped' WHERE id = $1`, [agentId]);
      const settled = finalizer.settle(operationId);
      await new Promise((resolve) => setTimeout(resolve, 300));
      await stop.query('COMMIT');
      expect(await settled).toBe('completed');
    } finally {
      stop.release();
    }
    const { rows } = await db.query(`SELECT status FROM agents WHERE id = $1`, [agentId]);
    expect(rows[0].status).toBe('stopped');
  });
});
