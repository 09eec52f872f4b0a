import { readFileSync } from 'node:fs';
import { QueueName, QUEUES_CONSUMED_BY } from '@voca/contracts';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AwsEmulator } from '../emulators/aws/index.js';
import { OpenAiEmulator } from '../emulators/openai/index.js';
import { SocialEmulator } from '../emulators/social/index.js';
import { Engine, type AppName } from '../support/app-processes.js';
import { testDatabase } from '../support/database.js';
import { EventReceiver } from '../support/event-receiver.js';
import { Api } from '../support/http.js';
import { forgetConnectRegion, liveConnectEnv } from '../support/live-connect.js';
import { operationEnd } from '../support/operations.js';
import { newWamid, signMeta, whatsappTextMessage } from '../support/platform-webhooks.js';
import { Scrape } from '../support/prometheus.js';
import { cozyComfortRequest } from '../support/seed.js';
import { testEnv, uniqueVendor } from '../support/test-env.js';
import { bearer, vendorToken } from '../support/tokens.js';
import { waitFor } from '../support/wait-for.js';
import { checkedFetch } from '../support/openapi-contract.js';

/**
 * Every metric an operator reads, scraped from the four apps as processes after a provisioning (live Connect on the
 * AWS emulator) and a conversation (WhatsApp on the social emulator, an OpenAI-compatible model on its emulator).
 */
const REGION = 'eu-central-1';
const META_SECRET = 'meta-app-secret-for-metrics';
const MODEL = 'gpt-4o';
const accounts = { first: `71${Date.now()}`, second: `72${Date.now()}` };
const token = 'EAAG-metrics-token';
const vendor = uniqueVendor();

const db = testDatabase();
let aws: AwsEmulator;
let social: SocialEmulator;
let openai: OpenAiEmulator;
let receiver: EventReceiver;
let engine: Engine;
let env: Record<string, string>;
let api: Api;
const scrape = (app: AppName) => Scrape.of(engine.app(app).url);

async function postMeta(body: string, signature = signMeta(body, META_SECRET)) {
  return checkedFetch(`${engine.gatewayUrl}/api/v1/webhooks/meta`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...signature },
    body,
  });
}

const message = (text: string, from: string, phoneNumberId = accounts.first, wamid = newWamid()) =>
  whatsappTextMessage({ phoneNumberId, from, text, wamid });

const replies = (customer: string, count: number) =>
  waitFor(
    async () => (social.sentTo(customer).length >= count ? social.sentTo(customer) : undefined),
    `${count} replies to ${customer}`,
    30_000,
  );

async function provision(account: string, channels: string[]) {
  const accepted = await api.post(
    '/api/v1/agents/provision',
    cozyComfortRequest(vendor, {
      channels,
      channel_credentials: { whatsapp: { phone_number_id: account, access_token: token } },
    } as never),
  );
  expect(accepted.status).toBe(202);
  return operationEnd(api, accepted.body.status_url, 60_000, {});
}

beforeAll(async () => {
  aws = await AwsEmulator.start({ instanceActivationMs: 100, phoneClaimMs: 50, functionActivationMs: 50 });
  await forgetConnectRegion(db, REGION);
  social = await SocialEmulator.start({ graphVersion: 'v21.0' });
  social.allowToken(accounts.first, token);
  social.allowToken(accounts.second, token);
  openai = await OpenAiEmulator.start({ apiKey: 'test-key' });
  openai.setReply(
    () =>
      '<response><thought>hours</thought><actions>REPLY</actions><providers></providers><text>We open at 9 AM.</text></response>',
  );
  receiver = await EventReceiver.start();
  env = testEnv({
    ...liveConnectEnv(aws, REGION),
    META_APP_SECRET: META_SECRET,
    META_GRAPH_BASE_URL: social.url,
    META_GRAPH_VERSION: 'v21.0',
    MODEL_PROVIDER: 'openai',
    OPENAI_API_KEY: 'test-key',
    OPENAI_BASE_URL: openai.baseUrl,
    OPENAI_MODEL_LARGE: MODEL,
    OPENAI_MODEL_SMALL: MODEL,
    // A failed model call is not retried by the SDK, so the test sees it.
    OPENAI_MAX_RETRIES: '0',
    // One runtime per replica: the second agent's evicts the first's.
    ELIZAOS_MAX_RUNTIMES: '1',
    EVENT_DELIVERY: 'on',
    EVENT_POLL_INTERVAL_MS: '100',
  });
  engine = await Engine.start(env);
  api = new Api(engine.gatewayUrl, bearer(vendorToken(vendor)));
  const endpoint = await api.post('/api/v1/event-endpoints', { url: receiver.url, events: ['operation.completed'] });
  expect(endpoint.status).toBe(201);
  receiver.secret = endpoint.body.secret;
}, 120_000);

afterAll(async () => {
  await engine?.stop();
  await Promise.all([aws?.stop(), social?.stop(), openai?.stop(), receiver?.stop()]);
  await db.end();
});

