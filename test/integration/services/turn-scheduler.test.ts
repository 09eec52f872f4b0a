import {
  deliverJobId,
  QueueName,
  replyJobId,
  type ConversationDeliverJobData,
  type MessageReplyJobData,
} from '@voca/contracts';
import type { ConversationMessage, InboundStatus } from '@voca/persistence';
import { JOB_PRESETS, redisConnectionOptions } from '@voca/queue';
import { FlowProducer, Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TurnScheduler } from '../../../apps/context-service/src/conversations/turn-scheduler.js';
import { ConversationSeed, contextServiceParts } from '../../support/conversations.js';

/**
 * TurnScheduler on the real Postgres and Redis: one turn at a time per customer, in arrival order, each turn one
 * BullMQ flow (`conversation.deliver` over its `message.reply`). The flows go to a queue prefix this file owns, which
 * no worker consumes, so the jobs stay where the scheduler put them.
 */

const PHONE_NUMBER_ID = '1065403522';
/** Small, so the history test shows the limit. */
const HISTORY_TURNS = 3;
let db: DataSource;
let prefix: string;
let flows: FlowProducer;
let conversations: Queue<ConversationDeliverJobData>;
let messages: Queue<MessageReplyJobData>;
let scheduler: TurnScheduler;
let seed: ConversationSeed;
let agentId: string;

beforeAll(async () => {
  const parts = await contextServiceParts('turn-scheduler-test', { HISTORY_TURNS: String(HISTORY_TURNS) });
  db = parts.db;
  prefix = parts.env.QUEUE_PREFIX;
  const connection = redisConnectionOptions(parts.env.REDIS_URL);
  flows = new FlowProducer({ connection, prefix });
  conversations = new Queue(QueueName.Conversations, { connection, prefix });
  messages = new Queue(QueueName.Messages, { connection, prefix });
  scheduler = new TurnScheduler(db, flows, parts.config);
  seed = new ConversationSeed(db);
  agentId = await seed.agent();
});

afterAll(async () => {
  // Children first: removing a child moves its waiting parent back to `wait`, under a key obliterated already.
  for (const queue of [messages, conversations]) {
    await queue?.obliterate({ force: true });
    await queue?.close();
  }
  await flows?.close();
  await seed?.remove();
  await db?.destroy();
});

