/**
 * Voice provisioning under Amazon Connect's API rate: BENCH_PROVISION_AGENTS (default 500) voice agents submitted at
 * once through the API, with the whole engine in live Connect mode against the AWS emulator throttling at 2 requests
 * a second with a burst of 5 (AWS's rate per account and region). Prints the total time beside the throttle's lower
 * bound for the Connect calls the engine made, and the operations that failed. Speech is on (the default): the
 * first agent's provisioning makes the instance's Lex bot (a build of BENCH_LEX_BUILD_MS, default 5 s; about a minute
 * in AWS) and every agent's flow listens through it. Runs on a scratch database of its own
 * (created, migrated and dropped), since it creates a Connect instance the next run's emulator would not know.
 */
import { randomUUID } from 'node:crypto';
import { ensureDatabase, migrateDatabase } from '@voca/persistence';
import pg from 'pg';
import { AwsEmulator } from '../test/emulators/aws/index.js';
import { startEngine } from './engine-harness.js';

export interface ProvisioningFigures {
  agents: number;
  totalS: number;
  lowerBoundS: number;
  connectCalls: number;
  throttled: number;
  failed: number;
  /** Connect calls answered (not throttled), by operation. */
  callsByOperation: Record<string, number>;
  /** Lex model-building calls (the speech bot, once per instance and language), by operation. */
  lexCallsByOperation: Record<string, number>;
}

const AGENTS = Number(process.env.BENCH_PROVISION_AGENTS ?? 500);
const RATE = { perSecond: 2, burst: 5 };
const REGION = 'us-west-2';

export async function benchProvisioning(databaseUrl: string, redisUrl: string): Promise<ProvisioningFigures> {
  const scratch = new URL(databaseUrl);
  const admin = new URL(databaseUrl);
  admin.pathname = '/postgres';
  scratch.pathname = `/voca_bench_${randomUUID().slice(0, 8)}`;
  await ensureDatabase(scratch.toString());
  await migrateDatabase(scratch.toString());
  const aws = await AwsEmulator.start({
    instanceActivationMs: 2_000,
    phoneClaimMs: 1_000,
    functionActivationMs: 1_000,
    availableNumbers: AGENTS + 100,
    apiRate: RATE,
    lexSettleMs: 1_000,
    lexBuildMs: Number(process.env.BENCH_LEX_BUILD_MS ?? 5_000),
  });
  const engine = await startEngine(scratch.toString(), redisUrl, {
    AWS_CONNECT_MODE: 'live',
    AWS_REGION: REGION,
    AWS_ENDPOINT_URL_CONNECT: aws.url,
    AWS_ENDPOINT_URL_LAMBDA: aws.url,
    AWS_ENDPOINT_URL_LEX_MODELS_V2: aws.url,
    AWS_ACCESS_KEY_ID: 'bench',
    AWS_SECRET_ACCESS_KEY: 'bench',
    AWS_CONNECT_LAMBDA_ROLE_ARN: 'arn:aws:iam::123456789012:role/voca-connect-lambda',
    AWS_CONNECT_INSTANCE_ALIAS: `voca-bench-${REGION}`,
    WEBHOOK_SECRET: randomUUID() + randomUUID(),
  });
  try {
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${engine.token}` };
    const started = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        while (next < AGENTS) {
          const i = next++;
          const accepted = await fetch(`${engine.gateway}/api/v1/agents/provision`, {
            method: 'POST',
            headers,
            body: JSON.stringify({
              vendor_id: `bench_voice_${i}_${randomUUID().slice(0, 6)}`,
              agent_config: {
                name: `Bench Voice ${i}`,
                business_type: 'retail',
                channels: ['voice'],
                character_config: { personality: 'helpful', tone: 'friendly' },
                context: { store_hours: 'Monday to Saturday, 9 AM - 6 PM EST' },
              },
            }),
          });
          if (accepted.status !== 202)
            throw new Error(`provisioning answered ${accepted.status}: ${await accepted.text()}`);
        }
      }),
    );
    const db = new pg.Client({ connectionString: scratch.toString() });
    await db.connect();
    let ended: { status: string }[] = [];
    for (;;) {
      ({ rows: ended } = await db.query(
        `SELECT status FROM provisioning_operations WHERE status IN ('completed', 'failed')`,
      ));
      if (ended.length >= AGENTS) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    const totalS = (performance.now() - started) / 1000;
    await db.end();
    const connect = aws.calls.filter((call) => call.service === 'connect');
    const answeredCalls = connect.filter((call) => call.status !== 429);
    const answered = answeredCalls.length;
    const callsByOperation: Record<string, number> = {};
    for (const call of answeredCalls) callsByOperation[call.operation] = (callsByOperation[call.operation] ?? 0) + 1;
    const lexCallsByOperation: Record<string, number> = {};
    for (const call of aws.calls.filter((c) => c.service === 'lex'))
      lexCallsByOperation[call.operation] = (lexCallsByOperation[call.operation] ?? 0) + 1;
    return {
      agents: AGENTS,
      totalS,
      lowerBoundS: Math.max(0, answered - RATE.burst) / RATE.perSecond,
      connectCalls: answered,
      throttled: connect.length - answered,
      failed: ended.filter((row) => row.status === 'failed').length,
      callsByOperation,
      lexCallsByOperation,
    };
  } finally {
    await engine.stop();
    await aws.stop();
    const db = new pg.Client({ connectionString: admin.toString() });
    await db.connect();
    await db.query(`DROP DATABASE IF EXISTS "${scratch.pathname.slice(1)}" WITH (FORCE)`);
    await db.end();
  }
}
