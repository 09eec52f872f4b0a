import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SocialEmulator } from '../emulators/social/index.js';
import { AppProcess, Engine, freePort } from '../support/app-processes.js';
import { countRows, testDatabase } from '../support/database.js';
import { Api } from '../support/http.js';
import {
  instagramTextMessage,
  messengerEcho,
  messengerTextMessage,
  newWamid,
  signMeta,
  signX,
  whatsappMediaMessage,
  whatsappStatus,
  whatsappTextMessage,
  messengerAttachments,
  metaJson,
  newXId,
  xCrcAnswer,
  xDirectMessage,
} from '../support/platform-webhooks.js';
import { Scrape } from '../support/prometheus.js';
import { cozyComfortRequest } from '../support/seed.js';
import { testEnv, uniqueVendor } from '../support/test-env.js';
import { bearer, serviceToken, vendorToken } from '../support/tokens.js';
import { waitFor } from '../support/wait-for.js';
import { operationEnd } from '../support/operations.js';
import { signAsCaller } from '../support/engine-webhooks.js';
import { checkedFetch } from '../support/openapi-contract.js';

const META_SECRET = 'meta-app-secret-for-tests';
const VERIFY_TOKEN = 'meta-verify-token-for-tests';
const X_SECRET = 'x-consumer-secret-for-tests';
const WEBHOOK_SECRET = 'engine-webhook-secret-for-tests-0123456789';

const accounts = {
  whatsapp: `11${Date.now()}`,
  facebook: `22${Date.now()}`,
  instagram: `33${Date.now()}`,
  twitter: `99${Date.now()}`,
};
const tokens = {
  whatsapp: 'EAAG-wa-token',
  facebook: 'EAAG-page-token',
  instagram: 'EAAG-ig-token',
  twitter: 'x-user-token',
};

const db = testDatabase();
let social: SocialEmulator;
let engine: Engine;
let env: Record<string, string>;
let api: Api;
let agentId: string;
let voiceNumber: string;

const digits = () => `1555${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;

async function postMeta(body: string, signature = signMeta(body, META_SECRET)) {
  return checkedFetch(`${engine.gatewayUrl}/api/v1/webhooks/meta`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...signature },
    body,
  });
}

async function postX(body: string) {
  return checkedFetch(`${engine.gatewayUrl}/api/v1/webhooks/twitter`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...signX(body, X_SECRET) },
    body,
  });
}

async function postEngine(path: string, payload: unknown) {
  const body = JSON.stringify(payload);
  return checkedFetch(`${engine.gatewayUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...signAsCaller(path, body, WEBHOOK_SECRET) },
    body,
  });
}

const repliesTo = (recipient: string) => social.sentTo(recipient);
const replyCount = async (recipient: string, count: number) =>
  waitFor(
    async () => (repliesTo(recipient).length >= count ? repliesTo(recipient) : undefined),
    `${count} replies to ${recipient}`,
    30_000,
  );

beforeAll(async () => {
  social = await SocialEmulator.start({ graphVersion: 'v21.0' });
  social.allowToken(accounts.whatsapp, tokens.whatsapp);
  social.allowToken(accounts.facebook, tokens.facebook);
  social.registerInstagramAccount(accounts.instagram);
  social.allowToken(accounts.instagram, tokens.instagram);
  social.allowXUser(accounts.twitter, tokens.twitter);
  env = testEnv({
    META_APP_SECRET: META_SECRET,
    META_VERIFY_TOKEN: VERIFY_TOKEN,
    X_CONSUMER_SECRET: X_SECRET,
    WEBHOOK_SECRET,
    META_GRAPH_BASE_URL: social.url,
    META_GRAPH_VERSION: 'v21.0',
    X_API_BASE_URL: social.url,
    WORKER_LOCK_DURATION_MS: '2000',
    WORKER_STALLED_INTERVAL_MS: '500',
  });
  engine = await Engine.start(env);
  api = new Api(engine.gatewayUrl, bearer(serviceToken()));
  const accepted = await api.post(
    '/api/v1/agents/provision',
    cozyComfortRequest(uniqueVendor(), {
      channels: ['voice', 'whatsapp', 'instagram', 'facebook', 'twitter'],
      channel_credentials: {
        whatsapp: { phone_number_id: accounts.whatsapp, access_token: tokens.whatsapp },
        facebook: { page_id: accounts.facebook, access_token: tokens.facebook },
        instagram: { account_id: accounts.instagram, access_token: tokens.instagram },
        twitter: { user_id: accounts.twitter, access_token: tokens.twitter },
      },
    } as never),
  );
  const done = await waitFor(
    async () => {
      const { body } = await api.get(accepted.body.status_url);
      return body.status === 'completed' ? body : undefined;
    },
    'the agent to be provisioned',
    60_000,
  );
  agentId = accepted.body.agent_id;
  voiceNumber = done.agent_config.channels.find(
    (c: { channel_type: string }) => c.channel_type === 'voice',
  ).phone_number;
}, 120_000);

