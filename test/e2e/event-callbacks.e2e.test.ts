import { EVENT_TYPES } from '@voca/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SocialEmulator } from '../emulators/social/index.js';
import { Engine } from '../support/app-processes.js';
import { EventReceiver, type ReceivedEvent } from '../support/event-receiver.js';
import { Api } from '../support/http.js';
import { operationEnd } from '../support/operations.js';
import { signMeta, whatsappTextMessage } from '../support/platform-webhooks.js';
import { cozyComfortRequest } from '../support/seed.js';
import { testEnv, uniqueVendor } from '../support/test-env.js';
import { bearer, serviceToken, vendorToken } from '../support/tokens.js';
import { waitFor } from '../support/wait-for.js';
import { testDatabase } from '../support/database.js';
import { checkedFetch } from '../support/openapi-contract.js';

const META_SECRET = 'meta-app-secret-for-event-tests';
const vendor = uniqueVendor();
const otherVendor = uniqueVendor();
const account = `44${Date.now()}`;
const token = 'EAAG-event-tests-token';

const db = testDatabase();
let social: SocialEmulator;
let engine: Engine;
let vendorApi: Api;
let serviceApi: Api;
let receiver: EventReceiver;
let everyVendor: EventReceiver;
let endpointId: string;
let serviceEndpointId: string;

const digits = () => `1555${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;

async function register(api: Api, target: EventReceiver, body: Record<string, unknown>): Promise<string> {
  const created = await api.post('/api/v1/event-endpoints', { url: target.url, ...body });
  expect(created.status).toBe(201);
  target.secret = created.body.secret;
  return created.body.id;
}

async function provision(channels: string[], accessToken = token, phoneNumberId = account): Promise<string> {
  const accepted = await vendorApi.post(
    '/api/v1/agents/provision',
    cozyComfortRequest(vendor, {
      channels,
      channel_credentials: { whatsapp: { phone_number_id: phoneNumberId, access_token: accessToken } },
    } as never),
  );
  expect(accepted.status).toBe(202);
  await operationEnd(vendorApi, accepted.body.status_url, 60_000, bearer(vendorToken(vendor)));
  return accepted.body.agent_id;
}

/** Waits until the receiver accepted events of these types for the agent, and returns that agent's accepted events. */
async function eventsOf(target: EventReceiver, agentId: string, types: string[]): Promise<ReceivedEvent[]> {
  return waitFor(
    async () => {
      const events = target.accepted((event) => event.agent_id === agentId);
      return types.every((type) => events.some((event) => event.type === type)) ? events : undefined;
    },
    `${types.join(', ')} for agent ${agentId}`,
    30_000,
  );
}

async function postWhatsapp(from: string, text: string, phoneNumberId = account) {
  const body = whatsappTextMessage({ phoneNumberId, from, text });
  const response = await checkedFetch(`${engine.gatewayUrl}/api/v1/webhooks/meta`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...signMeta(body, META_SECRET) },
    body,
  });
  expect(response.status).toBe(200);
}

beforeAll(async () => {
  social = await SocialEmulator.start({ graphVersion: 'v21.0' });
  social.allowToken(account, token);
  receiver = await EventReceiver.start();
  everyVendor = await EventReceiver.start();
  engine = await Engine.start(
    testEnv({
      EVENT_DELIVERY: 'on',
      EVENT_POLL_INTERVAL_MS: '100',
      EVENT_RETRY_BASE_MS: '300',
      META_APP_SECRET: META_SECRET,
      META_GRAPH_BASE_URL: social.url,
      META_GRAPH_VERSION: 'v21.0',
    }),
  );
  vendorApi = new Api(engine.gatewayUrl, bearer(vendorToken(vendor)));
  serviceApi = new Api(engine.gatewayUrl, bearer(serviceToken()));
  endpointId = await register(vendorApi, receiver, { events: [...EVENT_TYPES] });
  serviceEndpointId = await register(serviceApi, everyVendor, {
    events: ['operation.completed'],
    description: 'the backend, for every vendor',
  });
}, 120_000);

afterAll(async () => {
  // The database is shared with other test files: an endpoint for every vendor would collect their events for good.
  if (serviceEndpointId) await serviceApi.delete(`/api/v1/event-endpoints/${serviceEndpointId}`);
  if (endpointId) await serviceApi.delete(`/api/v1/event-endpoints/${endpointId}`);
  await engine?.stop();
  await Promise.all([receiver?.stop(), everyVendor?.stop(), social?.stop()]);
  await db.end();
});

describe('event endpoints', () => {
  it('show the signing secret once, and only to the vendor that registered them', async () => {
    const shown = await vendorApi.get(`/api/v1/event-endpoints/${endpointId}`);
    expect(shown.status).toBe(200);
    expect(shown.body).toMatchObject({ id: endpointId, url: receiver.url, vendor_id: vendor });
    expect(shown.body).not.toHaveProperty('secret');
    expect(receiver.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);

    const other = new Api(engine.gatewayUrl, bearer(vendorToken(otherVendor)));
    expect((await other.get(`/api/v1/event-endpoints/${endpointId}`)).status).toBe(404);
    expect((await other.get('/api/v1/event-endpoints')).body.items).toEqual([]);
    expect((await vendorApi.get('/api/v1/event-endpoints')).body.items.map((e: { id: string }) => e.id)).toEqual([
      endpointId,
    ]);
    // The service's endpoint for every vendor is the service's alone.
    const all = (await serviceApi.get('/api/v1/event-endpoints')).body.items;
    expect(all.find((e: { url: string }) => e.url === everyVendor.url)).toMatchObject({ vendor_id: null });
  });

  it('refuse a bad registration with a 400 naming the field, and another vendor with a 403', async () => {
    const badType = await vendorApi.post('/api/v1/event-endpoints', { url: receiver.url, events: ['operation.done'] });
    expect(badType.status).toBe(400);
    expect(badType.body.fields.map((f: { field: string }) => f.field)).toEqual(['events']);
    const badUrl = await vendorApi.post('/api/v1/event-endpoints', {
      url: 'not a url',
      events: ['operation.completed'],
    });
    expect(badUrl.status).toBe(400);
    expect(badUrl.body.fields.map((f: { field: string }) => f.field)).toEqual(['url']);
    const withPassword = await vendorApi.post('/api/v1/event-endpoints', {
      url: 'https://user:pw@backend.example/events',
      events: ['operation.completed'],
    });
    expect(withPassword.status).toBe(400);
    expect(withPassword.body.fields[0].field).toBe('url');
    const foreign = await vendorApi.post('/api/v1/event-endpoints', {
      url: receiver.url,
      events: ['operation.completed'],
      vendor_id: otherVendor,
    });
    expect(foreign.status).toBe(403);
    // At most 20 per vendor, counted under a lock so that registrations at once cannot pass it together.
    const busy = new Api(engine.gatewayUrl, bearer(vendorToken(uniqueVendor())));
    const answers = await Promise.all(
      Array.from({ length: 21 }, (_, i) =>
        busy.post('/api/v1/event-endpoints', {
          url: `https://127.0.0.2/hook/${i}`,
          events: ['operation.completed'],
        }),
      ),
    );
    expect(answers.map((answer) => answer.status).sort()).toEqual([...Array(20).fill(201), 409]);
  });
});

