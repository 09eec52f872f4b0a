import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SocialEmulator } from '../emulators/social/index.js';
import { AppProcess, Engine, freePort } from '../support/app-processes.js';
import { postSignedWebhook } from '../support/engine-webhooks.js';
import { Api } from '../support/http.js';
import { operationEnd } from '../support/operations.js';
import { Scrape } from '../support/prometheus.js';
import { specExample } from '../support/spec-examples.js';
import { testEnv } from '../support/test-env.js';
import { ToolReceiver } from '../support/tool-receiver.js';
import { bearer, serviceToken } from '../support/tokens.js';
import { waitFor } from '../support/wait-for.js';
import { whatsappCustomer } from '../support/whatsapp-customer.js';

/**
 * The spec's agent acts through the backend's tools with the offline `local` model: it looks up an order on WhatsApp
 * and on the phone, asks for a missing order number, books only after a yes, never twice when its turn is retried,
 * and replies gracefully in time when a tool does not answer. The backend is a real HTTP server verifying every
 * call's signature.
 */
const META_SECRET = 'meta-app-secret-for-tools';
const WEBHOOK_SECRET = 'tools-webhook-secret-0123456789-abcdef';
const PHONE_NUMBER_ID = `78${Date.now()}`;
const WHATSAPP_TOKEN = 'EAAG-tools-token';
const DEADLINE_MS = 4_000;

const env = testEnv({
  META_APP_SECRET: META_SECRET,
  META_VERIFY_TOKEN: 'meta-verify-token-tools',
  WEBHOOK_SECRET,
  META_GRAPH_VERSION: 'v21.0',
  CONNECT_REPLY_DEADLINE_MS: String(DEADLINE_MS),
  // A killed worker's turn is taken over quickly.
  WORKER_LOCK_DURATION_MS: '2000',
  WORKER_STALLED_INTERVAL_MS: '500',
});
let social: SocialEmulator;
let backend: ToolReceiver;
let engine: Engine;
let api: Api;
let agentId: string;