describe('TurnScheduler.startNext', () => {
  it("starts the customer's earliest queued message as one flow, and only that one", async () => {
    const customer = await whatsappCustomer();
    const said = [await customer.says('Hi'), await customer.says('Do you ship to Canada?'), await customer.says('Eh?')];

    await scheduler.startNext(customer.customerId, 'request-1');

    expect(await statusesOf(said)).toEqual(['answering', 'queued', 'queued']);
    expect(await startedTurns(said)).toEqual([said[0]!.id]);
    const deliver = await conversations.getJob(deliverJobId(said[0]!.id));
    expect(deliver).toMatchObject({
      name: 'conversation.deliver',
      data: { inboundMessageId: said[0]!.id, requestId: 'request-1' },
      opts: expect.objectContaining({ attempts: JOB_PRESETS.delivery.attempts }),
    });
    expect(await deliver!.getState()).toBe('waiting-children');
    const reply = await messages.getJob(replyJobId(said[0]!.id));
    expect(reply).toMatchObject({
      name: 'message.reply',
      data: {
        agentId,
        channel: 'whatsapp',
        customer: { id: customer.customerId, name: 'Ada' },
        text: 'Hi',
        messageId: said[0]!.id,
        requestId: 'request-1',
        history: [],
      },
      parent: { id: deliverJobId(said[0]!.id), queueKey: `${prefix}:${QueueName.Conversations}` },
    });
    expect(await reply!.getState()).toBe('waiting');
  });

  it('starts nothing while a turn of the customer is answering', async () => {
    const customer = await whatsappCustomer();
    const said = [await customer.says('Hi'), await customer.says('Hello?')];
    await scheduler.startNext(customer.customerId);

    await scheduler.startNext(customer.customerId);

    expect(await statusesOf(said)).toEqual(['answering', 'queued']);
    expect(await startedTurns(said)).toEqual([said[0]!.id]);
  });

  it('starts exactly one turn when several replicas ask at once', async () => {
    const customer = await whatsappCustomer();
    const said: ConversationMessage[] = [];
    for (const text of ['one', 'two', 'three', 'four', 'five']) said.push(await customer.says(text));

    await Promise.all(said.map(() => scheduler.startNext(customer.customerId)));

    expect(await statusesOf(said)).toEqual(['answering', 'queued', 'queued', 'queued', 'queued']);
    expect(await startedTurns(said)).toEqual([said[0]!.id]);
  });

  it('waits for an earlier message of the conversation not yet tied to its customer', async () => {
    const customer = await whatsappCustomer();
    // Recorded by the webhook, its customer not resolved yet (the inbound job has not run).
    const earlier = await customer.says('Hello?', { status: 'received', customerId: null, identityId: null });
    const later = await customer.says('Is anyone there?');

    await scheduler.startNext(customer.customerId);

    expect(await statusesOf([earlier, later])).toEqual(['received', 'queued']);
    expect(await startedTurns([earlier, later])).toEqual([]);

    // As the inbound job leaves it once it knows the customer.
    await db.query(
      `UPDATE conversation_messages SET status = 'queued', customer_id = $2, identity_id = $3 WHERE id = $1`,
      [earlier.id, customer.customerId, customer.identityId],
    );
    await scheduler.startNext(customer.customerId);

    expect(await statusesOf([earlier, later])).toEqual(['answering', 'queued']);
    expect(await startedTurns([earlier, later])).toEqual([earlier.id]);
  });

  // answered or failed: the deliver job recorded the reply (DeliverConsumer); follow_up: the turn was settled for a
  // person (TurnSettlement).
  it.each(['answered', 'failed', 'follow_up'] as const)(
    'starts the next message by arrival once the turn has ended %s',
    async (ended) => {
      const customer = await whatsappCustomer();
      const said = [await customer.says('Hi'), await customer.says('Do you ship?'), await customer.says('Eh?')];
      await scheduler.startNext(customer.customerId);
      await endTurn(customer, said[0]!, ended);

      await scheduler.startNext(customer.customerId);

      expect(await statusesOf(said)).toEqual([ended, 'answering', 'queued']);
      expect(await startedTurns(said)).toEqual([said[0]!.id, said[1]!.id]);
    },
  );

  it("does not hold a customer's turn behind another customer's", async () => {
    const ada = await whatsappCustomer();
    const bob = await whatsappCustomer();
    const adaSaid = await ada.says('Hi');
    const bobSaid = await bob.says('Hello');

    await scheduler.startNext(ada.customerId);
    await scheduler.startNext(bob.customerId);

    expect(await statusesOf([adaSaid, bobSaid])).toEqual(['answering', 'answering']);
    expect(await startedTurns([adaSaid, bobSaid])).toEqual([adaSaid.id, bobSaid.id]);
  });

  it('gives the agent the latest turns said before the message, oldest first', async () => {
    const customer = await whatsappCustomer();
    await endTurn(customer, await customer.says('Hello'), 'answered', 'Hi! How can I help?');
    const sheets = await customer.says('Do you have king-size sheets?');
    const yes = await endTurn(customer, sheets, 'answered', 'Yes, in cotton and linen.');
    const price = await customer.says('How much are the linen ones?');
    // A reply that never reached the customer was not said.
    await endTurn(customer, price, 'answered', '$129 for the set.', 'failed');
    const now = await customer.says('And the cotton ones?');
    const later = await customer.says('Thanks!');

    await scheduler.startNext(customer.customerId);

    expect(await statusesOf([now, later])).toEqual(['answering', 'queued']);
    const reply = await messages.getJob(replyJobId(now.id));
    expect(reply?.data.history).toEqual([
      { role: 'customer', channel: 'whatsapp', text: sheets.text, at: sheets.sentAt!.toISOString() },
      { role: 'agent', channel: 'whatsapp', text: yes!.text, at: yes!.sentAt!.toISOString() },
      { role: 'customer', channel: 'whatsapp', text: price.text, at: price.sentAt!.toISOString() },
    ]);
    expect(reply?.data.history).toHaveLength(HISTORY_TURNS);
  });

  it('gives the agent its reply to the turn before, when the next message came while it answered', async () => {
    const customer = await whatsappCustomer();
    const first = await customer.says('Do you have king-size sheets?');
    const second = await customer.says('In linen?');
    await scheduler.startNext(customer.customerId);
    const answer = await endTurn(customer, first, 'answered', 'Yes, in cotton and linen.');

    await scheduler.startNext(customer.customerId);

    const reply = await messages.getJob(replyJobId(second.id));
    expect(reply?.data.history?.map((turn) => [turn.role, turn.text])).toEqual([
      ['customer', first.text],
      ['agent', answer!.text],
    ]);
  });
});