describe('metrics after a provisioning and a conversation', () => {
  it('count provisioning: operations, steps, AWS calls and throttles, event deliveries, runtimes', async () => {
    // Connect throttles the first number claim once: the SDK retries it (AWS_MAX_ATTEMPTS=2) and the claim succeeds.
    aws.failNext('ClaimPhoneNumber', 'ThrottlingException', 1);
    expect((await provision(accounts.first, ['voice', 'whatsapp'])).status).toBe('completed');
    expect((await provision(accounts.second, ['whatsapp'])).status).toBe('completed');
    await waitFor(async () => (receiver.accepted().length >= 2 ? true : undefined), 'both operation events delivered');

    const context = await scrape('context-service');
    expect(context.sum('voca_operations_total', { kind: 'provision', outcome: 'completed' })).toBe(2);
    expect(context.sum('voca_operation_duration_seconds_count', { kind: 'provision', outcome: 'completed' })).toBe(2);
    expect(context.sum('voca_operation_duration_seconds_sum')).toBeGreaterThan(0);
    expect(context.sum('voca_event_deliveries_total', { outcome: 'delivered' })).toBe(2);

    const connect = await scrape('aws-connect-worker');
    expect(connect.sum('voca_aws_throttles_total', { service: 'connect', operation: 'ClaimPhoneNumber' })).toBe(1);
    expect(connect.sum('voca_aws_calls_total', { operation: 'ClaimPhoneNumber', outcome: 'throttled' })).toBe(1);
    expect(connect.sum('voca_aws_calls_total', { operation: 'ClaimPhoneNumber', outcome: 'ok' })).toBe(1);
    // The calls the emulator answered are the calls counted, operation by operation.
    const answered = new Map<string, number>();
    for (const call of aws.calls) answered.set(call.operation, (answered.get(call.operation) ?? 0) + 1);
    for (const [operation, count] of answered)
      expect(connect.sum('voca_aws_calls_total', { operation }), operation).toBe(count);
    expect(connect.labelValues('voca_aws_calls_total', 'service')).toEqual(['connect', 'lambda', 'lex']);
    expect(connect.sum('voca_aws_call_seconds_count')).toBe(aws.calls.length);
    expect(
      connect.sum('voca_provisioning_step_duration_seconds_count', { step: 'aws_connect', outcome: 'completed' }),
    ).toBe(1);

    const eliza = await scrape('elizaos-worker');
    expect(eliza.sum('voca_elizaos_runtime_build_seconds_count')).toBeGreaterThanOrEqual(2);
    expect(eliza.sum('voca_elizaos_runtime_evictions_total')).toBeGreaterThanOrEqual(1);
    expect(eliza.sum('voca_elizaos_runtimes_hosted')).toBe(1);
  });

  it('count the message path: webhooks, inbound outcomes, turns, replies, sends, model calls and tokens', async () => {
    const customer = `1555${Date.now() % 1e7}`;
    const first = message('When do you open?', customer);
    expect((await postMeta(first)).status).toBe(200);
    await replies(customer, 1);
    // The platform delivers the same message again: acknowledged, not answered again.
    expect((await postMeta(first)).status).toBe(200);
    // A message for an account no agent holds, and one with a forged signature.
    expect((await postMeta(message('hello?', customer, `79${Date.now()}`))).status).toBe(200);
    expect((await postMeta(message('hello?', customer), { 'x-hub-signature-256': 'sha256=00' })).status).toBe(401);
    // The model fails once (no retries configured): the turn is retried and answered; WhatsApp refuses a send once.
    openai.failNext(500, 1, { retryAfterMs: 0 });
    social.failNext('whatsapp', 'server_error', 1);
    expect((await postMeta(message('And on Sunday?', customer))).status).toBe(200);
    await replies(customer, 2);

    const gateway = await scrape('api-gateway');
    expect(gateway.sum('voca_webhook_messages_total', { channel: 'whatsapp', outcome: 'accepted' })).toBe(2);
    expect(gateway.sum('voca_webhook_messages_total', { channel: 'whatsapp', outcome: 'duplicate' })).toBe(1);
    expect(gateway.sum('voca_webhook_messages_total', { channel: 'whatsapp', outcome: 'unroutable' })).toBe(1);
    expect(gateway.sum('voca_webhooks_rejected_total', { webhook: 'meta', reason: 'signature' })).toBe(1);

    const context = await waitFor(async () => {
      const scraped = await scrape('context-service');
      return scraped.sum('voca_replies_total', { outcome: 'sent' }) >= 2 ? scraped : undefined;
    }, 'both replies counted');
    expect(context.sum('voca_inbound_messages_total', { channel: 'whatsapp', outcome: 'queued' })).toBe(2);
    expect(context.sum('voca_replies_total', { channel: 'whatsapp', author: 'agent', outcome: 'sent' })).toBe(2);
    expect(context.sum('voca_turn_seconds_count', { channel: 'whatsapp' })).toBe(2);
    expect(context.sum('voca_turn_seconds_sum', { channel: 'whatsapp' })).toBeGreaterThan(0);
    expect(context.sum('voca_platform_send_seconds_count', { channel: 'whatsapp', outcome: 'sent' })).toBe(2);
    expect(context.sum('voca_platform_send_seconds_count', { channel: 'whatsapp', outcome: 'retry' })).toBe(1);
    expect(context.sum('voca_platform_send_errors_total', { channel: 'whatsapp', reason: 'retry' })).toBe(1);
    expect(
      context.sum('voca_job_seconds_count', { queue: 'inbound', job_name: 'inbound.message', outcome: 'completed' }),
    ).toBe(2);

    const eliza = await scrape('elizaos-worker');
    expect(eliza.sum('voca_model_request_seconds_count', { provider: 'openai', model: MODEL, outcome: 'ok' })).toBe(
      openai.chatRequests().filter((request) => request.status === 200).length,
    );
    expect(eliza.sum('voca_model_request_seconds_count', { provider: 'openai', outcome: 'error' })).toBe(1);
    expect(eliza.sum('voca_model_errors_total', { provider: 'openai', reason: 'http_500' })).toBe(1);
    expect(eliza.sum('voca_model_tokens_total', { provider: 'openai', model: MODEL, kind: 'prompt' })).toBeGreaterThan(
      0,
    );
    expect(
      eliza.sum('voca_model_tokens_total', { provider: 'openai', model: MODEL, kind: 'completion' }),
    ).toBeGreaterThan(0);
    expect(eliza.sum('voca_job_seconds_count', { queue: 'messages', outcome: 'completed' })).toBeGreaterThanOrEqual(2);
  });

  it('show queue depth and the age of the oldest waiting job, and count jobs that died', async () => {
    const inbound = new Queue(QueueName.Inbound, { connection: { url: env.REDIS_URL }, prefix: env.QUEUE_PREFIX });
    try {
      // Nobody takes inbound jobs for a moment: a message waits, and its age shows.
      await inbound.pause();
      const customer = `1556${Date.now() % 1e7}`;
      expect((await postMeta(message('Are you there?', customer))).status).toBe(200);
      const waiting = await waitFor(async () => {
        const scraped = await scrape('api-gateway');
        return scraped.sum('voca_queue_oldest_waiting_seconds', { queue: 'inbound' }) > 0 ? scraped : undefined;
      }, 'the waiting message to show');
      expect(waiting.sum('voca_queue_jobs', { queue: 'inbound', state: 'waiting' })).toBe(1);
      expect(waiting.labelValues('voca_queue_jobs', 'queue')).toEqual(Object.values(QueueName).sort());
      await inbound.resume();
      await replies(customer, 1);
      expect((await scrape('api-gateway')).sum('voca_queue_oldest_waiting_seconds', { queue: 'inbound' })).toBe(0);

      // A job no handler knows (a newer producer's, say) fails for good at once.
      await inbound.add('inbound.unknown' as never, {});
      const context = await waitFor(async () => {
        const scraped = await scrape('context-service');
        return scraped.sum('voca_jobs_dead_total', { queue: 'inbound', job_name: 'inbound.unknown' }) === 1
          ? scraped
          : undefined;
      }, 'the dead job to be counted');
      expect(
        context.sum('voca_job_seconds_count', { queue: 'inbound', job_name: 'inbound.unknown', outcome: 'failed' }),
      ).toBe(1);
    } finally {
      await inbound.resume();
      await inbound.close();
    }
  });

  it('say which queues each worker consumes, at what concurrency, and report process metrics per app', async () => {
    for (const [app, queues] of Object.entries(QUEUES_CONSUMED_BY) as [AppName, readonly string[]][]) {
      const scraped = await scrape(app);
      for (const queue of queues) {
        expect(scraped.sum('voca_worker_consuming', { queue }), `${app} ${queue}`).toBe(1);
        expect(scraped.sum('voca_worker_concurrency', { queue })).toBeGreaterThan(0);
      }
      expect(scraped.labelValues('voca_worker_consuming', 'queue')).toEqual([...queues].sort());
      expect(scraped.sum('process_resident_memory_bytes', { app })).toBeGreaterThan(0);
    }
  });

  it('come from processes on the Node.js the project pins (the `node` dev dependency), like the tests', async () => {
    const pinned = (JSON.parse(readFileSync('package.json', 'utf8')) as { devDependencies: Record<string, string> })
      .devDependencies.node;
    expect(process.version).toBe(`v${pinned}`);
    for (const app of ['api-gateway', 'aws-connect-worker', 'elizaos-worker', 'context-service'] as const) {
      expect((await scrape(app)).labelValues('nodejs_version_info', 'version'), app).toEqual([process.version]);
    }
  });
});