afterAll(async () => {
  await engine?.stop();
  await social?.stop();
  await db.end();
});

describe('Meta webhooks', () => {
  it('answers the verification handshake with the challenge, and refuses a wrong token', async () => {
    const ok = await checkedFetch(
      `${engine.gatewayUrl}/api/v1/webhooks/meta?hub.mode=subscribe&hub.verify_token=${VERIFY_TOKEN}&hub.challenge=1158201444`,
    );
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('1158201444');
    const wrong = await checkedFetch(
      `${engine.gatewayUrl}/api/v1/webhooks/meta?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1`,
    );
    expect(wrong.status).toBe(403);
  });

  it('answers a WhatsApp message on WhatsApp, with the business facts, and records both turns', async () => {
    const customer = digits();
    const response = await postMeta(
      whatsappTextMessage({
        phoneNumberId: accounts.whatsapp,
        from: customer,
        name: 'Ann Lee',
        text: 'What are your store hours?',
      }),
    );
    expect(response.status).toBe(200);
    const [reply] = await replyCount(customer, 1);
    expect(reply).toMatchObject({ platform: 'whatsapp', from: accounts.whatsapp, accessToken: tokens.whatsapp });
    expect(reply!.text).toContain('9 AM - 6 PM EST');

    const { body: page } = await api.get(`/api/v1/agents/${agentId}/conversations?limit=100`);
    const conversation = page.items.find((item: { display_name?: string }) => item.display_name === 'Ann Lee');
    const { body: context } = await api.get(`/api/v1/agents/${agentId}/customers/${conversation.customer_id}/context`);
    expect(context.identities).toEqual([
      expect.objectContaining({ channel: 'whatsapp', external_id: customer, phone: `+${customer}` }),
    ]);
    expect(context.turns.map((turn: { role: string }) => turn.role)).toEqual(['customer', 'agent']);
    expect(context.turns[1]).toMatchObject({ status: 'sent', text: reply!.text });
  });

  it('records a duplicate delivery once and answers it once', async () => {
    const customer = digits();
    const body = whatsappTextMessage({
      phoneNumberId: accounts.whatsapp,
      from: customer,
      text: 'Do you take returns?',
      wamid: newWamid(),
    });
    const [first, second] = await Promise.all([postMeta(body), postMeta(body)]);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect((await postMeta(body)).status).toBe(200);
    await replyCount(customer, 1);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(repliesTo(customer)).toHaveLength(1);
    expect(repliesTo(customer)[0]!.text).toContain('30 days');
  });

  it('refuses a bad or missing signature with 401 and records nothing', async () => {
    const wamid = newWamid();
    const body = whatsappTextMessage({ phoneNumberId: accounts.whatsapp, from: digits(), text: 'hello', wamid });
    expect((await postMeta(body, signMeta(body, 'another-secret'))).status).toBe(401);
    expect((await postMeta(body, {} as never)).status).toBe(401);
    expect(await countRows(db, 'conversation_messages', 'platform_message_id = $1', [wamid])).toBe(0);
  });

  it('refuses with 400 a body that is not a Meta delivery', async () => {
    for (const [payload, field] of [
      [{ object: 'whatsapp_business_account' }, /entry is missing/],
      [{ object: 'user', entry: [] }, /object "user" is not a Meta messaging webhook/],
    ] as const) {
      const response = await postMeta(JSON.stringify(payload));
      expect(response.status).toBe(400);
      expect(((await response.json()) as { message: string }).message).toMatch(field);
    }
  });

  it('records and answers every good message of a batch that also carries a malformed one, and counts the skip', async () => {
    const skippedBefore = (await Scrape.of(engine.gatewayUrl)).sum('voca_webhook_skipped_total', {
      webhook: 'meta',
      reason: 'malformed',
    });
    const customers = [digits(), digits()];
    const good = (from: string, text: string) => ({
      from,
      id: newWamid(),
      timestamp: String(Math.floor(Date.now() / 1000)),
      type: 'text',
      text: { body: text },
    });
    const messages = [
      good(customers[0]!, 'Do you ship for free?'),
      // A shape seen in the wild: a text message whose text object is missing.
      { from: customers[0], id: newWamid(), timestamp: String(Math.floor(Date.now() / 1000)), type: 'text' },
      good(customers[1]!, 'What are your store hours?'),
    ];
    const body = metaJson({
      object: 'whatsapp_business_account',
      entry: [
        {
          id: '102290129340398',
          changes: [
            {
              field: 'messages',
              value: {
                messaging_product: 'whatsapp',
                metadata: { display_phone_number: '15550783881', phone_number_id: accounts.whatsapp },
                contacts: customers.map((wa_id) => ({ profile: { name: 'A Customer' }, wa_id })),
                messages,
              },
            },
            // A change whose metadata is missing: skipped on its own, the changes beside it are read.
            { field: 'messages', value: { messaging_product: 'whatsapp', messages: [good(digits(), 'lost')] } },
          ],
        },
      ],
    });
    const response = await postMeta(body);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ received: 2, skipped: 2 });
    expect((await replyCount(customers[0]!, 1))[0]!.text).toMatch(/Free shipping on orders over \$75/);
    expect((await replyCount(customers[1]!, 1))[0]!.text).toContain('9 AM - 6 PM EST');
    expect(await countRows(db, 'conversation_messages', 'platform_message_id = $1', [messages[1]!.id])).toBe(0);
    const skippedAfter = (await Scrape.of(engine.gatewayUrl)).sum('voca_webhook_skipped_total', {
      webhook: 'meta',
      reason: 'malformed',
    });
    expect(skippedAfter - skippedBefore).toBe(2);
  });

  it('ignores echoes of our own messages and answers Messenger and Instagram on their platform', async () => {
    const psid = `psid-${randomUUID().slice(0, 8)}`;
    expect((await postMeta(messengerEcho({ pageId: accounts.facebook, psid, text: 'an echo' }))).status).toBe(200);
    expect(
      (await postMeta(messengerTextMessage({ pageId: accounts.facebook, psid, text: 'Do you ship for free?' }))).status,
    ).toBe(200);
    const [messenger] = await replyCount(psid, 1);
    expect(messenger).toMatchObject({ platform: 'messenger', from: accounts.facebook });
    expect(messenger!.body.messaging_type).toBe('RESPONSE');
    expect(messenger!.text).toMatch(/Free shipping on orders over \$75/);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(repliesTo(psid)).toHaveLength(1);

    const igsid = `igsid-${randomUUID().slice(0, 8)}`;
    await postMeta(instagramTextMessage({ igAccountId: accounts.instagram, igsid, text: 'What is your website?' }));
    const [instagram] = await replyCount(igsid, 1);
    expect(instagram).toMatchObject({ platform: 'instagram', from: accounts.instagram });
    expect(instagram!.text).toContain('https://cozycomfort.example');
  });

  it('acknowledges messages for an unknown account without recording or answering them', async () => {
    const wamid = newWamid();
    const response = await postMeta(
      whatsappTextMessage({ phoneNumberId: 'pn-nobody', from: digits(), text: 'hello?', wamid }),
    );
    expect(response.status).toBe(200);
    expect(await countRows(db, 'conversation_messages', 'platform_message_id = $1', [wamid])).toBe(0);
  });

  it('answers two quick messages from one customer in the order they came', async () => {
    const customer = digits();
    const now = Math.floor(Date.now() / 1000);
    await postMeta(
      whatsappTextMessage({
        phoneNumberId: accounts.whatsapp,
        from: customer,
        text: 'What are your store hours?',
        timestamp: now,
      }),
    );
    await postMeta(
      whatsappTextMessage({
        phoneNumberId: accounts.whatsapp,
        from: customer,
        text: 'Do you take returns?',
        timestamp: now,
      }),
    );
    const replies = await replyCount(customer, 2);
    expect(replies[0]!.text).toContain('9 AM - 6 PM EST');
    expect(replies[1]!.text).toContain('30 days');
  });

  it('updates the delivery state of a reply from the status webhooks, never backwards', async () => {
    const customer = digits();
    await postMeta(whatsappTextMessage({ phoneNumberId: accounts.whatsapp, from: customer, text: 'hello' }));
    const [reply] = await replyCount(customer, 1);
    await postMeta(
      whatsappStatus({
        phoneNumberId: accounts.whatsapp,
        wamid: reply!.messageId,
        status: 'read',
        recipientId: customer,
      }),
    );
    await postMeta(
      whatsappStatus({
        phoneNumberId: accounts.whatsapp,
        wamid: reply!.messageId,
        status: 'delivered',
        recipientId: customer,
      }),
    );
    const status = await waitFor(
      async () => {
        const result = await db.query(`SELECT status FROM conversation_messages WHERE platform_message_id = $1`, [
          reply!.messageId,
        ]);
        return result.rows[0]?.status === 'read' ? 'read' : undefined;
      },
      'the reply to be read',
      45_000,
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    const again = await db.query(`SELECT status FROM conversation_messages WHERE platform_message_id = $1`, [
      reply!.messageId,
    ]);
    expect([status, again.rows[0].status]).toEqual(['read', 'read']);
  }, 90_000);

  it('does not send a free-form reply outside the 24-hour window', async () => {
    const customer = digits();
    const dayAndAHourAgo = Math.floor(Date.now() / 1000) - 25 * 3600;
    const wamid = newWamid();
    await postMeta(
      whatsappTextMessage({
        phoneNumberId: accounts.whatsapp,
        from: customer,
        text: 'hello',
        wamid,
        timestamp: dayAndAHourAgo,
      }),
    );
    const status = await waitFor(async () => {
      const result = await db.query(
        `SELECT r.status FROM conversation_messages r JOIN conversation_messages m ON r.in_reply_to = m.id WHERE m.platform_message_id = $1`,
        [wamid],
      );
      // The reply is recorded `pending` first; what counts is where it settles.
      const settled = result.rows[0]?.status;
      return settled && !['pending', 'sending'].includes(settled) ? settled : undefined;
    }, 'the reply to be settled');
    expect(status).toBe('needs_template');
    expect(repliesTo(customer)).toHaveLength(0);
  });
});

