import { contactFlowNameOf } from '@voca/aws-connect';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AwsEmulator } from '../emulators/aws/index.js';
import { AppProcess, Engine, freePort } from '../support/app-processes.js';
import { testDatabase } from '../support/database.js';
import { Api } from '../support/http.js';
import { forgetConnectRegion, liveConnectEnv } from '../support/live-connect.js';
import { cozyComfortRequest } from '../support/seed.js';
import { testEnv, uniqueVendor } from '../support/test-env.js';
import { bearer, serviceToken } from '../support/tokens.js';
import { operationEnd } from '../support/operations.js';

// A worker killed mid-call: the call's effect happened in "AWS" but its answer never reached the worker.
const CRASH_POINTS: [operation: string, region: string][] = [
  ['CreateInstance', 'us-west-1'],
  ['CreateFunction', 'us-west-2'],
  ['AddPermission', 'eu-west-1'],
  ['CreateContactFlow', 'eu-west-2'],
  ['ClaimPhoneNumber', 'eu-central-1'],
  ['AssociatePhoneNumberContactFlow', 'ap-south-1'],
  // The speech bot: Lex takes no client tokens, so a retry must find what the dead worker made.
  ['CreateBot', 'ap-southeast-2'],
  ['CreateBotVersion', 'eu-north-1'],
  ['AssociateBot', 'ap-northeast-2'],
];

const db = testDatabase();
let aws: AwsEmulator;
let engine: Engine;
let api: Api;
let baseEnv: Record<string, string>;

beforeAll(async () => {
  aws = await AwsEmulator.start({ instanceActivationMs: 100, phoneClaimMs: 50, functionActivationMs: 50 });
  baseEnv = testEnv({
    // A dead worker's job is taken over quickly.
    WORKER_LOCK_DURATION_MS: '1500',
    WORKER_STALLED_INTERVAL_MS: '300',
    STEP_BACKOFF_MS: '100',
  });
  engine = await Engine.start(baseEnv, ['api-gateway', 'elizaos-worker', 'context-service']);
  api = new Api(engine.gatewayUrl, bearer(serviceToken()));
});

afterAll(async () => {
  await engine?.stop();
  await aws?.stop();
  await db.end();
});

async function startConnectWorker(region: string): Promise<AppProcess> {
  const worker = AppProcess.spawn(
    'aws-connect-worker',
    { ...baseEnv, ...liveConnectEnv(aws, region) },
    await freePort(),
  );
  await worker.ready();
  return worker;
}

describe('a worker killed between provisioning calls', () => {
  it.each(CRASH_POINTS)('after %s resumes on restart with no duplicate resources', async (operation, region) => {
    await forgetConnectRegion(db, region);
    const first = await startConnectWorker(region);
    const held = aws.holdNext(operation);
    const accepted = await api.post(
      '/api/v1/agents/provision',
      cozyComfortRequest(uniqueVendor(), { channels: ['voice'] }),
    );
    await held;
    first.child.kill('SIGKILL');
    await first.waitForExit();
    aws.releaseHeld();

    const second = await startConnectWorker(region);
    try {
      const done = await operationEnd(api, accepted.body.status_url, 30_000, {});
      expect(done.status).toBe('completed');

      const inventory = aws.inventory();
      const instances = inventory.instances.filter((instance) => instance.alias === `voca-test-${region}`);
      expect(instances).toHaveLength(1);
      const instanceId = instances[0]!.id;
      expect(inventory.functions.filter((fn) => fn.name === `voca-voice-${instanceId}`)).toHaveLength(1);
      const flows = inventory.contactFlows.filter((flow) => flow.name === contactFlowNameOf(accepted.body.agent_id));
      expect(flows).toHaveLength(1);
      const numbers = inventory.phoneNumbers.filter((number) => number.instanceId === instanceId && !number.released);
      expect(numbers).toHaveLength(1);
      expect(numbers[0]).toMatchObject({ status: 'CLAIMED', contactFlowId: flows[0]!.id });
      expect(done.agent_config.channels[0].phone_number).toBe(numbers[0]!.number);

      // Nothing orphaned: every number AWS holds for the instance is recorded by the engine.
      const recorded = await db.query(
        `SELECT phone_number_id FROM connect_phone_numbers WHERE phone_number_id = ANY($1)`,
        [numbers.map((number) => number.id)],
      );
      expect(recorded.rowCount).toBe(numbers.length);

      // One speech bot for the instance's English callers: one version, one alias, associated once, in the flow.
      const bots = inventory.lexBots.filter((bot) => bot.name === `voca-speech-${instanceId}-en`);
      expect(bots).toHaveLength(1);
      expect(bots[0]).toMatchObject({ versions: ['1'], locales: [expect.objectContaining({ status: 'Built' })] });
      expect(bots[0]!.aliases).toHaveLength(1);
      expect(instances[0]!.lexBots).toEqual([bots[0]!.aliases[0]!.arn]);
      expect(flows[0]!.content).toContain(bots[0]!.aliases[0]!.arn);
    } finally {
      await second.stop();
    }
  });
});
