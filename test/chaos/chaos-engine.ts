import { APPS, AppProcess, freePort, type AppName, type ExitStatus } from '../support/app-processes.js';

/** The four apps as processes, any of which the chaos suite may kill and start again on the same port. */
export class ChaosEngine {
  private readonly apps = new Map<AppName, AppProcess>();
  readonly kills: string[] = [];

  private constructor(private readonly env: Record<string, string>) {}

  static async start(env: Record<string, string>): Promise<ChaosEngine> {
    const engine = new ChaosEngine(env);
    for (const name of APPS) engine.apps.set(name, AppProcess.spawn(name, env, await freePort()));
    await Promise.all([...engine.apps.values()].map((app) => app.ready(60_000)));
    return engine;
  }

  app(name: AppName): AppProcess {
    return this.apps.get(name)!;
  }

  get gatewayUrl(): string {
    return this.app('api-gateway').url;
  }

  /** SIGKILL, as a node failure or the OOM killer would: no shutdown hook runs. Then the app starts again. */
  async killAndRestart(name: AppName, downMs = 1_000): Promise<void> {
    const victim = this.app(name);
    victim.child.kill('SIGKILL');
    await victim.waitForExit();
    this.kills.push(name);
    await new Promise((resolve) => setTimeout(resolve, downMs));
    const replacement = AppProcess.spawn(name, this.env, victim.port);
    this.apps.set(name, replacement);
    await replacement.ready(60_000);
  }

  async allReady(timeoutMs = 60_000): Promise<void> {
    await Promise.all([...this.apps.values()].map((app) => app.ready(timeoutMs)));
  }

  /** SIGTERM to every app at once; how long each took to exit, and how. */
  async stop(): Promise<{ app: AppName; ms: number; exit: ExitStatus }[]> {
    return Promise.all(
      [...this.apps.values()].map(async (app) => {
        const started = Date.now();
        const exit = await app.stop(120_000);
        return { app: app.name, ms: Date.now() - started, exit };
      }),
    );
  }
}