describe('sending', () => {
  it('retries a throttled or failed send with backoff and delivers it once', async () => {
    social.failNext('whatsapp', 'rate_limited', 1);
    social.failNext('whatsapp', 'server_error', 1);
    const customer = digits();
    await postMeta(
      whatsappTextMessage({ phoneNumberId: accounts.whatsapp, from: customer, text: 'What are your store hours?' }),
    );
    const [reply] = await replyCount(customer, 1);
    expect(reply!.text).toContain('9 AM - 6 PM EST');
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(repliesTo(customer)).toHaveLength(1);
    const refused = social.requests.filter(
      (request) => request.path.includes(`/${accounts.whatsapp}/messages`) && request.status >= 400,
    );
    expect(refused.length).toBeGreaterThanOrEqual(2);
  });

  it('records a reply the platform refuses for good as failed, without retrying it', async () => {
    social.failNext('messenger', 'invalid_recipient', 1);
    const psid = `psid-${randomUUID().slice(0, 8)}`;
    await postMeta(messengerTextMessage({ pageId: accounts.facebook, psid, text: 'hello' }));
    const row = await waitFor(async () => {
      const result = await db.query(
        `SELECT r.status, r.error FROM conversation_messages r JOIN conversation_messages m ON r.in_reply_to = m.id
          WHERE m.counterpart_id = $1 AND m.direction = 'inbound'`,
        [psid],
      );
      return result.rows[0]?.status === 'failed' ? result.rows[0] : undefined;
    }, 'the refused reply to be recorded as failed');
    expect(row.error).toMatch(/No matching user found/);
    expect(repliesTo(psid)).toHaveLength(0);
  });
});