describe('event deliveries', () => {
  it('tell the backend how provisioning ended, signed, in the order things happened, each event once', async () => {
    const agentId = await provision(['whatsapp']);
    const events = await eventsOf(receiver, agentId, ['operation.completed']);
    expect(events.map((event) => event.type)).toEqual([
      'agent.status_changed',
      'agent.status_changed',
      'operation.completed',
    ]);
    expect(events.map((event) => event.data.to ?? event.data.status)).toEqual(['provisioning', 'active', 'completed']);
    const completed = events[2]!;
    // The status route's field names: provisioning_id, status, agent_id, agent_config.
    expect(completed).toMatchObject({
      vendor_id: vendor,
      agent_id: agentId,
      data: { status: 'completed', agent_id: agentId, kind: 'provision' },
    });
    expect(completed.data.agent_config).toMatchObject({ id: agentId, status: 'active', provisioning_complete: true });
    const status = await vendorApi.get(`/api/v1/provisioning/${completed.data.provisioning_id}`);
    expect(status.body).toMatchObject({
      provisioning_id: completed.data.provisioning_id,
      status: 'completed',
      agent_id: agentId,
    });

    const arrivals = receiver.arrivals.filter((arrival) => arrival.event.agent_id === agentId);
    expect(arrivals.every((arrival) => arrival.signatureValid)).toBe(true);
    expect(arrivals[2]!.headers).toMatchObject({
      'voca-event-id': completed.id,
      'voca-event-type': 'operation.completed',
      'voca-delivery-attempt': '1',
    });
    expect(new Set(events.map((event) => event.id)).size).toBe(3);

    // The service's endpoint for every vendor heard of it too, under its own secret.
    const heard = await eventsOf(everyVendor, agentId, ['operation.completed']);
    expect(heard.map((event) => event.id)).toEqual([completed.id]);
  });

  it('retry an endpoint that fails until it recovers, without reordering or repeating what it accepted', async () => {
    const agentId = await provision(['whatsapp'], token, `45${Date.now()}`);
    await eventsOf(receiver, agentId, ['operation.completed']);
    receiver.failNext(4);
    for (const action of ['pause', 'resume', 'stop', 'start']) {
      const changed = await vendorApi.post(`/api/v1/agents/${agentId}/${action}`, {});
      expect(changed.status).toBe(200);
    }
    const events = await waitFor(
      async () => {
        const changes = receiver.accepted(
          (event) => event.agent_id === agentId && event.type === 'agent.status_changed',
        );
        return changes.length >= 6 ? changes : undefined;
      },
      'the four status changes after the endpoint recovers',
      30_000,
    );
    expect(events.slice(2).map((event) => `${event.data.from}>${event.data.to}`)).toEqual([
      'active>paused',
      'paused>active',
      'active>stopped',
      'stopped>active',
    ]);
    expect(events.slice(2).map((event) => event.data.action)).toEqual(['pause', 'resume', 'stop', 'start']);
    // Each accepted once; the refused attempts were of the first of them, the others waited their turn.
    expect(new Set(events.map((event) => event.id)).size).toBe(events.length);
    const refused = receiver.arrivals.filter((arrival) => arrival.answered === 503);
    expect(refused).toHaveLength(4);
    expect(new Set(refused.map((arrival) => arrival.event.id))).toEqual(new Set([events[2]!.id]));
    expect(refused.map((arrival) => arrival.headers['voca-delivery-attempt'])).toEqual(['1', '2', '3', '4']);

    // The deliveries, with every attempt, through the API.
    const page = await vendorApi.get(`/api/v1/event-endpoints/${endpointId}/deliveries?limit=100`);
    expect(page.status).toBe(200);
    const first = page.body.items.find((item: { event_id: string }) => item.event_id === events[2]!.id);
    expect(first).toMatchObject({
      status: 'delivered',
      event_type: 'agent.status_changed',
      agent_id: agentId,
      attempts: 5,
      next_attempt_at: null,
    });
    expect(first.attempt_log.map((attempt: { status_code: number }) => attempt.status_code)).toEqual([
      503, 503, 503, 503, 200,
    ]);
    expect(first.attempt_log[0].error).toContain('503');
    expect(first.event).toEqual(events[2]);
    const failedOnly = await vendorApi.get(`/api/v1/event-endpoints/${endpointId}/deliveries?status=failed`);
    expect(failedOnly.body.items).toEqual([]);
    const badQuery = await vendorApi.get(`/api/v1/event-endpoints/${endpointId}/deliveries?status=lost`);
    expect(badQuery.status).toBe(400);
  });

  it('tell the backend when the agent hands a customer to a person', async () => {
    const phoneNumberId = `46${Date.now()}`;
    social.allowToken(phoneNumberId, token);
    const agentId = await provision(['whatsapp'], token, phoneNumberId);
    await postWhatsapp(digits(), 'I want to talk to a real person please', phoneNumberId);
    const [handoff] = (await eventsOf(receiver, agentId, ['conversation.handoff'])).filter(
      (event) => event.type === 'conversation.handoff',
    );
    expect(handoff!.data).toMatchObject({
      channel: 'whatsapp',
      text: 'I want to talk to a real person please',
      status: 'answered',
    });
    expect(handoff!.data.customer_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(handoff!.data.reply.text.length).toBeGreaterThan(0);
  });

  it('tell the backend once when a platform refuses a channel token, and that the customer needs a person', async () => {
    const phoneNumberId = `47${Date.now()}`;
    // The platform does not know this token: every send is refused with Graph's 190.
    const agentId = await provision(['whatsapp'], 'EAAG-revoked-token', phoneNumberId);
    await postWhatsapp(digits(), 'What are your store hours?', phoneNumberId);
    await postWhatsapp(digits(), 'Do you ship for free?', phoneNumberId);
    const events = await waitFor(
      async () => {
        const seen = receiver.accepted((event) => event.agent_id === agentId);
        return seen.filter((event) => event.type === 'message.follow_up').length >= 2 ? seen : undefined;
      },
      'two follow-ups',
      30_000,
    );
    const invalid = events.filter((event) => event.type === 'channel.credentials_invalid');
    expect(invalid).toHaveLength(1);
    expect(invalid[0]!.data).toMatchObject({ channel_type: 'whatsapp' });
    expect(invalid[0]!.data.error).toContain('190');
    const followUps = events.filter((event) => event.type === 'message.follow_up');
    expect(followUps.map((event) => event.data.status)).toEqual(['failed', 'failed']);
    const agent = await vendorApi.get(`/api/v1/agents/${agentId}`);
    expect(agent.body.channels[0].error).toContain('refused the stored credentials');
    // Both customers are in the inbox for a person to follow up; the agent goes on answering them meanwhile.
    const inbox = await vendorApi.get(`/api/v1/handoffs?agent_id=${agentId}`);
    expect(
      inbox.body.items.map((item: { kind: string; reason: string }) => [item.kind, item.reason.includes('190')]),
    ).toEqual([
      ['follow_up', true],
      ['follow_up', true],
    ]);
  });

  it('stop when the endpoint is removed', async () => {
    const gone = await EventReceiver.start();
    try {
      const id = await register(vendorApi, gone, { events: ['agent.status_changed'] });
      const removed = await vendorApi.delete(`/api/v1/event-endpoints/${id}`);
      expect(removed.status).toBe(200);
      expect(removed.body).toMatchObject({ id, url: gone.url, events: ['agent.status_changed'] });
      expect((await vendorApi.get(`/api/v1/event-endpoints/${id}`)).status).toBe(404);
      const agentId = await provision(['whatsapp'], token, `48${Date.now()}`);
      await eventsOf(receiver, agentId, ['operation.completed']);
      expect(gone.arrivals).toEqual([]);
    } finally {
      await gone.stop();
    }
  });
});

describe('the hand-off inbox', () => {
  it("lists a handed-off conversation, holds the agent back, sends a person's reply once and hands it back, with an event at each step", async () => {
    const phoneNumberId = `49${Date.now()}`;
    social.allowToken(phoneNumberId, token);
    const agentId = await provision(['whatsapp'], token, phoneNumberId);
    const customer = digits();
    await postWhatsapp(customer, 'I want to talk to a real person please', phoneNumberId);
    await eventsOf(receiver, agentId, ['conversation.handoff']);

    const inbox = await vendorApi.get(`/api/v1/handoffs?agent_id=${agentId}`);
    expect(inbox.status).toBe(200);
    expect(inbox.body.items).toHaveLength(1);
    const handoff = inbox.body.items[0];
    expect(handoff).toMatchObject({
      agent_id: agentId,
      vendor_id: vendor,
      channel: 'whatsapp',
      state: 'open',
      kind: 'handoff',
      resolved_at: null,
    });
    expect(handoff.messages.map((m: { from: string }) => m.from)).toEqual(['customer', 'agent']);

    // While a person has the conversation, the agent does not answer the customer.
    await postWhatsapp(customer, 'Hello? Anyone there?', phoneNumberId);
    await eventsOf(receiver, agentId, ['message.follow_up']);
    expect(social.sentTo(customer)).toHaveLength(1);
    const waiting = await vendorApi.get(`/api/v1/handoffs/${handoff.id}`);
    expect(waiting.body.messages.at(-1)).toMatchObject({
      from: 'customer',
      text: 'Hello? Anyone there?',
      status: 'follow_up',
    });

    const replied = await vendorApi.post(`/api/v1/handoffs/${handoff.id}/reply`, {
      text: 'Hi, this is Maria from Cozy Comfort. How can I help?',
    });
    expect(replied.status).toBe(202);
    expect(replied.body).toMatchObject({ handoff_id: handoff.id, channel: 'whatsapp', status: 'pending' });
    const sent = await waitFor(
      async () => (social.sentTo(customer).length >= 2 ? social.sentTo(customer) : undefined),
      "the person's reply to be sent",
    );
    expect(sent[1]).toMatchObject({
      platform: 'whatsapp',
      text: 'Hi, this is Maria from Cozy Comfort. How can I help?',
      accessToken: token,
    });
    const afterReply = await waitFor(async () => {
      const { body } = await vendorApi.get(`/api/v1/handoffs/${handoff.id}`);
      return body.messages.at(-1).status === 'sent' ? body : undefined;
    }, 'the reply to be recorded as sent');
    expect(afterReply.messages.at(-1)).toMatchObject({ from: 'person', author: `vendor:${vendor}:user-of-${vendor}` });

    const resolved = await vendorApi.post(`/api/v1/handoffs/${handoff.id}/resolve`, {});
    expect(resolved.status).toBe(200);
    expect(resolved.body).toMatchObject({ state: 'resolved', resolved_by: `vendor:${vendor}:user-of-${vendor}` });
    expect((await vendorApi.post(`/api/v1/handoffs/${handoff.id}/resolve`, {})).body.state).toBe('resolved');
    expect((await vendorApi.get(`/api/v1/handoffs?agent_id=${agentId}`)).body.items).toEqual([]);
    expect(
      (await vendorApi.get(`/api/v1/handoffs?agent_id=${agentId}&state=resolved`)).body.items.map(
        (h: { id: string }) => h.id,
      ),
    ).toEqual([handoff.id]);
    const late = await vendorApi.post(`/api/v1/handoffs/${handoff.id}/reply`, { text: 'one more thing' });
    expect(late.status).toBe(409);

    // Handed back: the agent answers again.
    await postWhatsapp(customer, 'What are your store hours?', phoneNumberId);
    const answered = await waitFor(
      async () => (social.sentTo(customer).length >= 3 ? social.sentTo(customer) : undefined),
      'the agent to answer again',
    );
    expect(answered[2]!.text).toContain('9 AM - 6 PM EST');

    const steps = (await eventsOf(receiver, agentId, ['conversation.person_replied', 'conversation.resolved'])).map(
      (event) => event.type,
    );
    expect(steps.filter((type) => type.startsWith('conversation.') || type === 'message.follow_up')).toEqual([
      'conversation.handoff',
      'message.follow_up',
      'conversation.person_replied',
      'conversation.resolved',
    ]);
  });

  it('sends no free-form reply outside the 24-hour window, and keeps other vendors out', async () => {
    const phoneNumberId = `50${Date.now()}`;
    social.allowToken(phoneNumberId, token);
    const agentId = await provision(['whatsapp'], token, phoneNumberId);
    const customer = digits();
    await postWhatsapp(customer, 'Can I speak to a human?', phoneNumberId);
    await eventsOf(receiver, agentId, ['conversation.handoff']);
    const [handoff] = (await vendorApi.get(`/api/v1/handoffs?agent_id=${agentId}`)).body.items;
    await db.query(
      `UPDATE conversation_messages SET sent_at = now() - interval '25 hours' WHERE counterpart_id = $1 AND direction = 'inbound'`,
      [customer],
    );

    const other = new Api(engine.gatewayUrl, bearer(vendorToken(otherVendor)));
    expect((await other.get(`/api/v1/handoffs/${handoff.id}`)).status).toBe(404);
    expect((await other.post(`/api/v1/handoffs/${handoff.id}/reply`, { text: 'hi' })).status).toBe(404);
    expect((await other.post(`/api/v1/handoffs/${handoff.id}/resolve`, {})).status).toBe(404);
    expect((await other.get(`/api/v1/handoffs?vendor_id=${vendor}`)).status).toBe(404);
    const empty = await vendorApi.post(`/api/v1/handoffs/${handoff.id}/reply`, { text: '' });
    expect(empty.status).toBe(400);
    expect(empty.body.fields[0].field).toBe('text');

    const replied = await vendorApi.post(`/api/v1/handoffs/${handoff.id}/reply`, { text: 'Sorry for the wait!' });
    expect(replied.status).toBe(202);
    const view = await waitFor(async () => {
      const { body } = await vendorApi.get(`/api/v1/handoffs/${handoff.id}`);
      return body.messages.at(-1).status === 'needs_template' ? body : undefined;
    }, 'the reply to need a template');
    expect(view.messages.at(-1)).toMatchObject({ from: 'person', text: 'Sorry for the wait!' });
    expect(social.sentTo(customer)).toHaveLength(1);
  });
});
