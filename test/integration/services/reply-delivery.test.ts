import { Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ClientProxyFactory, Transport } from '@nestjs/microservices';
import { Test } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import { CONVERSATION_REPLIED_PATTERN, type ConversationRepliedEvent } from '@voca/contracts';
import { AgentChannelStore, ConversationMessage } from '@voca/persistence';
import { EventPublisher, pubSubTransportOptions } from '@voca/queue';
import { getToken } from '@willsoto/nestjs-prometheus';
import { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import { Counter, Histogram, Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PLATFORM_SEND_ERRORS,
  PLATFORM_SEND_SECONDS,
  REPLIES,
  TURN_SECONDS,
} from '../../../apps/context-service/src/conversations/conversation-metrics.js';
import { ReplyDelivery } from '../../../apps/context-service/src/conversations/reply-delivery.js';
import { SendRateLimits } from '../../../apps/context-service/src/conversations/send-rate-limits.js';
import { SocialEmulator } from '../../emulators/social/index.js';
import { ConversationSeed, contextServiceConfig, contextServiceParts } from '../../support/conversations.js';
import { TEST_REDIS_URL } from '../../support/test-env.js';

/**
 * ReplyDelivery on the real Postgres and Redis, sending over HTTP to the social emulator: a reply reaches the
 * customer at most once, and one that cannot reach them ends where a person sees it (a hand-off, an event).
 */

const VERSION = 'v21.0';
const DAY_MS = 24 * 3600_000;
let social: SocialEmulator;
let db: DataSource;
let emulatorEnv: Record<string, string>;
let seed: ConversationSeed;
let publisher: EventPublisher;
const closing: (() => unknown)[] = [];

beforeAll(async () => {
  Logger.overrideLogger(['error', 'warn']);
  social = await SocialEmulator.start({ graphVersion: VERSION });
  emulatorEnv = {
    META_GRAPH_BASE_URL: social.url,
    META_GRAPH_VERSION: VERSION,
    X_API_BASE_URL: social.url,
    SEND_TIMEOUT_MS: '5000',
  };
  ({ db } = await contextServiceParts('reply-delivery-test'));
  publisher = new EventPublisher(
    ClientProxyFactory.create({ transport: Transport.REDIS, options: pubSubTransportOptions(TEST_REDIS_URL) }),
  );
  seed = new ConversationSeed(db);
  await seed.eventEndpoint(['message.follow_up', 'channel.credentials_invalid']);
});

afterAll(async () => {
  for (const close of closing.reverse()) await close();
  await seed?.remove();
  await publisher?.onApplicationShutdown();
  await db?.destroy();
  await social?.stop();
});

describe('ReplyDelivery', () => {
  it('sends a pending reply once and records it sent, with the id the platform gave it', async () => {
    const { delivery, metrics } = await replyDelivery();
    const agent = await whatsappAgent();
    const { inbound, reply, waId } = await whatsappTurn(agent);

    expect(await delivery.deliver(inbound, reply)).toEqual({ done: true });

    const sent = social.sentTo(waId);
    expect(sent).toEqual([
      expect.objectContaining({
        platform: 'whatsapp',
        from: agent.phoneNumberId,
        text: reply.text,
        accessToken: agent.token,
      }),
    ]);
    expect(await reload(reply)).toMatchObject({
      status: 'sent',
      platformMessageId: sent[0]!.messageId,
      sentAt: expect.any(Date),
      error: null,
    });
    expect(await sample(metrics.replies, { channel: 'whatsapp', author: 'agent', outcome: 'sent' })).toBe(1);
    expect(await sample(metrics.turnSeconds, { channel: 'whatsapp' }, '_count')).toBe(1);
    expect(await sample(metrics.sendSeconds, { channel: 'whatsapp', outcome: 'sent' }, '_count')).toBe(1);
    expect(await handoffsOf(inbound.customerId!)).toEqual([]);
  });

  it('sends nothing more when the same reply is delivered again (a duplicated or retried job)', async () => {
    const { delivery, metrics } = await replyDelivery();
    const agent = await whatsappAgent();
    const { inbound, reply, waId } = await whatsappTurn(agent);
    await delivery.deliver(inbound, reply);
    const { platformMessageId } = await reload(reply);

    // A job that read the reply before the first sent it, and one that reads it now.
    expect(await delivery.deliver(inbound, reply)).toEqual({ done: true });
    expect(await delivery.deliver(inbound, await reload(reply))).toEqual({ done: true });

    expect(social.sentTo(waId)).toHaveLength(1);
    expect(requestsTo(agent.phoneNumberId)).toHaveLength(1);
    expect(await reload(reply)).toMatchObject({ status: 'sent', platformMessageId });
    expect(await sample(metrics.replies, { channel: 'whatsapp', author: 'agent', outcome: 'sent' })).toBe(1);
  });

  it('sends a reply once when two jobs deliver it at the same moment', async () => {
    const { delivery } = await replyDelivery();
    const agent = await whatsappAgent();
    const { inbound, reply, waId } = await whatsappTurn(agent);

    const outcomes = await Promise.all([delivery.deliver(inbound, reply), delivery.deliver(inbound, reply)]);

    expect(outcomes).toEqual([{ done: true }, { done: true }]);
    expect(social.sentTo(waId)).toHaveLength(1);
    expect((await reload(reply)).status).toBe('sent');
  });

  it('ends a reply found mid-send `unknown`, never sends it, and hands the customer to a person', async () => {
    const { delivery, metrics } = await replyDelivery();
    const agent = await whatsappAgent();
    const { inbound, reply } = await whatsappTurn(agent, { replyStatus: 'sending' });

    expect(await delivery.deliver(inbound, reply)).toEqual({ done: true });

    const reason = 'the send was interrupted; it may have been delivered';
    expect(await reload(reply)).toMatchObject({ status: 'unknown', error: reason, platformMessageId: null });
    expect(requestsTo(agent.phoneNumberId)).toEqual([]);
    expect(await handoffsOf(inbound.customerId!)).toEqual([
      { kind: 'follow_up', state: 'open', message_id: inbound.id, channel: 'whatsapp', reason },
    ]);
    expect(await eventsOf(agent.agentId)).toEqual([
      {
        type: 'message.follow_up',
        data: {
          customer_id: inbound.customerId,
          channel: 'whatsapp',
          message_id: inbound.id,
          text: inbound.text,
          status: 'unknown',
          reason,
          reply: { message_id: reply.id, text: reply.text },
        },
      },
    ]);
    expect(await sample(metrics.replies, { channel: 'whatsapp', author: 'agent', outcome: 'unknown' })).toBe(1);
  });

  it('never sends again a reply whose first send is still out when another job takes it over', async () => {
    const { delivery } = await replyDelivery();
    const agent = await whatsappAgent();
    const { inbound, reply, waId } = await whatsappTurn(agent);
    // The platform takes the message but its answer does not come back: the first job looks dead mid-send.
    const arrived = social.holdNext('whatsapp');
    const first = delivery.deliver(inbound, reply);
    await arrived;
    expect((await reload(reply)).status).toBe('sending');

    expect(await delivery.deliver(inbound, await reload(reply))).toEqual({ done: true });
    social.releaseHeld();
    expect(await first).toEqual({ done: true });

    expect(social.sentTo(waId)).toHaveLength(1);
    // The first job's late `sent` does not overwrite what the second recorded: a person checks.
    expect((await reload(reply)).status).toBe('unknown');
    expect((await eventsOf(agent.agentId)).map((event) => event.type)).toEqual(['message.follow_up']);
  });

  it('ends a send the platform does not answer in time `unknown`, and never sends it again', async () => {
    const { delivery } = await replyDelivery({ SEND_TIMEOUT_MS: '300' });
    const agent = await whatsappAgent();
    const { inbound, reply, waId } = await whatsappTurn(agent);
    const arrived = social.holdNext('whatsapp');

    expect(await delivery.deliver(inbound, reply)).toEqual({ done: true });
    await arrived;
    social.releaseHeld();

    expect(await reload(reply)).toMatchObject({ status: 'unknown', error: 'no answer from the platform (timeout)' });
    expect(await delivery.deliver(inbound, await reload(reply))).toEqual({ done: true });
    // The platform did take it: sending again would have doubled it.
    expect(social.sentTo(waId)).toHaveLength(1);
    expect(await eventsOf(agent.agentId)).toMatchObject([{ type: 'message.follow_up', data: { status: 'unknown' } }]);
  });

  it('leaves a reply outside the 24-hour window to a template or a person, without sending it', async () => {
    const { delivery } = await replyDelivery();
    const agent = await whatsappAgent();
    const { inbound, reply } = await whatsappTurn(agent, { customerWroteAgoMs: DAY_MS + 60_000 });

    expect(await delivery.deliver(inbound, reply)).toEqual({ done: true });

    expect(await reload(reply)).toMatchObject({
      status: 'needs_template',
      error: expect.stringContaining('outside the 24-hour reply window'),
    });
    expect(requestsTo(agent.phoneNumberId)).toEqual([]);
    expect(await handoffsOf(inbound.customerId!)).toMatchObject([{ kind: 'follow_up', message_id: inbound.id }]);
    expect(await eventsOf(agent.agentId)).toMatchObject([
      { type: 'message.follow_up', data: { status: 'needs_template' } },
    ]);
  });

  it('records `needs_template` when the platform says the window has closed', async () => {
    const { delivery } = await replyDelivery();
    const agent = await whatsappAgent();
    const { inbound, reply, waId } = await whatsappTurn(agent);
    social.failNext('whatsapp', 'outside_window');

    expect(await delivery.deliver(inbound, reply)).toEqual({ done: true });

    expect(await reload(reply)).toMatchObject({
      status: 'needs_template',
      error: '(#131047) Re-engagement message (code 131047)',
    });
    expect(social.sentTo(waId)).toEqual([]);
    expect(await handoffsOf(inbound.customerId!)).toMatchObject([{ kind: 'follow_up', message_id: inbound.id }]);
  });

  it('fails a reply whose agent has no credentials for the channel, without sending it', async () => {
    const { delivery, metrics } = await replyDelivery();
    const agent = await whatsappAgent('none');
    const { inbound, reply } = await whatsappTurn(agent);

    expect(await delivery.deliver(inbound, reply)).toEqual({ done: true });

    expect(await reload(reply)).toMatchObject({ status: 'failed', error: 'no whatsapp credentials for this agent' });
    expect(requestsTo(agent.phoneNumberId)).toEqual([]);
    expect(await handoffsOf(inbound.customerId!)).toMatchObject([{ kind: 'follow_up', message_id: inbound.id }]);
    expect(await sample(metrics.replies, { channel: 'whatsapp', author: 'agent', outcome: 'failed' })).toBe(1);
  });

  it('fails the replies of a token the platform refuses, flags the channel, and tells the backend once', async () => {
    const { delivery, metrics } = await replyDelivery();
    const agent = await whatsappAgent('refused');
    const turns = [await whatsappTurn(agent), await whatsappTurn(agent)];

    for (const { inbound, reply } of turns) expect(await delivery.deliver(inbound, reply)).toEqual({ done: true });

    const refusal = 'Invalid OAuth access token. (code 190)';
    for (const { reply } of turns) expect(await reload(reply)).toMatchObject({ status: 'failed', error: refusal });
    expect(requestsTo(agent.phoneNumberId).map((request) => request.status)).toEqual([401, 401]);
    const error = `the platform refused the stored credentials: ${refusal}`;
    const [channel] = await db.query(`SELECT error FROM agent_channels WHERE agent_id = $1 AND channel = 'whatsapp'`, [
      agent.agentId,
    ]);
    expect(channel).toEqual({ error });
    const events = await eventsOf(agent.agentId);
    expect(events.filter((event) => event.type === 'channel.credentials_invalid')).toEqual([
      { type: 'channel.credentials_invalid', data: { channel_type: 'whatsapp', error } },
    ]);
    expect(events.filter((event) => event.type === 'message.follow_up')).toHaveLength(2);
    expect(await sample(metrics.sendErrors, { channel: 'whatsapp', reason: 'credentials_invalid' })).toBe(2);
  });

  it.each(['server_error', 'rate_limited'] as const)(
    'puts a reply back to pending when the platform answers %s, and sends it on the next attempt',
    async (failure) => {
      const { delivery, metrics } = await replyDelivery();
      const agent = await whatsappAgent();
      const { inbound, reply, waId } = await whatsappTurn(agent);
      social.failNext('whatsapp', failure);

      const first = await delivery.deliver(inbound, reply);

      const reason = failure === 'server_error' ? '(#131000) Something went wrong' : '(#130429) Rate limit hit';
      expect(first).toEqual({ done: false, retryAfterMs: 0, reason: expect.stringContaining(reason) });
      expect(await reload(reply)).toMatchObject({ status: 'pending', error: expect.stringContaining(reason) });
      expect(social.sentTo(waId)).toEqual([]);
      expect(await handoffsOf(inbound.customerId!)).toEqual([]);
      expect(await sample(metrics.sendErrors, { channel: 'whatsapp', reason: 'retry' })).toBe(1);

      expect(await delivery.deliver(inbound, await reload(reply))).toEqual({ done: true });
      expect(social.sentTo(waId)).toHaveLength(1);
      expect((await reload(reply)).status).toBe('sent');
    },
  );

  it("sends nothing and asks to wait while the business account's send budget is spent", async () => {
    const { delivery } = await replyDelivery({ WHATSAPP_SENDS_PER_SECOND: '1' });
    const agent = await whatsappAgent();
    const first = await whatsappTurn(agent);
    const second = await whatsappTurn(agent);

    expect(await delivery.deliver(first.inbound, first.reply)).toEqual({ done: true });
    const waiting = await delivery.deliver(second.inbound, second.reply);

    expect(waiting).toEqual({
      done: false,
      retryAfterMs: expect.any(Number),
      reason: 'send rate limit of the account',
    });
    expect(waiting.done === false && waiting.retryAfterMs).toBeGreaterThan(0);
    expect(social.sentTo(second.waId)).toEqual([]);
    expect(await reload(second.reply)).toMatchObject({ status: 'pending', error: null });
  });

  it('hands a reply to the webhook still waiting for it, and sends nothing to a platform', async () => {
    const { delivery } = await replyDelivery();
    const { inbound, reply } = await voiceTurn(Date.now() + 30_000);
    const published = conversationReplied(inbound.id);
    await published.subscribed;

    expect(await delivery.deliver(inbound, reply)).toEqual({ done: true });

    expect(await published.event).toEqual({ inboundMessageId: inbound.id, text: reply.text, handoff: false });
    expect(await reload(reply)).toMatchObject({ status: 'sent', sentAt: expect.any(Date) });
  });

  it('hands a reply to its waiting webhook once: a retried job finds it sent and publishes nothing', async () => {
    const { delivery } = await replyDelivery();
    const { inbound, reply } = await voiceTurn(Date.now() + 30_000);
    const published = conversationReplied(inbound.id);
    await published.subscribed;
    await delivery.deliver(inbound, reply);
    await published.event;

    expect(await delivery.deliver(inbound, await reload(reply))).toEqual({ done: true });

    // Published on the delivery's own connection after the retry returned: heard after anything the retry published.
    const sentinel = conversationReplied(inbound.id);
    await sentinel.subscribed;
    await publisher.publish(CONVERSATION_REPLIED_PATTERN, {
      inboundMessageId: inbound.id,
      text: 'sentinel',
      handoff: false,
    });
    expect((await sentinel.event).text).toBe('sentinel');
    expect(published.heard).toHaveLength(1);
  });

  it('expires a reply that comes after the caller has moved on', async () => {
    const { delivery, metrics } = await replyDelivery();
    const { inbound, reply } = await voiceTurn(Date.now() - 1_000);

    expect(await delivery.deliver(inbound, reply)).toEqual({ done: true });

    expect(await reload(reply)).toMatchObject({ status: 'expired', error: 'the caller had moved on' });
    expect(await sample(metrics.replies, { channel: 'voice', author: 'agent', outcome: 'expired' })).toBe(1);
  });
});

/**
 * A ReplyDelivery sending to the emulator, built by Nest from exactly its dependencies, with metrics of its own (a
 * fresh registry) so a test reads only what it caused, and send limits of its own (under its own queue prefix).
 */
async function replyDelivery(overrides: Record<string, string> = {}) {
  const config = contextServiceConfig({ ...emulatorEnv, ...overrides });
  const limits = new SendRateLimits(config);
  closing.push(() => limits.onApplicationShutdown());
  const registers = [new Registry()];
  const metrics = {
    replies: new Counter({ name: REPLIES, help: REPLIES, labelNames: ['channel', 'author', 'outcome'], registers }),
    turnSeconds: new Histogram({ name: TURN_SECONDS, help: TURN_SECONDS, labelNames: ['channel'], registers }),
    sendSeconds: new Histogram({
      name: PLATFORM_SEND_SECONDS,
      help: PLATFORM_SEND_SECONDS,
      labelNames: ['channel', 'outcome'],
      registers,
    }),
    sendErrors: new Counter({
      name: PLATFORM_SEND_ERRORS,
      help: PLATFORM_SEND_ERRORS,
      labelNames: ['channel', 'reason'],
      registers,
    }),
  };
  const moduleRef = await Test.createTestingModule({
    providers: [
      ReplyDelivery,
      AgentChannelStore,
      { provide: getDataSourceToken(), useValue: db },
      { provide: EventPublisher, useValue: publisher },
      { provide: SendRateLimits, useValue: limits },
      { provide: ConfigService, useValue: config },
      ...Object.entries({
        [REPLIES]: metrics.replies,
        [TURN_SECONDS]: metrics.turnSeconds,
        [PLATFORM_SEND_SECONDS]: metrics.sendSeconds,
        [PLATFORM_SEND_ERRORS]: metrics.sendErrors,
      }).map(([name, metric]) => ({ provide: getToken(name), useValue: metric })),
    ],
  }).compile();
  return { delivery: moduleRef.get(ReplyDelivery), metrics };
}

/** A WhatsApp number of a new agent; its stored token is one the platform accepts, refuses, or there is none. */
async function whatsappAgent(token: 'accepted' | 'refused' | 'none' = 'accepted') {
  const agentId = await seed.agent();
  const phoneNumberId = digits();
  const accessToken = `EAAG-${randomUUID()}`;
  if (token === 'accepted') social.allowToken(phoneNumberId, accessToken);
  await seed.channel(agentId, 'whatsapp', phoneNumberId, token === 'none' ? undefined : accessToken);
  return { agentId, phoneNumberId, token: accessToken };
}

/** A new customer's message to that number, answered, and the agent's reply as the deliver job records it. */
async function whatsappTurn(
  { agentId, phoneNumberId }: { agentId: string; phoneNumberId: string },
  { customerWroteAgoMs = 5_000, replyStatus = 'pending' as 'pending' | 'sending' } = {},
) {
  const waId = digits();
  const { customerId, identityId } = await seed.customer(agentId, 'whatsapp', waId);
  const conversation = {
    agentId,
    customerId,
    identityId,
    channel: 'whatsapp',
    businessAccountId: phoneNumberId,
    counterpartId: waId,
    counterpartName: 'Ada',
  } as const;
  const inbound = await seed.message({
    ...conversation,
    direction: 'inbound',
    text: 'Are you open on Sunday?',
    status: 'answered',
    sentAt: new Date(Date.now() - customerWroteAgoMs),
  });
  const reply = await seed.message({
    ...conversation,
    direction: 'outbound',
    inReplyTo: inbound.id,
    text: 'Yes, from 9 AM to 6 PM.',
    status: replyStatus,
  });
  return { inbound, reply, waId };
}

/** A caller's question whose webhook waits for the answer until `deadline`, and the agent's reply to it. */
async function voiceTurn(deadline: number) {
  const agentId = await seed.agent();
  const caller = `+1555${digits().slice(0, 7)}`;
  const { customerId, identityId } = await seed.customer(agentId, 'voice', caller);
  const conversation = {
    agentId,
    customerId,
    identityId,
    channel: 'voice',
    businessAccountId: '+15550000000',
    counterpartId: caller,
  } as const;
  const inbound = await seed.message({
    ...conversation,
    direction: 'inbound',
    text: 'What time do you open?',
    status: 'answered',
    sentAt: new Date(),
    replyDeadlineAt: new Date(deadline),
  });
  const reply = await seed.message({
    ...conversation,
    direction: 'outbound',
    inReplyTo: inbound.id,
    text: 'We open at 9 AM.',
    status: 'pending',
  });
  return { inbound, reply };
}

/** The `conversation.replied` event published for this message, as the waiting gateway request would hear it. */
function conversationReplied(inboundMessageId: string) {
  const subscriber = new Redis(TEST_REDIS_URL);
  closing.push(() => subscriber.quit());
  const heard: ConversationRepliedEvent[] = [];
  const event = new Promise<ConversationRepliedEvent>((resolve) => {
    subscriber.on('message', (_channel: string, raw: string) => {
      const { data } = JSON.parse(raw) as { data: ConversationRepliedEvent };
      if (data.inboundMessageId !== inboundMessageId) return;
      heard.push(data);
      resolve(data);
    });
  });
  return { subscribed: subscriber.subscribe(CONVERSATION_REPLIED_PATTERN), event, heard };
}

const reload = (message: ConversationMessage) =>
  db.getRepository(ConversationMessage).findOneByOrFail({ id: message.id });

const requestsTo = (phoneNumberId: string) =>
  social.requests.filter((request) => request.path === `/${VERSION}/${phoneNumberId}/messages`);

const handoffsOf = (customerId: string) =>
  db.query(`SELECT kind, state, message_id, channel, reason FROM handoffs WHERE customer_id = $1`, [customerId]);

const eventsOf = async (agentId: string): Promise<{ type: string; data: Record<string, unknown> }[]> =>
  db.query(`SELECT type, data FROM events WHERE agent_id = $1 ORDER BY seq`, [agentId]);

/** The value of one series of a metric (a histogram's by suffix: `_count`, `_sum`). */
async function sample(metric: Counter | Histogram, labels: Record<string, string>, suffix = ''): Promise<number> {
  const { name, values } = await metric.get();
  const series = values.find(
    (value) =>
      ('metricName' in value ? value.metricName : name) === `${name}${suffix}` &&
      Object.entries(labels).every(([label, wanted]) => value.labels[label] === wanted),
  );
  return series?.value ?? 0;
}

const digits = () => String(Date.now()).slice(-6) + String(Math.floor(Math.random() * 1e9)).padStart(9, '0');