describe('media from customers', () => {
  const customerContext = async (counterpart: string) => {
    const { rows } = await db.query(
      `SELECT customer_id FROM conversation_messages WHERE counterpart_id = $1 AND direction = 'inbound' LIMIT 1`,
      [counterpart],
    );
    return (await api.get(`/api/v1/agents/${agentId}/customers/${rows[0].customer_id}/context`)).body;
  };

  it('answers a photo without words by saying what the agent can help with, and keeps the photo as a reference', async () => {
    const customer = digits();
    await postMeta(
      whatsappMediaMessage({
        phoneNumberId: accounts.whatsapp,
        from: customer,
        type: 'image',
        content: { mime_type: 'image/jpeg', sha256: 'x', id: '1479537139650973' },
      }),
    );
    const [reply] = await replyCount(customer, 1);
    expect(reply!.text).toContain('Thanks for sending a photo.');
    expect(reply!.text).toContain('opening hours');
    const context = await customerContext(customer);
    expect(context.turns[0]).toMatchObject({
      role: 'customer',
      text: '',
      media: [{ type: 'image', id: '1479537139650973', mime_type: 'image/jpeg' }],
    });
  });

  it("answers a photo's caption, and shows the photo in the next turn's history", async () => {
    const customer = digits();
    await postMeta(
      whatsappMediaMessage({
        phoneNumberId: accounts.whatsapp,
        from: customer,
        type: 'image',
        content: {
          caption: 'What are your store hours?',
          mime_type: 'image/jpeg',
          sha256: 'x',
          id: '1479537139650974',
        },
      }),
    );
    const [reply] = await replyCount(customer, 1);
    expect(reply!.text).toContain('9 AM - 6 PM EST');
    await postMeta(
      whatsappMediaMessage({
        phoneNumberId: accounts.whatsapp,
        from: customer,
        type: 'location',
        content: { latitude: 40.7, longitude: -74, name: 'Home' },
      }),
    );
    const replies = await replyCount(customer, 2);
    expect(replies[1]!.text).toContain('Thanks for sending a location.');
    const context = await customerContext(customer);
    expect(
      context.turns
        .filter((turn: { role: string }) => turn.role === 'customer')
        .map((turn: { media: unknown[] }) => turn.media[0]),
    ).toEqual([
      { type: 'image', id: '1479537139650974', mime_type: 'image/jpeg' },
      { type: 'location', latitude: 40.7, longitude: -74, name: 'Home' },
    ]);
  });

  it('hands a customer who sends a voice note to a person when the business asks for it', async () => {
    const { character_config: before } = (await api.get(`/api/v1/agents/${agentId}`)).body;
    expect(before).toMatchObject({ tone: 'friendly' });
    const changed = await api.put(`/api/v1/agents/${agentId}`, {
      character_config: { ...before, media_handoff: true },
    });
    expect([200, 202]).toContain(changed.status);
    if (changed.status === 202) await operationEnd(api, changed.body.status_url, 60_000);
    const psid = `psid-${randomUUID().slice(0, 8)}`;
    try {
      await postMeta(
        messengerAttachments({
          pageId: accounts.facebook,
          psid,
          attachments: [{ type: 'audio', payload: { url: 'https://cdn.example/voice.mp4' } }],
        }),
      );
      const [reply] = await replyCount(psid, 1);
      expect(reply!.text).toContain('Thanks for sending an audio message.');
      const row = await waitFor(async () => {
        const { rows } = await db.query(
          `SELECT handoff, status FROM conversation_messages WHERE counterpart_id = $1 AND direction = 'inbound'`,
          [psid],
        );
        return rows[0]?.status === 'answered' ? rows[0] : undefined;
      }, 'the voice note to be answered');
      expect(row.handoff).toBe(true);
    } finally {
      const back = await api.put(`/api/v1/agents/${agentId}`, { character_config: before });
      if (back.status === 202) await operationEnd(api, back.body.status_url, 60_000);
    }
  });
});