type Customer = Awaited<ReturnType<typeof whatsappCustomer>>;

/** A new customer of the agent on WhatsApp; `says` records a message of theirs as the inbound job leaves it. */
async function whatsappCustomer() {
  const waId = `1555${Math.floor(Math.random() * 1e9)}`;
  const { customerId, identityId } = await seed.customer(agentId, 'whatsapp', waId);
  const says = (text: string, overrides: Partial<ConversationMessage> = {}) =>
    seed.message({
      agentId,
      customerId,
      identityId,
      channel: 'whatsapp',
      direction: 'inbound',
      businessAccountId: PHONE_NUMBER_ID,
      counterpartId: waId,
      counterpartName: 'Ada',
      text,
      status: 'queued',
      sentAt: new Date(),
      ...overrides,
    });
  return { customerId, identityId, waId, says };
}

/**
 * Ends a turn as the code that ends turns does: the reply recorded with the inbound message's final status
 * (DeliverConsumer), or a person to follow up (TurnSettlement). Returns the reply, when there is one.
 */
async function endTurn(
  customer: Customer,
  inbound: ConversationMessage,
  status: Extract<InboundStatus, 'answered' | 'failed' | 'follow_up'>,
  replyText = 'Happy to help.',
  replyStatus: 'sent' | 'failed' = 'sent',
): Promise<ConversationMessage | undefined> {
  await db.query(`UPDATE conversation_messages SET status = $2 WHERE id = $1`, [inbound.id, status]);
  if (status === 'follow_up') return undefined;
  return seed.message({
    agentId,
    customerId: customer.customerId,
    identityId: customer.identityId,
    channel: 'whatsapp',
    direction: 'outbound',
    businessAccountId: PHONE_NUMBER_ID,
    counterpartId: customer.waId,
    inReplyTo: inbound.id,
    text: replyText,
    status: replyStatus,
    sentAt: replyStatus === 'sent' ? new Date() : null,
  });
}

async function statusesOf(said: ConversationMessage[]): Promise<string[]> {
  const rows: { id: string; status: string }[] = await db.query(
    `SELECT id, status FROM conversation_messages WHERE id = ANY($1)`,
    [said.map((message) => message.id)],
  );
  return said.map((message) => rows.find((row) => row.id === message.id)!.status);
}

/** The messages, in the order given, whose turn is in Redis: both jobs of their flow there. */
async function startedTurns(said: ConversationMessage[]): Promise<string[]> {
  const started: string[] = [];
  for (const { id } of said) {
    const [deliver, reply] = await Promise.all([
      conversations.getJob(deliverJobId(id)),
      messages.getJob(replyJobId(id)),
    ]);
    expect(Boolean(deliver)).toBe(Boolean(reply));
    if (deliver && reply) started.push(id);
  }
  return started;
}