const digits = () => `1555${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;

/** A customer's WhatsApp message; answers the agent's next reply to them. */
const onWhatsapp = whatsappCustomer({
  gatewayUrl: () => engine.gatewayUrl,
  social: () => social,
  phoneNumberId: PHONE_NUMBER_ID,
  metaSecret: META_SECRET,
});

async function register(tool: Record<string, unknown>): Promise<void> {
  const created = await api.post(`/api/v1/agents/${agentId}/tools`, tool);
  expect(created.status).toBe(201);
  backend.secrets.set(String(tool.name), created.body.signing_secret);
}

/** The customer's context as the API shows it, found by their WhatsApp number. */
async function contextOf(from: string): Promise<Record<string, any>> {
  const { body: page } = await api.get(`/api/v1/agents/${agentId}/conversations?limit=100`);
  const conversation = page.items.find((item: { display_name?: string }) => item.display_name === `Shopper ${from}`);
  const { body } = await api.get(`/api/v1/agents/${agentId}/customers/${conversation.customer_id}/context`);
  return body;
}

function toolCallsIn(context: Record<string, any>): Record<string, any>[] {
  return context.turns.flatMap((turn: { tool_calls?: unknown[] }) => turn.tool_calls ?? []);
}

const ORDER_SCHEMA = {
  type: 'object',
  properties: { order_number: { type: 'string', pattern: '^[0-9]{4,10}$', description: 'The order number' } },
  required: ['order_number'],
  additionalProperties: false,
};

beforeAll(async () => {
  backend = await ToolReceiver.start();
  backend.behaviours.set('order_status', ({ body }) => ({
    json:
      body.arguments.order_number === '10423'
        ? { order_number: '10423', status: 'shipped', carrier: 'UPS', estimated_delivery: '2026-12-10' }
        : { order_number: body.arguments.order_number, status: 'processing' },
  }));
  backend.behaviours.set('book_table', ({ body }) => ({
    json: {
      confirmation: 'BK-5521',
      message: `Booked for ${body.arguments.party_size} on ${body.arguments.date} at ${body.arguments.time}. Reference BK-5521.`,
    },
  }));
  social = await SocialEmulator.start({ graphVersion: 'v21.0' });
  social.allowToken(PHONE_NUMBER_ID, WHATSAPP_TOKEN);
  engine = await Engine.start({ ...env, META_GRAPH_BASE_URL: social.url });
  api = new Api(engine.gatewayUrl, bearer(serviceToken()));
  const accepted = await api.post('/api/v1/agents/provision', specExample('provision-request'));
  expect(accepted.status).toBe(202);
  agentId = accepted.body.agent_id;
  expect((await operationEnd(api, accepted.body.status_url)).status).toBe('completed');
  const credentials = await api.put(`/api/v1/agents/${agentId}`, {
    channel_credentials: { whatsapp: { phone_number_id: PHONE_NUMBER_ID, access_token: WHATSAPP_TOKEN } },
  });
  expect((await operationEnd(api, credentials.body.status_url)).status).toBe('completed');
  await register({
    name: 'order_status',
    description: 'Looks up an order by its number: status, carrier and expected delivery',
    parameters: ORDER_SCHEMA,
    url: backend.urlOf('order_status'),
    timeout_ms: 2_000,
  });
  await register({
    name: 'book_table',
    description: 'Books a table at the showroom cafe',
    intent: 'booking',
    parameters: {
      type: 'object',
      properties: {
        date: { type: 'string', format: 'date' },
        time: { type: 'string', pattern: '^[0-9]{2}:[0-9]{2}$' },
        party_size: { type: 'integer', minimum: 1, maximum: 20 },
      },
      required: ['date', 'time', 'party_size'],
    },
    url: backend.urlOf('book_table'),
    requires_confirmation: true,
    channels: ['whatsapp'],
  });
}, 240_000);

afterAll(async () => {
  await engine?.stop();
  await social?.stop();
  await backend?.stop();
});

describe("the spec's agent with an order_status tool (offline model)", () => {
  it('looks an order up once, signed, and replies with its status', async () => {
    const from = digits();
    const reply = await onWhatsapp('Where is my order 10423?', from);
    expect(reply).toContain('shipped');
    const calls = backend.arrivals.filter(
      (arrival) => arrival.body.conversation.customer_id && arrival.tool === 'order_status',
    );
    const mine = calls.filter((arrival) => arrival.body.arguments.order_number === '10423');
    expect(mine).toHaveLength(1);
    const [call] = mine;
    expect(call!.signatureValid).toBe(true);
    expect(call!.body).toEqual({
      tool: 'order_status',
      arguments: { order_number: '10423' },
      conversation: {
        agent_id: agentId,
        customer_id: expect.any(String),
        channel: 'whatsapp',
        message_id: expect.any(String),
      },
    });
    expect(call!.headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}\.order_status\./);
    expect(call!.headers['voca-tool-call-id']).toMatch(/^[0-9a-f-]{36}$/);

    const recorded = toolCallsIn(await contextOf(from));
    expect(recorded).toEqual([
      expect.objectContaining({
        tool: 'order_status',
        arguments: { order_number: '10423' },
        status: 'ok',
        http_status: 200,
        response_bytes: expect.any(Number),
        latency_ms: expect.any(Number),
      }),
    ]);
  });

  it('asks for a missing order number and completes the call with the next message', async () => {
    const from = digits();
    const before = backend.callsOf('order_status').length;
    const question = await onWhatsapp('Where is my order?', from);
    expect(question.toLowerCase()).toContain('order number');
    expect(backend.callsOf('order_status')).toHaveLength(before);
    const reply = await onWhatsapp('It is 10423', from);
    expect(reply).toContain('shipped');
    expect(backend.callsOf('order_status')).toHaveLength(before + 1);
    expect(backend.callsOf('order_status').at(-1)!.body.arguments).toEqual({ order_number: '10423' });
    const recorded = toolCallsIn(await contextOf(from));
    expect(recorded.map((call) => call.status)).toEqual(expect.arrayContaining(['answered', 'ok']));
  });

  it('answers a caller on the phone within the Lambda budget, tool call included', async () => {
    const started = Date.now();
    const answer = await postSignedWebhook(
      engine.gatewayUrl,
      '/api/v1/webhooks/connect',
      { agent_id: agentId, message: 'Where is my order 10423?', channel: 'voice', caller: '+15557654321' },
      WEBHOOK_SECRET,
    );
    expect(answer.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(DEADLINE_MS);
    expect(answer.body.message).toContain('shipped');
    expect(backend.callsOf('order_status').at(-1)!.body.conversation.channel).toBe('voice');
  });

  it('asks a caller for the missing order number and completes the call on their next turn, in time', async () => {
    const caller = `+1555${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
    const say = async (message: string) => {
      const started = Date.now();
      const answer = await postSignedWebhook(
        engine.gatewayUrl,
        '/api/v1/webhooks/connect',
        { agent_id: agentId, message, channel: 'voice', caller },
        WEBHOOK_SECRET,
      );
      expect(answer.status).toBe(200);
      expect(Date.now() - started).toBeLessThan(DEADLINE_MS);
      return answer.body.message as string;
    };
    const before = backend.callsOf('order_status').length;
    expect((await say('Where is my order?')).toLowerCase()).toContain('order number');
    expect(backend.callsOf('order_status')).toHaveLength(before);
    expect(await say('10423')).toContain('shipped');
    expect(backend.callsOf('order_status')).toHaveLength(before + 1);
  });

  it('replies in time when a tool does not answer, on WhatsApp and on the phone, and records the timeout', async () => {
    backend.behaviours.set('order_status', () => ({ json: { status: 'late' }, delayMs: 8_000 }));
    const replaced = await api.put(`/api/v1/agents/${agentId}/tools/order_status`, {
      description: 'Looks up an order by its number: status, carrier and expected delivery',
      parameters: ORDER_SCHEMA,
      url: backend.urlOf('order_status'),
      timeout_ms: 6_000,
    });
    expect(replaced.status).toBe(200);
    try {
      // On the phone the call is cut to what the caller's turn has left, and the caller hears an apology in time.
      const started = Date.now();
      const answer = await postSignedWebhook(
        engine.gatewayUrl,
        '/api/v1/webhooks/connect',
        { agent_id: agentId, message: 'Where is my order 55555?', channel: 'voice', caller: '+15557650000' },
        WEBHOOK_SECRET,
      );
      expect(Date.now() - started).toBeLessThan(DEADLINE_MS + 500);
      expect(answer.body.message).toMatch(/couldn.t|could not|unable/i);
      expect(answer.body.message).not.toMatch(/timeout|error|ms\b/i);

      const from = digits();
      const reply = await onWhatsapp('Where is my order 66666?', from);
      expect(reply).toMatch(/couldn.t|could not|unable/i);
      const recorded = toolCallsIn(await contextOf(from));
      expect(recorded).toEqual([
        expect.objectContaining({ tool: 'order_status', status: 'timeout', error: 'no answer within 6000 ms' }),
      ]);
    } finally {
      backend.behaviours.set('order_status', () => ({ json: { status: 'shipped' } }));
    }
  });

  it('speaks a reply on the phone without raw addresses or marks, and writes it as it is on WhatsApp', async () => {
    const spoken = await postSignedWebhook(
      engine.gatewayUrl,
      '/api/v1/webhooks/connect',
      { agent_id: agentId, message: 'What is your website?', channel: 'voice', caller: '+15557654399' },
      WEBHOOK_SECRET,
    );
    expect(spoken.body.message).toContain('cozycomfort dot com');
    expect(spoken.body.message).not.toMatch(/cozycomfort\.com|https?:|[*_#`]/);
    expect(await onWhatsapp('What is your website?', digits())).toContain('cozycomfort.com');
  });

  it('counts the calls by tool and status', async () => {
    const metrics = await Scrape.of(engine.app('elizaos-worker').url);
    expect(metrics.sum('voca_tool_calls_total', { tool: 'order_status', status: 'ok' })).toBeGreaterThanOrEqual(3);
    expect(metrics.sum('voca_tool_calls_total', { tool: 'order_status', status: 'timeout' })).toBeGreaterThanOrEqual(1);
  });
});