describe('customers across channels', () => {
  it('links identities explicitly and undoes the link', async () => {
    const waCustomer = digits();
    const psid = `psid-${randomUUID().slice(0, 8)}`;
    await postMeta(
      whatsappTextMessage({ phoneNumberId: accounts.whatsapp, from: waCustomer, name: 'Link Test', text: 'hello' }),
    );
    await postMeta(messengerTextMessage({ pageId: accounts.facebook, psid, text: 'Do you take returns?' }));
    await replyCount(waCustomer, 1);
    await replyCount(psid, 1);
    const { body: page } = await api.get(`/api/v1/agents/${agentId}/conversations?limit=100`);
    const customerOf = async (externalId: string) => {
      for (const item of page.items) {
        const { body } = await api.get(`/api/v1/agents/${agentId}/customers/${item.customer_id}/context`);
        const identity = body.identities.find((i: { external_id: string }) => i.external_id === externalId);
        if (identity) return { customerId: item.customer_id as string, identityId: identity.id as string };
      }
      throw new Error(`no customer has ${externalId}`);
    };
    const whatsapp = await customerOf(waCustomer);
    const messenger = await customerOf(psid);
    expect(whatsapp.customerId).not.toBe(messenger.customerId);

    const linked = await api.post(`/api/v1/agents/${agentId}/customers/${whatsapp.customerId}/link`, {
      identity_id: messenger.identityId,
    });
    expect(linked.status).toBe(200);
    expect(linked.body.identities.map((i: { channel: string; linked: string }) => [i.channel, i.linked])).toEqual([
      ['whatsapp', 'first_seen'],
      ['facebook', 'explicit'],
    ]);
    expect(linked.body.turns.map((t: { channel: string }) => t.channel).sort()).toEqual([
      'facebook',
      'facebook',
      'whatsapp',
      'whatsapp',
    ]);

    const undone = await api.send<any>(
      'DELETE',
      `/api/v1/agents/${agentId}/customers/${whatsapp.customerId}/link/${messenger.identityId}`,
      undefined,
      {},
    );
    expect(undone.status).toBe(200);
    expect(undone.body.identities).toHaveLength(1);
    const back = await api.get(`/api/v1/agents/${agentId}/customers/${messenger.customerId}/context`);
    expect(back.body.identities[0]).toMatchObject({ external_id: psid, linked: 'first_seen' });
    const again = await api.send(
      'DELETE',
      `/api/v1/agents/${agentId}/customers/${messenger.customerId}/link/${messenger.identityId}`,
      undefined,
      {},
    );
    expect(again.status).toBe(409);
  });

  it('pages conversations, caps the page size, and hides them from other vendors', async () => {
    const first = await api.get(`/api/v1/agents/${agentId}/conversations?skip=0&limit=2`);
    expect(first.body).toMatchObject({ skip: 0, limit: 2, total: expect.any(Number) });
    expect(first.body.items).toHaveLength(2);
    const second = await api.get(`/api/v1/agents/${agentId}/conversations?skip=2&limit=2`);
    expect(second.body.items[0].customer_id).not.toBe(first.body.items[0].customer_id);
    for (const bad of ['limit=1000', 'limit=0', 'skip=-1', 'limit=two']) {
      const refused = await api.get(`/api/v1/agents/${agentId}/conversations?${bad}`);
      expect(refused.status, bad).toBe(400);
      expect(refused.body.fields.map((field: { field: string }) => field.field)).toEqual([bad.split('=')[0]]);
    }
    const stranger = new Api(engine.gatewayUrl, bearer(vendorToken(uniqueVendor())));
    expect((await stranger.get(`/api/v1/agents/${agentId}/conversations`)).status).toBe(404);
    const customerId = first.body.items[0].customer_id;
    expect((await stranger.get(`/api/v1/agents/${agentId}/customers/${customerId}/context`)).status).toBe(404);
  });
});

