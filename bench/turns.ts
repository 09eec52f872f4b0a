/**
 * Message turns end to end: a signed WhatsApp webhook in, the agent's reply arriving at a stand-in Graph API, with
 * all four apps running as processes (`MODEL_PROVIDER=local`), one message at a time; for new customers (each message
 * from another number) and for a returning one (all from one number, so history is loaded). Part of `npm run bench`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { resolve } from 'node:path';
import jwt from 'jsonwebtoken';
import { BENCH_APP_SECRET, metaHeaders, whatsappBody } from './whatsapp-webhook.js';

export interface TurnFigures {
  name: string;
  turns: number;
  p50: number;
  p99: number;
}

const TURNS = Number(process.env.BENCH_TURNS ?? 100);
const APPS = ['api-gateway', 'aws-connect-worker', 'elizaos-worker', 'context-service'] as const;

/** The Graph API as far as replies go: records when each recipient's reply arrived, answers like Meta. */
class ReplyCatcher {
  private readonly waiting = new Map<string, (at: number) => void>();
  private server?: Server;

  async start(): Promise<string> {
    this.server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        const at = performance.now();
        const to = (JSON.parse(body || '{}') as { to?: string }).to;
        if (to) this.waiting.get(to)?.(at);
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ messaging_product: 'whatsapp', contacts: [{ input: to, wa_id: to }], messages: [{ id: `wamid.${randomUUID()}` }] }));
      });
    });
    await new Promise<void>((ready) => this.server!.listen(0, '127.0.0.1', ready));
    return `http://127.0.0.1:${(this.server.address() as { port: number }).port}`;
  }

  replyTo(recipient: string, timeoutMs = 30_000): Promise<number> {
    return new Promise((arrived, failed) => {
      const timer = setTimeout(() => failed(new Error(`no reply to ${recipient} within ${timeoutMs} ms`)), timeoutMs);
      this.waiting.set(recipient, (at) => {
        clearTimeout(timer);
        this.waiting.delete(recipient);
        arrived(at);
      });
    });
  }

  stop(): void {
    this.server?.closeAllConnections();
    this.server?.close();
  }
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function ready(url: string, child: ChildProcess, name: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}`);
    if (await fetch(`${url}/health/ready`).then((r) => r.ok, () => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${name} never became ready`);
}

export async function benchTurns(databaseUrl: string, redisUrl: string): Promise<TurnFigures[]> {
  const catcher = new ReplyCatcher();
  const graphUrl = await catcher.start();
  const jwtSecret = randomBytes(32).toString('hex');
  const base = 20_000 + Math.floor(Math.random() * 20_000);
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    QUEUE_PREFIX: `{voca-bench-${randomUUID().slice(0, 8)}}`,
    JWT_SECRET_KEY: jwtSecret,
    CREDENTIALS_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    META_APP_SECRET: BENCH_APP_SECRET,
    META_GRAPH_BASE_URL: graphUrl,
    PLATFORM_OWNERSHIP_CHECK: 'off',
    RECONCILER: 'off',
    CONNECT_AUDIT_INTERVAL_MS: '0',
    LOG_LEVEL: 'warn',
    RATE_LIMIT_PER_MINUTE: '100000000',
    SIMULATE_LATENCY_MS: '1',
  };
  const children = APPS.map((app, i) => {
    const port = String(base + i);
    const child = spawn(process.execPath, [resolve(`dist/apps/${app}/src/main.js`)], {
      env: { ...env, [app === 'api-gateway' ? 'PORT' : 'HEALTH_PORT']: port },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    return { app, child, url: `http://127.0.0.1:${port}` };
  });
  try {
    for (const { app, child, url } of children) await ready(url, child, app);
    const gateway = children[0]!.url;
    const token = jwt.sign({ role: 'service', sub: 'bench' }, jwtSecret, { algorithm: 'HS256', expiresIn: 3600 });
    const phoneNumberId = `9${Date.now()}`;
    const provision = await fetch(`${gateway}/api/v1/agents/provision`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        vendor_id: `bench_${randomUUID().slice(0, 8)}`,
        agent_config: {
          name: 'Bench Bedding', business_type: 'retail', channels: ['whatsapp'],
          character_config: { personality: 'helpful', tone: 'friendly' },
          context: { store_hours: 'Monday to Saturday, 9 AM - 6 PM EST' },
          channel_credentials: { whatsapp: { phone_number_id: phoneNumberId, access_token: 'EAAG-bench-token' } },
        },
      }),
    }).then((r) => r.json() as Promise<{ status_url: string }>);
    for (let i = 0; ; i++) {
      const status = await fetch(`${gateway}${provision.status_url}`, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.json() as Promise<{ status: string }>);
      if (status.status === 'completed') break;
      if (status.status === 'failed' || i > 600) throw new Error(`the bench agent was not provisioned: ${status.status}`);
      await new Promise((r) => setTimeout(r, 100));
    }

    const turn = async (from: string) => {
      const body = whatsappBody(phoneNumberId, from);
      const arrived = catcher.replyTo(from);
      const started = performance.now();
      const answer = await fetch(`${gateway}/api/v1/webhooks/meta`, {
        method: 'POST',
        headers: metaHeaders(body),
        body,
      });
      if (answer.status !== 200) throw new Error(`the webhook answered ${answer.status}`);
      return (await arrived) - started;
    };
    const series = async (name: string, fromOf: (i: number) => string): Promise<TurnFigures> => {
      for (let i = 0; i < 5; i++) await turn(fromOf(-1 - i)); // warm up
      const latencies: number[] = [];
      for (let i = 0; i < TURNS; i++) latencies.push(await turn(fromOf(i)));
      latencies.sort((a, b) => a - b);
      return { name, turns: TURNS, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
    };
    const run = Date.now() % 1e6;
    return [
      await series('turn, new customer (webhook in -> reply sent)', (i) => `1555${run}${String(i + 10).padStart(4, '0')}`),
      await series('turn, returning customer (history loaded)', () => `1556${run}0001`),
    ];
  } finally {
    for (const { child } of children) child.kill('SIGTERM');
    await Promise.all(children.map(({ child }) => new Promise((r) => (child.exitCode !== null ? r(undefined) : child.once('exit', r)))));
    catcher.stop();
  }
}
