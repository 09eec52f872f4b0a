/**
 * How fast the gateway takes a platform webhook: signature check, routing, the durable record and the queue, for
 * signed WhatsApp messages, sequentially and with concurrent senders. Run with `npm run bench:webhooks` (after
 * `npm run build`, with Postgres and Redis up); it uses the database and Redis of .env and its own queue prefix.
 */
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { Queue } from 'bullmq';
import pg from 'pg';
import { configureGateway } from '../apps/api-gateway/src/configure-gateway.js';
import { GatewayModule } from '../apps/api-gateway/src/gateway.module.js';
import { startApp } from '@voca/bootstrap';
import { gatewayEnvSchema, validateEnv } from '@voca/config';
import { QueueName } from '@voca/contracts';
import { migrateDatabase } from '@voca/persistence';

const MESSAGES = Number(process.argv[2] ?? 2000);
const CONCURRENCY = Number(process.argv[3] ?? 32);
const APP_SECRET = 'bench-meta-app-secret';

if (existsSync('.env')) process.loadEnvFile('.env');
const env = validateEnv(gatewayEnvSchema, {
  ...process.env,
  LOG_LEVEL: 'error',
  META_APP_SECRET: APP_SECRET,
  QUEUE_PREFIX: `{voca-bench-${randomUUID().slice(0, 8)}}`,
  RATE_LIMIT_PER_MINUTE: '1000000',
});

function whatsapp(phoneNumberId: string, from: string): string {
  return JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [
      {
        id: '102290129340398',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '15550783881', phone_number_id: phoneNumberId },
              contacts: [{ profile: { name: 'Bench' }, wa_id: from }],
              messages: [
                { from, id: `wamid.${randomBytes(24).toString('base64')}`, timestamp: String(Math.floor(Date.now() / 1000)), type: 'text', text: { body: 'What are your store hours?' } },
              ],
            },
          },
        ],
      },
    ],
  });
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function main(): Promise<void> {
  await migrateDatabase(env.DATABASE_URL);
  const db = new pg.Client({ connectionString: env.DATABASE_URL });
  await db.connect();
  const agentId = randomUUID();
  const phoneNumberId = `bench-${agentId.slice(0, 8)}`;
  await db.query(`INSERT INTO agents (id, vendor_id, name, business_type, status, version) VALUES ($1, 'bench', 'Bench', 'retail', 'active', 1)`, [agentId]);
  await db.query(`INSERT INTO agent_channels (agent_id, channel, status, external_account_id) VALUES ($1, 'whatsapp', 'active', $2)`, [agentId, phoneNumberId]);

  const app = await startApp(GatewayModule.forEnv(env), { port: 0, shutdownGraceMs: env.SHUTDOWN_GRACE_MS, configure: (nest) => configureGateway(nest, env) });
  const { port } = app.getHttpServer().address() as { port: number };
  const url = `http://127.0.0.1:${port}/api/v1/webhooks/meta`;
  const send = async () => {
    const body = whatsapp(phoneNumberId, `1555${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`);
    const started = performance.now();
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': `sha256=${createHmac('sha256', APP_SECRET).update(body).digest('hex')}` },
      body,
    });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`webhook answered ${response.status}`);
    return performance.now() - started;
  };
  for (let i = 0; i < 50; i += 1) await send(); // warm up

  for (const concurrency of [1, CONCURRENCY]) {
    const latencies: number[] = [];
    const started = performance.now();
    let sent = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (sent < MESSAGES) {
          sent += 1;
          latencies.push(await send());
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    console.log(
      `${MESSAGES} WhatsApp webhooks, ${concurrency} at a time: ${(MESSAGES / seconds).toFixed(0)}/s, ` +
        `latency p50 ${percentile(latencies, 50).toFixed(1)} ms, p95 ${percentile(latencies, 95).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms`,
    );
  }

  await app.close();
  const inbound = new Queue(QueueName.Inbound, { connection: { url: env.REDIS_URL }, prefix: env.QUEUE_PREFIX });
  await inbound.obliterate({ force: true });
  await inbound.close();
  await db.query(`DELETE FROM agents WHERE id = $1`, [agentId]);
  await db.end();
  process.exit(0);
}

await main();
