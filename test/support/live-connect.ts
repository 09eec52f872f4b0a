import type { AwsEmulator } from '../emulators/aws/index.js';
import type pg from 'pg';

export const TEST_LAMBDA_ROLE = 'arn:aws:iam::123456789012:role/voca-connect-voice';

/**
 * Environment of an aws-connect-worker in live mode against the emulator. Each test file passes its own region:
 * the engine records one shared instance per region, so files never see each other's instance.
 */
export function liveConnectEnv(aws: AwsEmulator, region: string): Record<string, string> {
  return {
    AWS_CONNECT_MODE: 'live',
    AWS_REGION: region,
    AWS_ENDPOINT_URL_CONNECT: aws.url,
    AWS_ENDPOINT_URL_LAMBDA: aws.url,
    AWS_ENDPOINT_URL_LEX_MODELS_V2: aws.url,
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
    AWS_CONNECT_LAMBDA_ROLE_ARN: TEST_LAMBDA_ROLE,
    WEBHOOK_SECRET: 'test-webhook-secret-0123456789-0123456789',
    AWS_CONNECT_INSTANCE_ALIAS: `voca-test-${region}`,
    AWS_MAX_ATTEMPTS: '2',
    AWS_CONNECT_THROTTLE_PAUSE_MS: '200',
    AWS_CONNECT_POLL_INTERVAL_MS: '40',
    AWS_CONNECT_POLL_TIMEOUT_MS: '20000',
  };
}

/**
 * Forgets the Connect resources the engine recorded for a region (a new emulator starts empty); the voice and SMS
 * channels of earlier runs' agents there are retired, so no audit of this run tries to heal them.
 */
export async function forgetConnectRegion(db: pg.Pool, region: string): Promise<void> {
  await db.query(
    `UPDATE agent_channels SET status = 'failed', error = 'retired by the test suite'
      WHERE channel IN ('voice', 'sms') AND provider_refs->>'instanceId' IN (SELECT instance_id FROM connect_instances WHERE region = $1)`,
    [region],
  );
  await db.query(
    `DELETE FROM connect_phone_numbers WHERE connect_instance_id IN (SELECT id FROM connect_instances WHERE region = $1)`,
    [region],
  );
  await db.query(`DELETE FROM connect_instances WHERE region = $1`, [region]);
}
