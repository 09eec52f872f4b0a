import { Logger, ServiceUnavailableException } from '@nestjs/common';
import {
  inboundJobId,
  QueueName,
  type AgentStatus,
  type Channel,
  type DeliveryStatusEvent,
  type InboundMessageEvent,
  type JobItem,
} from '@voca/contracts';
import { Agent, AgentChannelStore } from '@voca/persistence';
import { closedWithin, redisConnectionOptions } from '@voca/queue';
import { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { Counter, Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InboundIngest, type IngestOutcome } from '../../../apps/api-gateway/src/webhooks/inbound-ingest.js';
import { WEBHOOK_MESSAGES } from '../../../apps/api-gateway/src/webhooks/webhook-metrics.js';
import { testDatabase, testDataSource } from '../../support/database.js';
import { PrivateRedis } from '../../support/private-redis.js';
import { TEST_REDIS_URL } from '../../support/test-env.js';

/**
 * The gateway's inbound ingest (with routeAndRecord) against the real database and Redis: what a delivered message
 * or receipt leaves in conversation_messages and on the `inbound` queue, for each routing and delivery case. The
 * queue has this file's own prefix, so no context-service takes its jobs.
 */

type InboundJob = Extract<JobItem, { queue: 'inbound' }>;
type InboundQueue = Queue<InboundJob['data'], unknown, InboundJob['name']>;

const sql = testDatabase();
const prefix = `{voca-test-ingest-${randomUUID().slice(0, 8)}}`;
/** The gateway's queue options: a producer fails fast while Redis is away instead of holding the request. */
const producerOptions = (url: string) => ({ ...redisConnectionOptions(url), enableOfflineQueue: false });
const inbound: InboundQueue = new Queue(QueueName.Inbound, { connection: producerOptions(TEST_REDIS_URL), prefix });
const agentIds: string[] = [];
let db: DataSource;

beforeAll(async () => {
  // The ingest logs every duplicate and refusal these tests provoke; what it records is asserted instead.
  Logger.overrideLogger(false);
  db = await testDataSource('inbound-ingest-test');
});

afterAll(async () => {
  await inbound.obliterate({ force: true });
  await inbound.close();
  // Deleting the agents takes their channels and messages with them (cascade).
  await sql.query('DELETE FROM agents WHERE id = ANY($1)', [agentIds]);
  await sql.end();
  await db.destroy();
});

describe('InboundIngest.ingest', () => {
  it('records a message for an active channel once and queues inbound.message for it', async () => {
    const { agentId, accountId } = await seedAgent();
    const { ingest, messages } = makeIngest();
    const event = messageEvent(accountId, {
      sender: { id: '15551230001', name: 'Ada', phone: '+15551230001' },
      media: [{ type: 'image', id: 'media-1', mime_type: 'image/jpeg' }],
    });

    const [outcome] = await ingest.ingest([event], 'req-first');

    expect(outcome).toEqual({ kind: 'recorded', messageId: expect.any(String), agentId, answering: true });
    const { messageId } = outcome as Extract<IngestOutcome, { kind: 'recorded' }>;
    expect(await messagesOf(event)).toEqual([
      {
        id: messageId,
        agent_id: agentId,
        channel: 'whatsapp',
        direction: 'inbound',
        business_account_id: accountId,
        counterpart_id: '15551230001',
        counterpart_name: 'Ada',
        counterpart_phone: '+15551230001',
        text: event.text,
        media: event.media,
        status: 'received',
        customer_id: null,
        reply_deadline_at: null,
        sent_at: new Date(event.sentAt),
      },
    ]);
    const job = await inbound.getJob(inboundJobId(messageId));
    expect(job).toMatchObject({ name: 'inbound.message', data: { messageId, requestId: 'req-first' } });
    expect(job!.opts.attempts).toBe(10);
    expect(await inbound.getJobState(job!.id!)).toBe('waiting');
    expect(await counted(messages, 'whatsapp', 'accepted')).toBe(1);
  });

  it('acknowledges a platform redelivery as a duplicate, without a second row or job', async () => {
    const { agentId, accountId } = await seedAgent();
    const { ingest, messages } = makeIngest();
    const event = messageEvent(accountId);

    const [first] = await ingest.ingest([event], 'req-1');
    const [again] = await ingest.ingest([{ ...event, text: 'the same message, delivered again' }], 'req-2');

    const { messageId } = first as Extract<IngestOutcome, { kind: 'recorded' }>;
    expect(again).toEqual({ kind: 'duplicate', messageId, agentId, answering: true });
    const rows = await messagesOf(event);
    expect(rows.map((row) => [row.id, row.text])).toEqual([[messageId, event.text]]);
    expect(await jobsFor(messageId)).toEqual([{ name: 'inbound.message', data: { messageId, requestId: 'req-1' } }]);
    expect(await counted(messages, 'whatsapp', 'accepted')).toBe(1);
    expect(await counted(messages, 'whatsapp', 'duplicate')).toBe(1);
  });

  it('does not queue a redelivered message again once the context-service has taken it', async () => {
    const { accountId } = await seedAgent();
    const { ingest } = makeIngest();
    const event = messageEvent(accountId);
    const [first] = await ingest.ingest([event], 'req-1');
    const { messageId } = first as Extract<IngestOutcome, { kind: 'recorded' }>;
    // As after the context-service ran the job: the message tied to its customer and its job gone from Redis.
    await inbound.remove(inboundJobId(messageId));
    await sql.query(`UPDATE conversation_messages SET status = 'queued' WHERE id = $1`, [messageId]);

    const [again] = await ingest.ingest([event], 'req-2');

    expect(again).toMatchObject({ kind: 'duplicate', messageId });
    expect(await jobsFor(messageId)).toEqual([]);
    expect((await messagesOf(event)).map((row) => row.status)).toEqual(['queued']);
  });

  it('records one message when a delivery and its retry arrive at once', async () => {
    const { accountId } = await seedAgent();
    const { ingest } = makeIngest();
    const event = messageEvent(accountId);

    const outcomes = (await Promise.all([ingest.ingest([event], 'req-a'), ingest.ingest([event], 'req-b')])).flat();

    expect(outcomes.map((outcome) => outcome.kind).sort()).toEqual(['duplicate', 'recorded']);
    const rows = await messagesOf(event);
    expect(rows).toHaveLength(1);
    expect(outcomes.map((outcome) => (outcome as { messageId: string }).messageId)).toEqual([rows[0].id, rows[0].id]);
    expect(await jobsFor(rows[0].id)).toHaveLength(1);
  });

  it('records nothing and queues nothing for an account no active channel holds', async () => {
    const { accountId: pendingAccount } = await seedAgent({ channelStatus: 'pending' });
    const { ingest, messages } = makeIngest();
    const strangers = [messageEvent(`nobody-${randomUUID()}`), messageEvent(pendingAccount)];
    const waitingBefore = await inbound.count();

    const outcomes = await ingest.ingest(strangers, 'req-stranger');

    expect(outcomes).toEqual([{ kind: 'unknown_target' }, { kind: 'unknown_target' }]);
    for (const event of strangers) expect(await messagesOf(event)).toEqual([]);
    expect(await inbound.count()).toBe(waitingBefore);
    expect(await counted(messages, 'whatsapp', 'unroutable')).toBe(2);
  });

  it.each<AgentStatus>(['paused', 'stopped'])(
    'records and queues a message for a %s agent, saying it is not answering (the context-service holds it)',
    async (agentStatus) => {
      const { agentId, accountId } = await seedAgent({ agentStatus });
      const { ingest } = makeIngest();
      const event = messageEvent(accountId);

      const [outcome] = await ingest.ingest([event], 'req-held');

      expect(outcome).toEqual({ kind: 'recorded', messageId: expect.any(String), agentId, answering: false });
      const { messageId } = outcome as Extract<IngestOutcome, { kind: 'recorded' }>;
      expect((await messagesOf(event)).map((row) => row.status)).toEqual(['received']);
      expect(await jobsFor(messageId)).toHaveLength(1);
    },
  );

  it('routes a call or text by the number dialed', async () => {
    const voice = await seedAgent({ channel: 'voice' });
    const { ingest } = makeIngest();
    const call = messageEvent(voice.accountId, { channel: 'voice', sender: { id: '+15557654321' } });
    const textToTheNumber = messageEvent(voice.accountId, { channel: 'sms' });

    const outcomes = await ingest.ingest([call, textToTheNumber], 'req-call');

    expect(outcomes).toEqual([
      { kind: 'recorded', messageId: expect.any(String), agentId: voice.agentId, answering: true },
      // The agent has no sms channel on that number.
      { kind: 'unknown_target' },
    ]);
    expect((await messagesOf(call)).map((row) => row.business_account_id)).toEqual([voice.accountId]);
  });

  it('fails with a 503 when Redis refuses the job, keeping the message for the redelivery to queue', async () => {
    const { agentId, accountId } = await seedAgent();
    const event = messageEvent(accountId);
    const redis = await PrivateRedis.start();
    const refusing: InboundQueue = new Queue(QueueName.Inbound, { connection: producerOptions(redis.url), prefix });
    refusing.on('error', () => undefined);
    try {
      await refusing.waitUntilReady();
      // Redis goes away after the gateway connected, as in a crash or failover.
      await redis.crash();

      const refused = makeIngest(refusing).ingest.ingest([event], 'req-refused');

      await expect(refused).rejects.toBeInstanceOf(ServiceUnavailableException);
      await expect(refused).rejects.toMatchObject({ status: 503 });
    } finally {
      await closedWithin(refusing.close(), 1_000);
      await redis.stop();
    }
    const [recorded] = await messagesOf(event);
    expect(recorded).toMatchObject({ agent_id: agentId, status: 'received' });
    expect(await jobsFor(recorded.id)).toEqual([]);

    const [redelivered] = await makeIngest().ingest.ingest([event], 'req-redelivered');

    expect(redelivered).toEqual({ kind: 'duplicate', messageId: recorded.id, agentId, answering: true });
    expect(await jobsFor(recorded.id)).toEqual([
      { name: 'inbound.message', data: { messageId: recorded.id, requestId: 'req-redelivered' } },
    ]);
    expect(await messagesOf(event)).toHaveLength(1);
  });

  it('queues a delivery receipt once per message and status, with a job id BullMQ accepts', async () => {
    const { accountId } = await seedAgent();
    const { ingest } = makeIngest();
    const platformMessageId = `wamid.HBgL:${randomUUID()}`;
    const delivered = statusEvent(accountId, platformMessageId, 'delivered');
    const read = statusEvent(accountId, platformMessageId, 'read');

    expect(await ingest.ingest([delivered, delivered, read], 'req-receipts')).toEqual([
      { kind: 'status' },
      { kind: 'status' },
      { kind: 'status' },
    ]);

    const safeId = platformMessageId.replaceAll(':', '_');
    const deliveredJob = await inbound.getJob(`status.whatsapp.${safeId}.delivered`);
    const readJob = await inbound.getJob(`status.whatsapp.${safeId}.read`);
    expect(deliveredJob).toMatchObject({ name: 'inbound.status', data: delivered });
    expect(readJob).toMatchObject({ name: 'inbound.status', data: read });
    const receipts = (await inbound.getJobs(['waiting'])).filter(
      (job) =>
        job.name === 'inbound.status' && (job.data as DeliveryStatusEvent).platformMessageId === platformMessageId,
    );
    expect(receipts).toHaveLength(2);
    // Receipts are about our replies: the ingest records no message for them.
    expect(await countMessages(platformMessageId)).toBe(0);
  });
});

describe('InboundIngest for a source that names its agent (Connect flow, generic webhook)', () => {
  it('routes only to the named agent when it holds the number on an active channel', async () => {
    const voice = await seedAgent({ channel: 'voice' });
    const pending = await seedAgent({ channel: 'voice', channelStatus: 'pending' });
    const { ingest } = makeIngest();

    expect((await ingest.route('voice', voice.accountId, voice.agentId))?.id).toBe(voice.agentId);
    expect((await ingest.route('voice', voice.accountId))?.id).toBe(voice.agentId);
    expect(await ingest.route('voice', voice.accountId, randomUUID())).toBeUndefined();
    expect(await ingest.route('voice', voice.accountId, 'not-an-agent-id')).toBeUndefined();
    expect(await ingest.route('voice', pending.accountId, pending.agentId)).toBeUndefined();
  });

  it('records for the agent the caller routed, with its reply deadline, once; and nothing for no agent', async () => {
    const { agentId, accountId } = await seedAgent({ channel: 'voice' });
    const { ingest } = makeIngest();
    const agent = (await db.getRepository(Agent).findOneBy({ id: agentId }))!;
    const event = messageEvent(accountId, { channel: 'voice' });
    const deadline = new Date(Date.now() + 7_000);

    const first = await ingest.message(event, 'req-turn', deadline, agent);
    const again = await ingest.message(event, 'req-turn-again', deadline, agent);
    const toNobody = messageEvent(accountId, { channel: 'voice' });
    const unrouted = await ingest.message(toNobody, 'req-nobody', deadline, null);

    expect(first).toEqual({ kind: 'recorded', messageId: expect.any(String), agentId, answering: true });
    const { messageId } = first as Extract<IngestOutcome, { kind: 'recorded' }>;
    expect(again).toEqual({ kind: 'duplicate', messageId, agentId, answering: true });
    const [row] = await messagesOf(event);
    expect(row).toMatchObject({ id: messageId, status: 'received', reply_deadline_at: deadline });
    expect(await jobsFor(messageId)).toHaveLength(1);
    expect(unrouted).toEqual({ kind: 'unknown_target' });
    expect(await messagesOf(toNobody)).toEqual([]);
  });
});

interface MessageRow {
  id: string;
  agent_id: string;
  channel: string;
  direction: string;
  business_account_id: string;
  counterpart_id: string;
  counterpart_name: string | null;
  counterpart_phone: string | null;
  text: string;
  media: unknown;
  status: string;
  customer_id: string | null;
  reply_deadline_at: Date | null;
  sent_at: Date | null;
}

/** An ingest on the given queue (this file's, by default) counting into a registry of its own. */
function makeIngest(queue: InboundQueue = inbound) {
  const messages = new Counter({
    name: WEBHOOK_MESSAGES,
    help: 'webhook messages',
    labelNames: ['channel', 'outcome'] as const,
    registers: [new Registry()],
  });
  return { ingest: new InboundIngest(db, new AgentChannelStore(db), queue, messages), messages };
}

/** An agent with one channel on an account (or, for voice and sms, a number) of its own. */
async function seedAgent({
  agentStatus = 'active',
  channel = 'whatsapp',
  channelStatus = 'active',
}: { agentStatus?: AgentStatus; channel?: Channel; channelStatus?: string } = {}) {
  const agentId = randomUUID();
  const dialed = channel === 'voice' || channel === 'sms';
  const accountId = dialed ? `+1555${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}` : `acct-${agentId}`;
  agentIds.push(agentId);
  await sql.query(
    `INSERT INTO agents (id, vendor_id, name, business_type, version, status)
     VALUES ($1, $2, 'Ingest test', 'retail', 1, $3)`,
    [agentId, `vendor_${agentId.slice(0, 12)}`, agentStatus],
  );
  await sql.query(
    `INSERT INTO agent_channels (agent_id, channel, status, external_account_id, phone_number)
     VALUES ($1, $2, $3, $4, $5)`,
    [agentId, channel, channelStatus, dialed ? null : accountId, dialed ? accountId : null],
  );
  return { agentId, accountId };
}

function messageEvent(
  businessAccountId: string,
  overrides: Partial<Omit<InboundMessageEvent, 'kind'>> = {},
): InboundMessageEvent {
  return {
    kind: 'message',
    channel: 'whatsapp',
    businessAccountId,
    platformMessageId: `wamid.${randomUUID()}`,
    sender: { id: '15551230000' },
    text: 'Do you have king size sheets?',
    sentAt: '2026-01-05T10:00:00.000Z',
    ...overrides,
  };
}

function statusEvent(
  businessAccountId: string,
  platformMessageId: string,
  status: DeliveryStatusEvent['status'],
): DeliveryStatusEvent {
  return {
    kind: 'status',
    channel: 'whatsapp',
    businessAccountId,
    platformMessageId,
    status,
    at: new Date().toISOString(),
  };
}

async function messagesOf(event: InboundMessageEvent): Promise<MessageRow[]> {
  const { rows } = await sql.query<MessageRow>(
    `SELECT id, agent_id, channel, direction, business_account_id, counterpart_id, counterpart_name,
            counterpart_phone, text, media, status, customer_id, reply_deadline_at, sent_at
       FROM conversation_messages WHERE channel = $1 AND platform_message_id = $2`,
    [event.channel, event.platformMessageId],
  );
  return rows;
}

async function countMessages(platformMessageId: string): Promise<number> {
  const { rows } = await sql.query(
    'SELECT count(*)::int AS n FROM conversation_messages WHERE platform_message_id = $1',
    [platformMessageId],
  );
  return rows[0].n;
}

/** The `inbound.message` jobs in Redis for a message, whatever their state. */
async function jobsFor(messageId: string) {
  const jobs = await inbound.getJobs(['waiting', 'delayed', 'prioritized', 'active', 'completed', 'failed']);
  return jobs
    .filter((job) => job.name === 'inbound.message' && (job.data as { messageId?: string }).messageId === messageId)
    .map((job) => ({ name: job.name, data: job.data }));
}

async function counted(messages: Counter<'channel' | 'outcome'>, channel: Channel, outcome: string): Promise<number> {
  const { values } = await messages.get();
  return values.find((value) => value.labels.channel === channel && value.labels.outcome === outcome)?.value ?? 0;
}