describe('X webhooks', () => {
  it("answers the CRC check and a direct message, and drops the account's own messages", async () => {
    const crc = await checkedFetch(`${engine.gatewayUrl}/api/v1/webhooks/twitter?crc_token=challenge-123`);
    expect(await crc.json()).toEqual(xCrcAnswer('challenge-123', X_SECRET));

    const own = xDirectMessage({ forUserId: accounts.twitter, senderId: accounts.twitter, text: 'our own message' });
    expect((await postX(own)).status).toBe(200);
    const customer = `77${Date.now()}`;
    expect(
      (
        await postX(
          xDirectMessage({ forUserId: accounts.twitter, senderId: customer, text: 'What are your store hours?' }),
        )
      ).status,
    ).toBe(200);
    const [reply] = await replyCount(customer, 1);
    expect(reply).toMatchObject({ platform: 'x', from: accounts.twitter });
    expect(reply!.text).toContain('9 AM - 6 PM EST');
    expect(social.sentTo(accounts.twitter)).toHaveLength(0);
  });

  it('records the words the customer wrote, not the HTML-escaped text X delivers', async () => {
    const customer = `78${Date.now()}`;
    const id = newXId();
    // X escapes &, < and > in DM texts: the customer typed `Towels & sheets <3`.
    const body = xDirectMessage({
      forUserId: accounts.twitter,
      senderId: customer,
      id,
      text: 'Towels &amp; sheets &lt;3',
    });
    expect((await postX(body)).status).toBe(200);
    await replyCount(customer, 1);
    const { rows } = await db.query<{ text: string }>(
      `SELECT text FROM conversation_messages WHERE platform_message_id = $1 AND direction = 'inbound'`,
      [id],
    );
    expect(rows.map((row) => row.text)).toEqual(['Towels & sheets <3']);
  });
});

