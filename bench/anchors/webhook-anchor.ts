/**
 * The anchors the engine's webhook ingest is judged beside: a bare Fastify route that checks Meta's signature and
 * adds one BullMQ job (`bare`), and the same that first stores the message once in Postgres, keyed by its platform
 * id (`durable`: the least a server that acknowledges only what it stored must do). Started by bench/ingest.ts as a
 * process of its own: `node dist/bench/anchors/webhook-anchor.js <bare|durable> <port>`.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { Queue } from 'bullmq';
import Fastify from 'fastify';
import pg from 'pg';

const [mode, port] = [process.argv[2], Number(process.argv[3])];
if (mode !== 'bare' && mode !== 'durable') throw new Error('mode must be bare or durable');
const { DATABASE_URL, REDIS_URL, META_APP_SECRET, QUEUE_PREFIX, ANCHOR_TABLE } = process.env as Record<string, string>;

const queue = new Queue('anchor-inbound', { connection: { url: REDIS_URL }, prefix: QUEUE_PREFIX });
queue.on('error', () => undefined);
const db = mode === 'durable' ? new pg.Pool({ connectionString: DATABASE_URL, max: 10 }) : undefined;
const app = Fastify({ logger: false, bodyLimit: 256 * 1024 });

app.removeContentTypeParser('application/json');
app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

function signed(raw: Buffer, header: unknown): boolean {
  if (typeof header !== 'string' || !header.startsWith('sha256=')) return false;
  const given = Buffer.from(header.slice(7), 'hex');
  const expected = createHmac('sha256', META_APP_SECRET).update(raw).digest();
  return given.length === expected.length && timingSafeEqual(given, expected);
}

app.post('/webhook', async (request, reply) => {
  const raw = request.body as Buffer;
  if (!signed(raw, request.headers['x-hub-signature-256'])) return reply.code(401).send({ error: 'bad signature' });
  const value = JSON.parse(raw.toString('utf8')).entry[0].changes[0].value;
  const message = value.messages[0];
  if (db) {
    await db.query(
      `INSERT INTO ${ANCHOR_TABLE} (platform_id, body) VALUES ($1, $2) ON CONFLICT (platform_id) DO NOTHING`,
      [message.id, message.text.body],
    );
  }
  await queue.add(
    'inbound.message',
    { platformId: message.id },
    { jobId: `m.${message.id.replaceAll(':', '_')}`, removeOnComplete: true },
  );
  return reply.send({ received: 1 });
});

await app.listen({ port, host: '127.0.0.1' });
process.send?.('ready');
process.on('SIGTERM', async () => {
  await app.close();
  await queue.close();
  await db?.end();
  process.exit(0);
});
