import type { INestApplication } from '@nestjs/common';
import { QueueName, type MessageReplyJobData } from '@voca/contracts';
import { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Api } from '../support/http.js';
import { startGateway } from '../support/in-process.js';
import { TEST_REDIS_URL, testEnv, uniqueVendor } from '../support/test-env.js';
import { bearer, serviceToken, vendorToken } from '../support/tokens.js';
import { DASHBOARD_SESSION_COOKIE, dashboardLink, dashboardSession } from '@voca/devtools';

/** Bull Board on the gateway: for the service role only, read-only unless configured, never showing customer text. */
const env = testEnv();
const apps: INestApplication[] = [];
let api: Api;
let messages: Queue<MessageReplyJobData>;
const service = () => bearer(serviceToken());

beforeAll(async () => {
  const gateway = await startGateway(env);
  apps.push(gateway.app);
  api = gateway.api;
  messages = new Queue(QueueName.Messages, { connection: { url: TEST_REDIS_URL }, prefix: env.QUEUE_PREFIX });
});

afterAll(async () => {
  await messages?.close();
  for (const app of apps) await app.close();
});

/** A waiting `message.reply` job carrying a customer's words, name and history, each holding `secret`. */
async function customerJob(secret: string): Promise<string> {
  const job = await messages.add('message.reply', {
    agentId: randomUUID(),
    channel: 'whatsapp',
    customer: { id: randomUUID(), name: `Ada ${secret}` },
    text: `my card ends ${secret}`,
    history: [{ role: 'customer', channel: 'sms', text: `earlier ${secret}`, at: new Date().toISOString() }],
  });
  return job.id!;
}

describe('the queue dashboard at /admin/queues', () => {
  it('shows every queue of the engine to the service role, and says it is read-only', async () => {
    const page = await fetch(`${api.baseUrl}/admin/queues`, { headers: service() });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('Voca queues (read-only)');
    const queues = await api.get('/admin/queues/api/queues', service());
    expect(queues.status).toBe(200);
    expect(queues.body.queues.map((queue: { name: string }) => queue.name).sort()).toEqual(
      Object.values(QueueName).sort(),
    );
    for (const queue of queues.body.queues) {
      expect(queue.readOnlyMode).toBe(true);
      expect(queue.description).toContain('Read-only');
    }
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

  it('shows a job by its ids without the customer text it carries', async () => {
    const secret = `s${randomUUID().slice(0, 8)}`;
    const jobId = await customerJob(secret);
    const job = await api.get(`/admin/queues/api/queues/${QueueName.Messages}/${jobId}`, service());
    expect(job.status).toBe(200);
    expect(job.body.job.data).toMatchObject({ channel: 'whatsapp', text: '[hidden]', customer: { name: '[hidden]' } });
    const listed = await api.get(
      `/admin/queues/api/queues?activeQueue=${QueueName.Messages}&status=waiting`,
      service(),
    );
    expect(listed.status).toBe(200);
    expect(JSON.stringify(listed.body)).toContain(jobId);
    expect(JSON.stringify([job.body, listed.body])).not.toContain(secret);
  });

  it('refuses to add, retry, clean, empty or obliterate while read-only, and the jobs stay', async () => {
    const jobId = await customerJob('kept');
    const queue = `/admin/queues/api/queues/${QueueName.Messages}`;
    const attempts = [
      await api.post(`${queue}/add`, { name: 'message.reply', data: {} }, service()),
      await api.put(`${queue}/empty`, {}, service()),
      await api.put(`${queue}/obliterate`, {}, service()),
      await api.put(`${queue}/clean/waiting`, {}, service()),
      await api.put(`${queue}/${jobId}/clean`, {}, service()),
      await api.send(
        'PATCH',
        `${queue}/${jobId}/update-data`,
        JSON.stringify({ jobData: { text: 'edited' } }),
        service(),
      ),
    ];
    expect(attempts.map(({ status }) => status)).toEqual([405, 405, 405, 405, 405, 405]);
    const job = await messages.getJob(jobId);
    expect(job?.data.text).toBe('my card ends kept');
  });

  it('lets the service role change jobs with QUEUE_DASHBOARD=read-write, and is gone with off', async () => {
    const writable = await startGateway(testEnv({ QUEUE_PREFIX: env.QUEUE_PREFIX, QUEUE_DASHBOARD: 'read-write' }));
    apps.push(writable.app);
    const jobId = await customerJob('removed');
    const removed = await writable.api.put(
      `/admin/queues/api/queues/${QueueName.Messages}/${jobId}/clean`,
      {},
      service(),
    );
    expect(removed.status).toBe(204);
    expect(await messages.getJob(jobId)).toBeUndefined();

    const off = await startGateway(testEnv({ QUEUE_DASHBOARD: 'off' }));
    apps.push(off.app);
    expect((await off.api.get('/admin/queues/api/queues', service())).status).toBe(404);
  });

  it('takes a one-time link only under NODE_ENV=development: elsewhere the login is refused and a session ignored', async () => {
    const session = `${DASHBOARD_SESSION_COOKIE}=${dashboardSession(env.JWT_SECRET_KEY)}`;
    // This file's gateway runs with NODE_ENV=test, as a production one would, outside development.
    const login = await fetch(dashboardLink(api.baseUrl, env.JWT_SECRET_KEY), { redirect: 'manual' });
    expect(login.status).toBe(401);
    expect(login.headers.get('set-cookie')).toBeNull();
    expect((await fetch(`${api.baseUrl}/admin/queues/`, { headers: { cookie: session } })).status).toBe(401);

    const development = await startGateway(testEnv({ NODE_ENV: 'development', LOG_FORMAT: 'json' }));
    apps.push(development.app);
    const page = await fetch(`${development.api.baseUrl}/admin/queues/`, { headers: { cookie: session } });
    expect(page.status).toBe(200);
    const forged = `${DASHBOARD_SESSION_COOKIE}=${dashboardSession('another-secret-0123456789-0123456789-xyz')}`;
    expect((await fetch(`${development.api.baseUrl}/admin/queues/`, { headers: { cookie: forged } })).status).toBe(401);
  });
});