describe('voice and the generic webhook', () => {
  it('keeps a WhatsApp chat from a caller ID until the backend links it, then greets the caller with it', async () => {
    const customer = digits();
    await postMeta(
      whatsappTextMessage({
        phoneNumberId: accounts.whatsapp,
        from: customer,
        name: 'Ann Lee',
        text: 'Is the Egyptian Cotton Sheet Set in stock?',
      }),
    );
    await replyCount(customer, 1);
    const call = async () => {
      const response = await postEngine('/api/v1/webhooks/connect', {
        agent_id: agentId,
        contact_id: randomUUID(),
        channel: 'voice',
        caller: `+${customer}`,
        dialed: voiceNumber,
        utterance: '',
        timestamp: new Date().toISOString(),
      });
      expect(response.status).toBe(200);
      return (await response.json()) as { reply: string; action: string };
    };

    // Anyone can send that caller ID: the call is joined to Ann's customer, but hears nothing of her chat.
    const spoofable = await call();
    expect(spoofable.action).toBe('continue');
    expect(spoofable.reply).not.toContain('WhatsApp');
    expect(spoofable.reply).not.toContain('Egyptian Cotton Sheet Set');
    expect(spoofable.reply).not.toContain('Ann');

    // The backend verified the caller (its own way) and links the call's identity to the customer.
    const { body: page } = await api.get(`/api/v1/agents/${agentId}/conversations?limit=100`);
    let target: { customerId: string; identityId: string } | undefined;
    for (const item of page.items) {
      const { body } = await api.get(`/api/v1/agents/${agentId}/customers/${item.customer_id}/context`);
      const voice = body.identities.find(
        (i: { channel: string; external_id: string }) => i.channel === 'voice' && i.external_id === `+${customer}`,
      );
      if (voice) target = { customerId: item.customer_id, identityId: voice.id };
    }
    expect(target).toBeDefined();
    const linked = await api.post(`/api/v1/agents/${agentId}/customers/${target!.customerId}/link`, {
      identity_id: target!.identityId,
    });
    expect(linked.body.identities.map((i: { channel: string; linked: string }) => [i.channel, i.linked])).toEqual([
      ['whatsapp', 'first_seen'],
      ['voice', 'explicit'],
    ]);

    const verified = await call();
    expect(verified.action).toBe('continue');
    expect(verified.reply).toContain('WhatsApp');
    expect(verified.reply).toContain('Egyptian Cotton Sheet Set');
  });

  it('answers a caller whose number is withheld, as an anonymous customer of that call alone', async () => {
    const contactId = randomUUID();
    const turn = async (utterance: string) => {
      const response = await postEngine('/api/v1/webhooks/connect', {
        agent_id: agentId,
        contact_id: contactId,
        channel: 'voice',
        caller: null,
        dialed: voiceNumber,
        utterance,
        timestamp: new Date().toISOString(),
      });
      expect(response.status).toBe(200);
      return (await response.json()) as { reply: string; action: string };
    };
    expect((await turn('What time are you open?')).reply).toContain('9 AM - 6 PM EST');
    expect((await turn('And do you take returns?')).action).toBe('continue');
    // Both turns are one conversation: the contact's, with no phone to link it to anyone.
    const { rows } = await db.query(
      `SELECT i.external_id, i.phone_e164, count(m.id)::int AS messages
         FROM customer_identities i JOIN conversation_messages m ON m.identity_id = i.id
        WHERE i.external_id = $1 AND m.direction = 'inbound' GROUP BY i.id`,
      [`contact:${contactId}`],
    );
    expect(rows).toEqual([{ external_id: `contact:${contactId}`, phone_e164: null, messages: 2 }]);
  });

  it('refuses an unsigned Connect turn with 401', async () => {
    const response = await checkedFetch(`${engine.gatewayUrl}/api/v1/webhooks/connect`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ agent_id: agentId }),
    });
    expect(response.status).toBe(401);
  });

  it('answers the generic webhook synchronously in the seed shape', async () => {
    const response = await postEngine('/api/v1/webhooks/elizaos', {
      platform: 'whatsapp',
      agent_id: agentId,
      message: 'Do you offer gift wrapping?',
      user_id: digits(),
      timestamp: new Date().toISOString(),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      agent_id: agentId,
      channel: 'whatsapp',
      context_updated: true,
      message: expect.stringContaining('gift wrapping is available for $5'),
    });
    const bad = await postEngine('/api/v1/webhooks/elizaos', {
      platform: 'fax',
      agent_id: agentId,
      message: 'x',
      user_id: '1',
      timestamp: 1,
    });
    expect(bad.status).toBe(400);
  });
});

