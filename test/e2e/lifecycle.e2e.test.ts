import { describe, expect, it } from 'vitest';
import { AppProcess, Engine, freePort } from '../support/app-processes.js';
import { Api } from '../support/http.js';
import { cozyComfortRequest } from '../support/seed.js';
import { testEnv, uniqueVendor } from '../support/test-env.js';
import { bearer, serviceToken } from '../support/tokens.js';
import { waitFor } from '../support/wait-for.js';

describe('process lifecycle', () => {
  it('refuses to start with a message naming each missing or malformed variable', async () => {
    const { JWT_SECRET_KEY: _secret, ...env } = testEnv({ DATABASE_URL: 'mysql://nope' });
    const gateway = AppProcess.spawn('api-gateway', env, await freePort());
    expect(await gateway.waitForExit()).toEqual({ code: 1, signal: null });
    expect(gateway.log()).toMatch(/JWT_SECRET_KEY is required/);
    expect(gateway.log()).toMatch(/DATABASE_URL must be a postgres:\/\/ URL/);
    expect(gateway.log()).not.toMatch(/\n\s+at /);
  });

  it('on SIGTERM lets the running step finish before exiting, so nothing is lost or redone', async () => {
    // Slow simulated cloud calls keep the Amazon Connect step running for a few seconds.
    const engine = await Engine.start(testEnv({ SIMULATE_LATENCY_MS: '1000', SHUTDOWN_GRACE_MS: '20000' }));
    try {
      const api = new Api(engine.gatewayUrl, bearer(serviceToken()));
      const accepted = await api.post(
        '/api/v1/agents/provision',
        cozyComfortRequest(uniqueVendor(), { channels: ['voice'] }),
      );
      await waitFor(async () => {
        const { body } = await api.get(accepted.body.status_url);
        return (
          body.steps.find((step: { name: string }) => step.name === 'aws_connect').status === 'running' || undefined
        );
      }, 'the Amazon Connect step to start');

      // Nest re-raises the signal once its shutdown hooks have run, so the process ends by SIGTERM, not a crash.
      const exit = await engine.app('aws-connect-worker').stop();
      expect(exit).toEqual({ code: null, signal: 'SIGTERM' });
      const afterExit = await api.get(accepted.body.status_url);
      const step = afterExit.body.steps.find((s: { name: string }) => s.name === 'aws_connect');
      expect(step).toMatchObject({ status: 'completed', attempts: 1 });

      const done = await waitFor(async () => {
        const { body } = await api.get(accepted.body.status_url);
        return body.status === 'completed' ? body : undefined;
      }, 'the operation to complete');
      expect(done.agent_config.channels[0]).toMatchObject({ channel_type: 'voice', status: 'active' });
    } finally {
      await engine.stop();
    }
  });
});
