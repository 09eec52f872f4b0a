import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppProcess, Engine, freePort } from '../support/app-processes.js';
import { Api } from '../support/http.js';
import { MessageClient } from '../support/messages.js';
import { cozyComfortRequest } from '../support/seed.js';
import { testEnv, uniqueVendor } from '../support/test-env.js';
import { bearer, serviceToken } from '../support/tokens.js';
import { waitFor } from '../support/wait-for.js';

const env = testEnv({ WORKER_LOCK_DURATION_MS: '2000', WORKER_STALLED_INTERVAL_MS: '500' });
let engine: Engine;
let secondReplica: AppProcess;
let messages: MessageClient;

beforeAll(async () => {
  engine = await Engine.start(env);
  secondReplica = AppProcess.spawn('elizaos-worker', env, await freePort());
  await secondReplica.ready();
  messages = await MessageClient.connect(env.QUEUE_PREFIX);
}, 120_000);

afterAll(async () => {
  await messages?.close();
  await secondReplica?.stop();
  await engine?.stop();
});

describe('agents hosted by several elizaos-worker replicas', () => {
  it('answers on whichever replica is left after the one that answered is killed', { timeout: 150_000 }, async () => {
    const api = new Api(engine.gatewayUrl, bearer(serviceToken()));
    const accepted = await api.post(
      '/api/v1/agents/provision',
      cozyComfortRequest(uniqueVendor(), { channels: ['whatsapp', 'facebook'] }),
    );
    await waitFor(
      async () => {
        const { body } = await api.get(accepted.body.status_url);
        return body.status === 'completed' ? body : undefined;
      },
      'the agent to be provisioned',
      60_000,
    );
    const agentId = accepted.body.agent_id as string;

    const first = await messages.ask({
      agentId,
      channel: 'whatsapp',
      customer: { id: 'wa-1555' },
      text: 'What are your store hours?',
    });
    expect(first.reply).toContain('9 AM - 6 PM EST');
    const replicas = [engine.app('elizaos-worker'), secondReplica];
    const answered = replicas.find((replica) => first.replica.endsWith(`#${replica.child.pid}`))!;
    const survivor = replicas.find((replica) => replica !== answered)!;
    expect(answered).toBeDefined();

    answered.child.kill('SIGKILL');
    await answered.waitForExit();

    const second = await messages.ask(
      { agentId, channel: 'facebook', customer: { id: 'psid-77' }, text: 'Do you take returns?' },
      120_000,
    );
    expect(second.replica.endsWith(`#${survivor.child.pid}`)).toBe(true);
    expect(second.reply).toContain('30 days');
    expect(second.characterVersion).toBe(1);
  });
});