describe('paused agents and crashes', () => {
  it('records but does not answer while the agent is paused', async () => {
    await db.query(`UPDATE agents SET status = 'paused' WHERE id = $1`, [agentId]);
    try {
      const customer = digits();
      const wamid = newWamid();
      await postMeta(whatsappTextMessage({ phoneNumberId: accounts.whatsapp, from: customer, text: 'hello?', wamid }));
      const status = await waitFor(async () => {
        const result = await db.query(`SELECT status FROM conversation_messages WHERE platform_message_id = $1`, [
          wamid,
        ]);
        return result.rows[0]?.status === 'held' ? 'held' : undefined;
      }, 'the message to be held');
      expect(status).toBe('held');
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect(repliesTo(customer)).toHaveLength(0);
    } finally {
      await db.query(`UPDATE agents SET status = 'active' WHERE id = $1`, [agentId]);
    }
  });

  it('never sends a reply twice when the sender dies mid-send', async () => {
    const customer = digits();
    const held = social.holdNext('whatsapp');
    await postMeta(
      whatsappTextMessage({ phoneNumberId: accounts.whatsapp, from: customer, text: 'What are your store hours?' }),
    );
    await held;
    const sender = engine.app('context-service');
    sender.child.kill('SIGKILL');
    await sender.waitForExit();
    social.releaseHeld();
    const restarted = AppProcess.spawn('context-service', env, await freePort());
    try {
      await restarted.ready();
      const status = await waitFor(
        async () => {
          const result = await db.query(
            `SELECT r.status FROM conversation_messages r JOIN conversation_messages m ON r.in_reply_to = m.id
            WHERE m.counterpart_id = $1 AND m.direction = 'inbound'`,
            [customer],
          );
          return ['unknown', 'sent'].includes(result.rows[0]?.status) ? result.rows[0].status : undefined;
        },
        'the interrupted send to be settled',
        30_000,
      );
      expect(status).toBe('unknown');
      expect(repliesTo(customer)).toHaveLength(1);
      // The conversation goes on: the next message is answered.
      await postMeta(
        whatsappTextMessage({ phoneNumberId: accounts.whatsapp, from: customer, text: 'Do you take returns?' }),
      );
      const replies = await replyCount(customer, 2);
      expect(replies[1]!.text).toContain('30 days');
    } finally {
      await restarted.stop();
    }
  });
});
