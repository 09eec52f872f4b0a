/**
 * The whole engine for a bench: the four apps as processes (`MODEL_PROVIDER=local`, simulated Connect unless told
 * otherwise) on the given Postgres and Redis, with a queue prefix of their own, and a stand-in Graph API that notes
 * when each reply arrives; with BENCH_CPU_PROFILE each app writes its CPU profile there when it stops. Used by
 * bench/turns.ts and bench/drain.ts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { resolve } from 'node:path';
import jwt from 'jsonwebtoken';
import { BENCH_APP_SECRET } from './whatsapp-webhook.js';
import { BENCH_AGENT_PROFILE } from './bench-agent.js';

export const ENGINE_APPS = ['api-gateway', 'aws-connect-worker', 'elizaos-worker', 'context-service'] as const;
export type EngineApp = (typeof ENGINE_APPS)[number];

/** The Graph API as far as replies go: records when each recipient's reply arrived, answers like Meta. */
export class ReplyCatcher {
  private readonly waiting = new Map<string, (at: number) => void>();
  private server?: Server;
  /** Every reply sent, counted by recipient. */
  readonly repliesTo = new Map<string, number>();
  replies = 0;
  lastReplyAt = 0;

  async start(): Promise<string> {
    this.server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        const at = performance.now();
        const to = (JSON.parse(body || '{}') as { to?: string }).to;
        if (to) {
          this.replies += 1;
          this.lastReplyAt = at;
          this.repliesTo.set(to, (this.repliesTo.get(to) ?? 0) + 1);
          this.waiting.get(to)?.(at);
        }
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(
          JSON.stringify({
            messaging_product: 'whatsapp',
            contacts: [{ input: to, wa_id: to }],
            messages: [{ id: `wamid.${randomUUID()}` }],
          }),
        );
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

export interface RunningEngine {
  gateway: string;
  catcher: ReplyCatcher;
  /** A service token for the engine's API. */
  token: string;
  pidOf(app: EngineApp): number;
  /** Provisions a WhatsApp agent through the API and waits until it answers; returns its phone_number_id. */
  whatsappAgent(): Promise<string>;
  /** The same, with the agent's id. */
  provisionWhatsappAgent(): Promise<{ phoneNumberId: string; agentId: string }>;
  stop(): Promise<void>;
}

/** Resident memory of a process, in MiB (Linux). */
export function rssMiB(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'));
  return line ? Number(line.split(/\s+/)[1]) / 1024 : Number.NaN;
}

/** CPU time a process has used so far (user + system), in seconds (Linux). */
export function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
}

/** USER_HZ: what /proc counts CPU time in on Linux. */
const CLOCK_TICKS_PER_SECOND = 100;

async function ready(url: string, child: ChildProcess, name: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}`);
    if (
      await fetch(`${url}/health/ready`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${name} never became ready`);
}

export async function startEngine(
  databaseUrl: string,
  redisUrl: string,
  extraEnv: Record<string, string> = {},
): Promise<RunningEngine> {
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
    LOG_FORMAT: 'json',
    RATE_LIMIT_PER_MINUTE: '100000000',
    SIMULATE_LATENCY_MS: '1',
    ...extraEnv,
  };
  const children = ENGINE_APPS.map((app, i) => {
    const port = String(base + i);
    const dir = process.env.BENCH_CPU_PROFILE;
    const profile = dir
      ? ['--cpu-prof', `--cpu-prof-dir=${dir}`, `--cpu-prof-name=${app}.${Date.now()}.cpuprofile`]
      : [];
    const child = spawn(process.execPath, [...profile, resolve(`dist/apps/${app}/src/main.js`)], {
      env: { ...env, [app === 'api-gateway' ? 'PORT' : 'HEALTH_PORT']: port },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    return { app, child, url: `http://127.0.0.1:${port}` };
  });
  const stop = async () => {
    for (const { child } of children) child.kill('SIGTERM');
    await Promise.all(
      children.map(({ child }) => new Promise((r) => (child.exitCode !== null ? r(undefined) : child.once('exit', r)))),
    );
    catcher.stop();
  };
  try {
    for (const { app, child, url } of children) await ready(url, child, app);
  } catch (error) {
    await stop();
    throw error;
  }
  const gateway = children[0]!.url;
  const token = jwt.sign({ role: 'service', sub: 'bench' }, jwtSecret, { algorithm: 'HS256', expiresIn: 3600 });
  const provisionWhatsappAgent = async () => {
    const phoneNumberId = `9${Date.now()}${Math.floor(Math.random() * 1000)}`;
    const provision = await fetch(`${gateway}/api/v1/agents/provision`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        vendor_id: `bench_${randomUUID().slice(0, 8)}`,
        agent_config: {
          ...BENCH_AGENT_PROFILE,
          channels: ['whatsapp'],
          channel_credentials: { whatsapp: { phone_number_id: phoneNumberId, access_token: 'EAAG-bench-token' } },
        },
      }),
    }).then((r) => r.json() as Promise<{ status_url: string; agent_id: string }>);
    for (let i = 0; ; i++) {
      const status = await fetch(`${gateway}${provision.status_url}`, {
        headers: { authorization: `Bearer ${token}` },
      }).then((r) => r.json() as Promise<{ status: string }>);
      if (status.status === 'completed') return { phoneNumberId, agentId: provision.agent_id };
      if (status.status === 'failed' || i > 600)
        throw new Error(`the bench agent was not provisioned: ${status.status}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  return {
    gateway,
    catcher,
    token,
    pidOf: (app) => children.find((c) => c.app === app)!.child.pid!,
    whatsappAgent: async () => (await provisionWhatsappAgent()).phoneNumberId,
    provisionWhatsappAgent,
    stop,
  };
}
