import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { waitFor } from './wait-for.js';

export const APPS = ['api-gateway', 'aws-connect-worker', 'elizaos-worker', 'context-service'] as const;
export type AppName = (typeof APPS)[number];

/** A free TCP port on loopback. */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}

export interface ExitStatus {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** One built app running as its own process, as `npm start` runs it. */
export class AppProcess {
  readonly output: string[] = [];
  private readonly exited: Promise<ExitStatus>;

  private constructor(
    readonly name: AppName,
    readonly port: number,
    readonly child: ChildProcess,
  ) {
    child.stdout?.on('data', (chunk: Buffer) => this.output.push(chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => this.output.push(chunk.toString()));
    this.exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  }

  static spawn(name: AppName, env: Record<string, string>, port: number): AppProcess {
    const portVariable = name === 'api-gateway' ? 'PORT' : 'HEALTH_PORT';
    const child = spawn(process.execPath, [resolve(`dist/apps/${name}/src/main.js`)], {
      // Run where there is no .env, so only the test environment configures the app.
      cwd: tmpdir(),
      env: { PATH: process.env.PATH ?? '', ...env, [portVariable]: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return new AppProcess(name, port, child);
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  // The elizaos-worker alone takes 16-22 s to be ready on two cores (PGlite, migrations); under load, more.
  async ready(timeoutMs = 45_000): Promise<void> {
    await waitFor(
      async () => {
        if (this.child.exitCode !== null || this.child.signalCode !== null)
          throw new Error(`${this.name} exited: ${this.log()}`);
        const response = await fetch(`${this.url}/health/ready`);
        return response.ok ? true : undefined;
      },
      `${this.name} to be ready`,
      timeoutMs,
    );
  }

  /** Sends SIGTERM and waits for the process to end. */
  async stop(timeoutMs = 20_000): Promise<ExitStatus> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return this.exited;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), timeoutMs);
    const code = await this.exited;
    clearTimeout(timer);
    return code;
  }

  waitForExit(): Promise<ExitStatus> {
    return this.exited;
  }

  log(): string {
    return this.output.join('');
  }
}

/** The whole engine: the four apps as separate processes sharing one environment. */
export class Engine {
  private constructor(readonly apps: Map<AppName, AppProcess>) {}

  static async start(env: Record<string, string>, names: readonly AppName[] = APPS): Promise<Engine> {
    const apps = new Map<AppName, AppProcess>();
    for (const name of names) apps.set(name, AppProcess.spawn(name, env, await freePort()));
    const engine = new Engine(apps);
    try {
      await Promise.all([...apps.values()].map((app) => app.ready()));
    } catch (error) {
      await engine.stop();
      throw error;
    }
    return engine;
  }

  app(name: AppName): AppProcess {
    const app = this.apps.get(name);
    if (!app) throw new Error(`${name} is not running`);
    return app;
  }

  get gatewayUrl(): string {
    return this.app('api-gateway').url;
  }

  async stop(): Promise<void> {
    await Promise.all([...this.apps.values()].map((app) => app.stop()));
  }
}