describe('a tool with side effects', () => {
  it('is called only after the customer says yes', async () => {
    const from = digits();
    const proposal = await onWhatsapp('Can I book a table for 4 tomorrow at 7pm?', from);
    expect(proposal.toLowerCase()).toContain('yes');
    expect(backend.callsOf('book_table')).toHaveLength(0);
    const done = await onWhatsapp('Yes please', from);
    expect(done).toContain('BK-5521');
    expect(backend.callsOf('book_table')).toHaveLength(1);
    expect(backend.callsOf('book_table')[0]!.body.arguments).toMatchObject({ party_size: 4, time: '19:00' });
  });

  it('is not called on a no', async () => {
    const from = digits();
    const before = backend.callsOf('book_table').length;
    await onWhatsapp('I would like to book a table for 2 tomorrow at 8pm', from);
    const reply = await onWhatsapp('no', from);
    expect(reply.toLowerCase()).toMatch(/won.t|will not|not book/);
    expect(backend.callsOf('book_table')).toHaveLength(before);
  });

  it('is never called twice when its turn is killed mid-call and run again', { timeout: 180_000 }, async () => {
    const from = digits();
    await onWhatsapp('Please book a table for 3 tomorrow at 6pm', from);
    const before = backend.callsOf('book_table').length;
    backend.behaviours.set('book_table', () => ({ hold: true }));
    // A second replica takes the turn over once the first dies holding it.
    const survivor = AppProcess.spawn('elizaos-worker', { ...env, META_GRAPH_BASE_URL: social.url }, await freePort());
    await survivor.ready();
    try {
      const answered = onWhatsapp('yes', from);
      await waitFor(
        async () => (backend.callsOf('book_table').length > before ? true : undefined),
        'the booking call',
        30_000,
      );
      const calls = backend.callsOf('book_table');
      const holder = [engine.app('elizaos-worker'), survivor];
      // Whichever replica made the call dies with it open.
      for (const replica of holder) replica.child.kill('SIGKILL');
      const restarted = AppProcess.spawn(
        'elizaos-worker',
        { ...env, META_GRAPH_BASE_URL: social.url },
        await freePort(),
      );
      await restarted.ready();
      try {
        const reply = await answered;
        expect(reply).toMatch(/person|team|colleague/i);
        expect(backend.callsOf('book_table')).toHaveLength(calls.length);
        expect(backend.callsOf('book_table')).toHaveLength(before + 1);
        const recorded = toolCallsIn(await contextOf(from));
        expect(recorded).toEqual(
          expect.arrayContaining([expect.objectContaining({ tool: 'book_table', status: 'unknown' })]),
        );
      } finally {
        await restarted.stop();
      }
    } finally {
      backend.release();
      backend.behaviours.set('book_table', () => ({
        json: { confirmation: 'BK-5521', message: 'Booked. Reference BK-5521.' },
      }));
      await survivor.stop();
    }
  });
});
