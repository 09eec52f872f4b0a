import { randomUUID } from 'node:crypto';
import { provisioningJobId, QueueName } from '@voca/contracts';
import { sampleCatalog } from '@voca/devtools';
import { Queue } from 'bullmq';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AwsEmulator } from '../emulators/aws/index.js';
import { SocialEmulator } from '../emulators/social/index.js';
import { TelegramEmulator, type Bot } from '../emulators/telegram/index.js';
import { engineSecrets } from '@voca/channels';
import { Api } from '../support/http.js';
import { liveConnectEnv } from '../support/live-connect.js';
import {
  messengerTextMessage,
  signMeta,
  signX,
  metaJson,
  whatsappTextMessage,
  xDirectMessage,
} from '../support/platform-webhooks.js';
import { PrivatePostgres } from '../support/private-postgres.js';
import { PrivateRedis } from '../support/private-redis.js';
import { specExample } from '../support/spec-examples.js';
import { testEnv } from '../support/test-env.js';
import { bearer, serviceToken } from '../support/tokens.js';
import { waitFor } from '../support/wait-for.js';
import { ChaosEngine } from './chaos-engine.js';
import { ToolReceiver } from '../support/tool-receiver.js';
import { signAsCaller } from '../support/engine-webhooks.js';

/**
 * The engine under load while its parts fail: the four apps as processes on a Redis (AOF) and a Postgres of the
 * suite's own, agents provisioning against the AWS emulator and customers writing on WhatsApp, Messenger, X and by
 * phone, while each worker kind is killed with SIGKILL, Redis is restarted and Postgres is restarted. Afterwards
 * every accepted operation must have ended, no cloud resource may be orphaned or claimed twice, no message may be
 * answered twice or silently lost, voice must answer, nothing may be stuck, and shutdown must be bounded. Customers
 * erased meanwhile must be erased whole, their work outside Postgres done despite the restarts. Catalogs uploaded and
 * replaced by a new version meanwhile must each end answering from their latest version, whole and once. Tables
 * booked meanwhile through an agent's tool (a side effect, after the customer's yes) must never be booked twice.
 * `npm run test:chaos`; CHAOS_AGENTS and CHAOS_MESSAGES scale the load.
 */

const AGENTS = Number(process.env.CHAOS_AGENTS ?? 100);
const MESSAGES = Number(process.env.CHAOS_MESSAGES ?? 1000);
const MESSAGE_AGENTS = 10;
const ERASED_CUSTOMERS = 10;
const BOOKINGS = Number(process.env.CHAOS_BOOKINGS ?? 40);
const CATALOG = sampleCatalog(300);
const REPRICED = 7;
const NEW_PRICE = 333.33;
const REGION = 'eu-west-3';
const META_SECRET = 'chaos-meta-app-secret';
const X_SECRET = 'chaos-x-consumer-secret';
const WEBHOOK_SECRET = 'chaos-webhook-secret-0123456789-0123456789';
const GRACE_MS = 5_000;
const SHUTDOWN_BOUND_MS = GRACE_MS + 5_000 + 2_000;

let redis: PrivateRedis;
let postgres: PrivatePostgres;
let aws: AwsEmulator;
let backend: ToolReceiver;
let social: SocialEmulator;
let telegram: TelegramEmulator;
let engine: ChaosEngine;
let api: Api;
let db: pg.Pool;
let queuePrefix: string;

