import type { INestApplication } from '@nestjs/common';
import { QueueName } from '@voca/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Api } from '../support/http.js';
import { startGateway } from '../support/in-process.js';
import { testEnv, uniqueVendor } from '../support/test-env.js';
import { bearer, serviceToken, vendorToken } from '../support/tokens.js';

/** Bull Board on the gateway, for the service role only. */
const env = testEnv();
let gateway: INestApplication;
let api: Api;

beforeAll(async () => {
  ({ app: gateway, api } = await startGateway(env));
});

afterAll(async () => {
  await gateway?.close();
});

describe('the queue dashboard at /admin/queues', () => {
  it('shows every queue of the engine to the service role', async () => {
    const page = await fetch(`${api.baseUrl}/admin/queues`, { headers: bearer(serviceToken()) });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    const queues = await api.get('/admin/queues/api/queues', bearer(serviceToken()));
    expect(queues.status).toBe(200);
    expect(queues.body.queues.map((queue: { name: string }) => queue.name).sort()).toEqual(
      Object.values(QueueName).sort(),
    );
  });

  it("answers no token 401 and a vendor 403, in the API's error shape", async () => {
    const anonymous = await api.get('/admin/queues/api/queues');
    expect(anonymous.status).toBe(401);
    expect(anonymous.body).toMatchObject({
      statusCode: 401,
      error: 'Unauthorized',
      message: 'a bearer token is required',
    });
    const vendor = await api.get('/admin/queues', bearer(vendorToken(uniqueVendor())));
    expect(vendor.status).toBe(403);
    expect(vendor.body).toMatchObject({ statusCode: 403, message: 'the queue dashboard is for the service role' });
    const forged = await api.get('/admin/queues', { authorization: 'Bearer not.a.token' });
    expect(forged.status).toBe(401);
  });
});