interface MessageAgent {
  id: string;
  voiceNumber: string;
  whatsapp: string;
  page: string;
  xUser: string;
  bot: Bot;
}
const messageAgents: MessageAgent[] = [];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  [redis, postgres, aws, social, backend, telegram] = await Promise.all([
    PrivateRedis.start(),
    PrivatePostgres.start('voca_chaos'),
    AwsEmulator.start({
      instanceActivationMs: 200,
      phoneClaimMs: 40,
      functionActivationMs: 40,
      availableNumbers: AGENTS + MESSAGE_AGENTS + 50,
    }),
    SocialEmulator.start({ graphVersion: 'v21.0' }),
    ToolReceiver.start(),
    TelegramEmulator.start(),
  ]);
  // The backend takes a moment to book, so a killed worker may die in the middle of a call.
  backend.behaviours.set('book_table', () => ({ json: { message: 'Booked. Reference BK-1.' }, delayMs: 150 }));
  db = new pg.Pool({ connectionString: postgres.urlOf('voca_chaos'), max: 2 });
  db.on('error', () => undefined);
  const env = testEnv({
    ...liveConnectEnv(aws, REGION),
    REDIS_URL: redis.url,
    DATABASE_URL: postgres.urlOf('voca_chaos'),
    DATABASE_CONNECT_TIMEOUT_MS: '2000',
    META_APP_SECRET: META_SECRET,
    META_VERIFY_TOKEN: 'chaos-verify',
    X_CONSUMER_SECRET: X_SECRET,
    WEBHOOK_SECRET,
    META_GRAPH_BASE_URL: social.url,
    META_GRAPH_VERSION: 'v21.0',
    X_API_BASE_URL: social.url,
    TELEGRAM_API_BASE_URL: telegram.url,
    // The engine points the bots' webhooks (only it knows their secret tokens), and subscribes the other accounts.
    PLATFORM_SUBSCRIPTIONS: 'live',
    // Exponential backoff from 0.5 s: the last of 8 attempts waits about half a minute.
    STEP_ATTEMPTS: '8',
    STEP_BACKOFF_MS: '500',
    // Locks long enough for two loaded cores (a lock a busy worker cannot renew makes its job stall), short
    // enough that the jobs of a killed worker are taken over within seconds.
    WORKER_LOCK_DURATION_MS: '15000',
    WORKER_STALLED_INTERVAL_MS: '2000',
    RECONCILER: 'on',
    RECONCILE_INTERVAL_MS: '2000',
    STUCK_AFTER_MS: '10000',
    TURN_DEADLINE_MS: '30000',
    SHUTDOWN_GRACE_MS: String(GRACE_MS),
    // A step attempt that hangs (never seen to end) is failed and retried well within the suite's wait.
    STEP_TIMEOUT_MS: '60000',
    MAX_OPERATIONS_PER_VENDOR: '1000',
  });
  queuePrefix = env.QUEUE_PREFIX!;
  engine = await ChaosEngine.start(env);
  api = new Api(engine.gatewayUrl, bearer(serviceToken()));

  // The agents customers write to, provisioned before the faults start.
  for (let i = 0; i < MESSAGE_AGENTS; i++) {
    const accounts = {
      whatsapp: `10650${i}${Date.now() % 100000}`,
      page: `10488${i}${Date.now() % 100000}`,
      xUser: `30019${i}${Date.now() % 100000}`,
    };
    const token = (kind: string) => `EAAG-chaos-${kind}-${i}`;
    social.allowToken(accounts.whatsapp, token('wa'));
    social.allowToken(accounts.page, token('fb'));
    social.allowXUser(accounts.xUser, token('x'));
    const bot = telegram.addBot();
    const request = specExample('provision-request');
    request.vendor_id = `vendor_chaos_msg_${i}`;
    request.agent_config.channels = ['voice', 'whatsapp', 'facebook', 'twitter', 'telegram'];
    request.agent_config.channel_credentials = {
      whatsapp: { phone_number_id: accounts.whatsapp, access_token: token('wa') },
      facebook: { page_id: accounts.page, access_token: token('fb') },
      twitter: { user_id: accounts.xUser, access_token: token('x') },
      telegram: { bot_token: bot.token },
    };
    const accepted = await api.post('/api/v1/agents/provision', request);
    const done = await ended(accepted.body.status_url);
    expect(done.status).toBe('completed');
    const voice = done.agent_config.channels.find((c: { channel_type: string }) => c.channel_type === 'voice');
    messageAgents.push({ id: done.agent_id, voiceNumber: voice.phone_number, ...accounts, bot });
    const tool = await api.post(`/api/v1/agents/${done.agent_id}/tools`, {
      name: 'book_table',
      description: 'Books a table at the showroom cafe',
      intent: 'booking',
      parameters: {
        type: 'object',
        properties: { date: { type: 'string' }, time: { type: 'string' }, party_size: { type: 'integer' } },
        required: ['date', 'time', 'party_size'],
      },
      url: backend.urlOf('book_table'),
      requires_confirmation: true,
    });
    expect(tool.status).toBe(201);
    // One secret per agent's tool, all served at one path: the receiver checks each against its agent's.
    backend.secrets.set(`${done.agent_id}:book_table`, tool.body.signing_secret);
  }
}, 300_000);

afterAll(async () => {
  await db?.end();
  await Promise.all([aws?.stop(), social?.stop(), redis?.stop(), backend?.stop(), telegram?.stop()]);
  postgres?.stop();
});

function ended(statusUrl: string, timeoutMs = 120_000) {
  return waitFor(
    async () => {
      const { status, body } = await api.get(statusUrl).catch(() => ({ status: 0, body: undefined }));
      return status === 200 && ['completed', 'failed', 'partially_completed'].includes(body.status) ? body : undefined;
    },
    `${statusUrl} to end`,
    timeoutMs,
  );
}

/** Posts like a platform: a delivery that is not acknowledged with 200 is delivered again, until it is. */
async function deliverUntilAcknowledged(path: string, body: string, headers: Record<string, string>): Promise<number> {
  for (let attempt = 1; ; attempt++) {
    const answer = await fetch(`${engine.gatewayUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    }).catch(() => undefined);
    if (answer?.status === 200) return attempt;
    if (attempt > 200) throw new Error(`${path} never acknowledged`);
    await sleep(Math.min(250 * attempt, 2_000));
  }
}

interface Sent {
  recipient: string;
  channel: 'whatsapp' | 'facebook' | 'twitter' | 'telegram';
}

/** The replies a customer got on their channel's platform. */
const repliesTo = (message: Sent) =>
  message.channel === 'telegram' ? telegram.sentTo(Number(message.recipient)) : social.sentTo(message.recipient);

/** One customer message (each from a customer of its own), delivered until acknowledged. */
async function sendMessage(index: number): Promise<Sent> {
  const agent = messageAgents[index % MESSAGE_AGENTS]!;
  const text = 'What time are you open?';
  const kind = index % 10;
  if (kind < 7) {
    const from = `1555${String(index).padStart(7, '0')}`;
    let body = whatsappTextMessage({ phoneNumberId: agent.whatsapp, from, text });
    if (index % 20 === 0) {
      // A batch with a malformed message beside the customer's (a text without its text): the good one still counts.
      const batch = JSON.parse(body);
      batch.entry[0].changes[0].value.messages.push({ from, id: `wamid.bad${index}`, timestamp: '1', type: 'text' });
      body = metaJson(batch);
    }
    await deliverUntilAcknowledged('/api/v1/webhooks/meta', body, signMeta(body, META_SECRET));
    return { recipient: from, channel: 'whatsapp' };
  }
  if (kind < 9) {
    const psid = `psid${index}${randomUUID().slice(0, 6)}`;
    const body = messengerTextMessage({ pageId: agent.page, psid, text });
    await deliverUntilAcknowledged('/api/v1/webhooks/meta', body, signMeta(body, META_SECRET));
    return { recipient: psid, channel: 'facebook' };
  }
  if (index % 20 === 19) {
    // A Telegram customer, through the bot's route with the secret token the engine would give setWebhook.
    const chatId = 5_100_000_000 + index;
    telegram.openChat(agent.bot, chatId);
    const botId = String(agent.bot.id);
    const from = { id: chatId, is_bot: false, first_name: 'Ada' };
    const update = {
      update_id: 700_000 + index,
      message: { message_id: 1, from, chat: { ...from, type: 'private' }, date: Math.floor(Date.now() / 1000), text },
    };
    const secretToken = engineSecrets(WEBHOOK_SECRET).accountWebhookToken('telegram', botId)!;
    await deliverUntilAcknowledged(`/api/v1/webhooks/telegram/${botId}`, JSON.stringify(update), {
      'x-telegram-bot-api-secret-token': secretToken,
    });
    return { recipient: String(chatId), channel: 'telegram' };
  }
  const senderId = `7${String(index).padStart(9, '0')}`;
  const body = xDirectMessage({ forUserId: agent.xUser, senderId, text });
  await deliverUntilAcknowledged('/api/v1/webhooks/twitter', body, signX(body, X_SECRET));
  return { recipient: senderId, channel: 'twitter' };
}

async function voiceTurn(
  agent: MessageAgent,
  utterance = 'What time are you open?',
): Promise<{ reply: string; action: string } | undefined> {
  const body = JSON.stringify({
    agent_id: agent.id,
    contact_id: randomUUID(),
    channel: 'voice',
    caller: `+1555${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`,
    dialed: agent.voiceNumber,
    utterance,
    timestamp: new Date().toISOString(),
  });
  const answer = await fetch(`${engine.gatewayUrl}/api/v1/webhooks/connect`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...signAsCaller('/api/v1/webhooks/connect', body, WEBHOOK_SECRET) },
    body,
  }).catch(() => undefined);
  return answer?.status === 200 ? ((await answer.json()) as { reply: string; action: string }) : undefined;
}

/** Submits a provisioning request as the backend does: retried with its Idempotency-Key until it is accepted. */
async function provisionVoiceAgent(index: number): Promise<string> {
  const request = specExample('provision-request');
  request.vendor_id = `vendor_chaos_${index % 7}`;
  request.agent_config.name = `Chaos Agent ${index}`;
  request.agent_config.channels = ['voice'];
  // Every third agent speaks Spanish: its callers' speech bot is made while the parts fail.
  if (index % 3 === 0)
    request.agent_config.character_config = { ...request.agent_config.character_config, language: 'es' };
  const key = `chaos-${index}-${randomUUID()}`;
  for (let attempt = 1; ; attempt++) {
    const accepted = await api
      .post('/api/v1/agents/provision', request, { 'idempotency-key': key })
      .catch(() => undefined);
    if (accepted?.status === 202) return accepted.body.status_url;
    if (attempt > 200) throw new Error(`provisioning ${index} never accepted: ${accepted?.status}`);
    await sleep(Math.min(250 * attempt, 2_000));
  }
}

/** Where each job of an operation is in BullMQ, for a diagnosis when it did not end. */
async function jobStates(operationId: string): Promise<Record<string, unknown>> {
  const queues = {
    aws_connect: QueueName.AwsConnect,
    elizaos: QueueName.ElizaOS,
    context: QueueName.Context,
    finalize: QueueName.Provisioning,
  };
  const states: Record<string, unknown> = {};
  for (const [step, name] of Object.entries(queues)) {
    const queue = new Queue(name, { connection: { url: redis.url }, prefix: queuePrefix });
    const job = await queue.getJob(provisioningJobId(operationId, step as keyof typeof queues));
    states[step] = job
      ? {
          state: await job.getState(),
          attemptsMade: job.attemptsMade,
          stalled: job.stalledCounter,
          failedReason: job.failedReason,
        }
      : 'gone';
    await queue.close();
  }
  return states;
}

async function inPool<T>(count: number, concurrency: number, work: (index: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const index = next++;
        results[index] = await work(index);
      }
    }),
  );
  return results;
}

/**
 * Customers erased while the faults run (each once answered, as a backend erases on a customer's request): retried
 * like any request the engine refused (503 while Postgres is away, 409 while a turn of theirs runs). Returns the
 * numbers erased.
 */
async function eraseSome(sent: Sent[], count: number): Promise<string[]> {
  const erased: string[] = [];
  const answered = () =>
    sent.filter((message) => message?.channel === 'whatsapp' && social.sentTo(message.recipient).length === 1);
  await waitFor(async () => (answered().length >= count ? true : undefined), 'customers to erase', 120_000);
  for (const { recipient } of answered().slice(0, count)) {
    for (let attempt = 1; ; attempt++) {
      const found = await db
        .query(
          `SELECT agent_id, customer_id FROM conversation_messages
            WHERE counterpart_id = $1 AND customer_id IS NOT NULL LIMIT 1`,
          [recipient],
        )
        .catch(() => undefined);
      const row = found?.rows[0];
      const answer = row
        ? await api.delete(`/api/v1/agents/${row.agent_id}/customers/${row.customer_id}`).catch(() => undefined)
        : undefined;
      if (answer?.status === 200) break;
      if (attempt > 200) throw new Error(`customer ${recipient} never erased: ${answer?.status}`);
      await sleep(Math.min(250 * attempt, 2_000));
    }
    erased.push(recipient);
    await sleep(1_000);
  }
  return erased;
}

/**
 * Customers booking a table on WhatsApp while the faults run: a request, the agent's proposal, then a yes; each
 * message delivered until acknowledged. Returns the customers who said yes.
 */
async function bookTables(): Promise<string[]> {
  const confirmed: string[] = [];
  await inPool(BOOKINGS, 4, async (index) => {
    const agent = messageAgents[index % MESSAGE_AGENTS]!;
    const from = `1666${String(index).padStart(7, '0')}`;
    const say = async (text: string) => {
      const body = whatsappTextMessage({ phoneNumberId: agent.whatsapp, from, text });
      await deliverUntilAcknowledged('/api/v1/webhooks/meta', body, signMeta(body, META_SECRET));
    };
    await say('Can I book a table for 2 tomorrow at 7pm?');
    const proposal = await waitFor(async () => social.sentTo(from)[0]?.text, `a proposal to ${from}`, 180_000).catch(
      () => undefined,
    );
    // A turn that could not complete was handed to a person instead: nothing to confirm.
    if (!proposal?.toLowerCase().includes('yes')) return;
    await say('yes');
    confirmed.push(from);
  });
  return confirmed;
}

/** A request the backend retries until the engine takes it (503 while Postgres or Redis is away). */
async function untilTaken(send: () => Promise<{ status: number }>, taken: number[]): Promise<number> {
  for (let attempt = 1; ; attempt++) {
    const answer = await send().catch(() => undefined);
    if (answer && taken.includes(answer.status)) return answer.status;
    if (attempt > 200) throw new Error(`never taken: ${answer?.status}`);
    await sleep(Math.min(250 * attempt, 2_000));
  }
}

/**
 * Each message agent's catalog, uploaded while the faults run, then replaced by a version with one price changed. A
 * retried upload whose first try was committed is a 409 (the name is taken), a retried new version an unchanged 200.
 */
async function uploadCatalogs(): Promise<void> {
  for (const agent of messageAgents) {
    await untilTaken(
      () =>
        api.post(`/api/v1/agents/${agent.id}/knowledge`, { name: 'product_catalog', format: 'json', content: CATALOG }),
      [202, 409],
    );
    await sleep(300);
  }
  await sleep(2_000);
  const repriced = CATALOG.map((product, i) => (i === REPRICED ? { ...product, price: NEW_PRICE } : product));
  for (const agent of messageAgents) {
    await untilTaken(
      () => api.put(`/api/v1/agents/${agent.id}/knowledge/product_catalog`, { format: 'json', content: repriced }),
      [200, 202],
    );
    await sleep(300);
  }
}

/** The faults, one after the other, while the load runs. */
async function faults(): Promise<string[]> {
  const done: string[] = [];
  await sleep(2_000);
  for (const name of ['aws-connect-worker', 'elizaos-worker', 'context-service'] as const) {
    await engine.killAndRestart(name);
    done.push(`SIGKILL ${name}`);
    await sleep(2_000);
  }
  await redis.crash();
  await sleep(3_000);
  await redis.resume();
  done.push('Redis restarted after 3 s');
  await sleep(4_000);
  postgres.crash();
  await sleep(3_000);
  postgres.resume();
  done.push('Postgres restarted after 3 s');
  await sleep(2_000);
  await engine.killAndRestart('context-service', 500);
  done.push('SIGKILL context-service');
  return done;
}

describe('the engine under load while its parts fail', () => {
  it('loses nothing, does nothing twice, leaves nothing stuck and stops in time', { timeout: 900_000 }, async () => {
    const started = Date.now();
    const sending: Sent[] = [];
    const [statusUrls, sent, faultLog, erasedNumbers, , bookers] = await Promise.all([
      inPool(AGENTS, 8, provisionVoiceAgent),
      inPool(MESSAGES, 12, async (index) => (sending[index] = await sendMessage(index))),
      faults(),
      eraseSome(sending, ERASED_CUSTOMERS),
      uploadCatalogs(),
      bookTables(),
    ]);
    const loadMs = Date.now() - started;
    await engine.allReady();

    // Every accepted operation ends: completed, or failed with its cloud resources compensated.
    const operations = await inPool(statusUrls.length, 8, async (i) => {
      try {
        return await ended(statusUrls[i]!, 240_000);
      } catch (error) {
        const { body } = await api.get(statusUrls[i]!);
        console.log(
          'an operation did not end:',
          JSON.stringify(body),
          JSON.stringify(await jobStates(body.provisioning_id)),
        );
        throw error;
      }
    });
    const byStatus = operations.reduce<Record<string, number>>(
      (counts, op) => ({ ...counts, [op.status]: (counts[op.status] ?? 0) + 1 }),
      {},
    );
    expect(
      Object.keys(byStatus).every((status) => ['completed', 'failed', 'partially_completed'].includes(status)),
    ).toBe(true);

    // No orphaned emulator resource, no number claimed twice.
    const agentIds = new Set(operations.map((op) => op.agent_id as string).concat(messageAgents.map((a) => a.id)));
    const activeVoice = new Set(
      (await db.query(`SELECT agent_id FROM agent_channels WHERE channel = 'voice' AND status = 'active'`)).rows.map(
        (r) => r.agent_id as string,
      ),
    );
    const inventory = aws.inventory();
    const agentFlows = inventory.contactFlows.filter((flow) => flow.name.startsWith('voca-agent-'));
    const orphanFlows = agentFlows.filter((flow) => {
      const agentId = flow.name.replace(/^voca-agent-/, '');
      return !agentIds.has(agentId) || !activeVoice.has(agentId);
    });
    expect(orphanFlows.map((flow) => flow.name)).toEqual([]);
    const flowOfNumber = new Map<string, number>();
    for (const number of inventory.phoneNumbers) {
      if (number.contactFlowId)
        flowOfNumber.set(number.contactFlowId, (flowOfNumber.get(number.contactFlowId) ?? 0) + 1);
    }
    const claimedTwice = (
      await db.query(
        `SELECT phone_number FROM connect_phone_numbers WHERE status = 'claimed' GROUP BY phone_number HAVING count(*) > 1`,
      )
    ).rows;
    expect(claimedTwice).toEqual([]);
    const numbersOfAgents = (
      await db.query(`SELECT phone_number FROM agent_channels WHERE channel = 'voice' AND status = 'active'`)
    ).rows.map((r) => r.phone_number as string);
    expect(new Set(numbersOfAgents).size).toBe(numbersOfAgents.length);

    // One speech bot per language, whatever was killed while it was made: one production alias each, associated
    // once, and every active voice agent's flow listening through its language's.
    const [instance] = inventory.instances;
    expect(inventory.lexBots.map((bot) => bot.name).sort()).toEqual(
      [`voca-speech-${instance!.id}-en`, `voca-speech-${instance!.id}-es`].sort(),
    );
    for (const bot of inventory.lexBots) {
      expect(bot.aliases.map((alias) => alias.name)).toEqual(['voca-live']);
      expect(bot.locales.map((locale) => locale.status)).toEqual(['Built']);
    }
    const aliasArns = inventory.lexBots.map((bot) => bot.aliases[0]!.arn);
    expect([...instance!.lexBots].sort()).toEqual([...aliasArns].sort());
    for (const flow of agentFlows.filter((f) => activeVoice.has(f.name.replace(/^voca-agent-/, '')))) {
      expect(aliasArns.some((arn) => flow.content.includes(arn))).toBe(true);
    }

    // Every acknowledged message is answered once, or handed to a person; none twice, none silently lost.
    await waitFor(
      async () => {
        const { rows } = await db.query(
          `SELECT count(*)::int AS open FROM conversation_messages WHERE direction = 'inbound' AND status IN ('received', 'queued', 'answering')`,
        );
        return rows[0].open === 0 ? true : undefined;
      },
      'every message to be settled',
      300_000,
    );
    let answered = 0;
    let twice = 0;
    let followUp = 0;
    let lost = 0;
    const lostRecipients: string[] = [];
    // Handed to a person: a turn that could not complete, or a reply that failed or whose send was interrupted
    // (`unknown`: it may have gone out, so it is never sent again).
    const followUps = new Set(
      (
        await db.query(
          `SELECT counterpart_id FROM conversation_messages
            WHERE (direction = 'inbound' AND status IN ('follow_up', 'failed'))
               OR (direction = 'outbound' AND status IN ('unknown', 'failed', 'needs_template'))`,
        )
      ).rows.map((r) => r.counterpart_id as string),
    );
    for (const message of sent) {
      const replies = repliesTo(message).length;
      if (replies === 1) answered += 1;
      else if (replies > 1) twice += 1;
      else if (followUps.has(message.recipient)) followUp += 1;
      else {
        lost += 1;
        lostRecipients.push(message.recipient);
      }
    }
    if (lostRecipients.length > 0) {
      const { rows } = await db.query(
        `SELECT counterpart_id, direction, status, error, created_at, updated_at FROM conversation_messages
          WHERE counterpart_id = ANY($1) ORDER BY arrival`,
        [lostRecipients],
      );
      console.log('messages lost:', JSON.stringify(rows));
    }

    // Every erasure done outside the record too, and nothing of those customers left in it.
    await waitFor(
      async () => {
        const { rows } = await db.query(`SELECT count(*)::int AS n FROM customer_erasures WHERE completed_at IS NULL`);
        return rows[0].n === 0 ? true : undefined;
      },
      'every erasure to complete',
      120_000,
    );
    const leftOfErased = (
      await db.query(
        `SELECT counterpart_id AS id FROM conversation_messages WHERE counterpart_id = ANY($1)
         UNION SELECT external_id FROM customer_identities WHERE external_id = ANY($1)`,
        [erasedNumbers],
      )
    ).rows;
    expect(leftOfErased).toEqual([]);

    // Every catalog answers from its latest version: indexed whole (each record once), the first version gone.
    const catalogs = await waitFor(
      async () => {
        const { rows } = await db.query(
          `SELECT d.agent_id, d.latest_version, d.current_version, v.status, v.chunk_count,
                  (SELECT count(*)::int FROM knowledge_chunks c WHERE c.version_id = v.id) AS chunks,
                  (SELECT count(DISTINCT c.ordinal)::int FROM knowledge_chunks c WHERE c.version_id = v.id) AS ordinals,
                  (SELECT count(*)::int FROM knowledge_versions x WHERE x.document_id = d.id) AS versions
             FROM knowledge_documents d
             JOIN knowledge_versions v ON v.document_id = d.id AND v.version = d.latest_version`,
        );
        return rows.length === MESSAGE_AGENTS && rows.every((row) => row.status === 'ready') ? rows : undefined;
      },
      'every catalog version to be indexed',
      180_000,
    );
    for (const catalog of catalogs) {
      expect(catalog).toMatchObject({ current_version: catalog.latest_version, chunk_count: CATALOG.length });
      expect(catalog).toMatchObject({ chunks: CATALOG.length, ordinals: CATALOG.length, versions: 1 });
    }
    const priced = await voiceTurn(messageAgents[1]!, `How much is the ${CATALOG[REPRICED]!.name}?`);
    expect(priced?.reply).toContain(NEW_PRICE.toFixed(2));

    // Every table booked at most once, whatever died during its call; most bookings made.
    const bookingCalls = new Map<string, number>();
    for (const arrival of backend.callsOf('book_table')) {
      const key = String(arrival.headers['idempotency-key']);
      bookingCalls.set(key, (bookingCalls.get(key) ?? 0) + 1);
    }
    const bookedTwice = [...bookingCalls.values()].filter((calls) => calls > 1).length;
    const bookingRows = (
      await db.query(
        `SELECT t.status, count(*)::int AS n FROM tool_calls t WHERE t.tool_name = 'book_table' AND t.status NOT IN
           ('awaiting_confirmation', 'abandoned', 'declined') GROUP BY t.status`,
      )
    ).rows;
    const signedRight = backend.callsOf('book_table').every((arrival) => arrival.signatureValid);

    // Voice answers after the restarts.
    const voice = await voiceTurn(messageAgents[0]!);
    expect(voice?.reply).toContain('9 AM - 6 PM EST');

    // Nothing stuck once the reconciler has had its pass.
    await sleep(3_000);
    const stuck = await api.get('/api/v1/stuck-work');
    const stuckCounts = Object.fromEntries(
      Object.entries(stuck.body.kinds).map(([kind, value]) => [kind, (value as { count: number }).count]),
    );

    const stops = await engine.stop();
    console.log(
      [
        `chaos: ${AGENTS} agents provisioning and ${MESSAGES} messages, load phase ${Math.round(loadMs / 1000)} s`,
        `faults: ${faultLog.join('; ')}`,
        `operations: ${JSON.stringify(byStatus)}; emulator flows ${agentFlows.length}, orphaned ${orphanFlows.length}, numbers claimed twice ${claimedTwice.length}`,
        ...[
          ...new Set(operations.filter((op) => op.status !== 'completed').map((op) => `  ${op.status}: ${op.error}`)),
        ],
        `messages: delivered ${sent.length}, answered once ${answered}, answered twice ${twice}, handed to a person ${followUp}, lost ${lost}`,
        `customers erased during the faults: ${erasedNumbers.length}, each complete, nothing of them left`,
        `catalogs uploaded and replaced during the faults: ${catalogs.length}, each answering from its latest version`,
        `tables booked during the faults: ${bookers.length} confirmed, ${bookingCalls.size} calls, booked twice ${bookedTwice}; ${JSON.stringify(bookingRows)}`,
        `voice after the restarts: ${voice?.reply ? 'answered' : 'not answered'}`,
        `stuck after a reconciler pass: ${JSON.stringify(stuckCounts)}`,
        `shutdown: ${stops.map(({ app, ms, exit }) => `${app} ${ms} ms (${exit.signal ?? exit.code})`).join(', ')}`,
      ].join('\n'),
    );
    expect(twice).toBe(0);
    expect(lost).toBe(0);
    expect(bookedTwice).toBe(0);
    expect(signedRight).toBe(true);
    expect(bookingCalls.size).toBeLessThanOrEqual(bookers.length);
    expect(bookingCalls.size).toBeGreaterThanOrEqual(Math.floor(bookers.length / 2));
    expect(answered + followUp).toBe(sent.length);
    expect(Object.values(stuckCounts).every((count) => count === 0)).toBe(true);
    for (const { app, ms } of stops) expect(ms, app).toBeLessThan(SHUTDOWN_BOUND_MS);
  });
});
