import { migrateDatabase } from '@voca/persistence';
import { CredentialCipher, eventSecretBinding } from '@voca/secrets';
import { spawnSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppProcess, freePort } from '../support/app-processes.js';
import { dropScratchDatabase, testDatabase } from '../support/database.js';
import { Api } from '../support/http.js';
import { cozyComfortRequest } from '../support/seed.js';
import { TEST_DATABASE_URL, testEnv, uniqueVendor } from '../support/test-env.js';
import { bearer, serviceToken } from '../support/tokens.js';

/**
 * Rotating CREDENTIALS_ENCRYPTION_KEY on a database of its own: the gateway seals tokens and event endpoint secrets
 * with the old key; after the switch it opens them through CREDENTIALS_PREVIOUS_KEYS, and `npm run
 * credentials:rotate` re-seals every one with the new key, so the old key can go.
 */

const scratchName = `voca_rotation_${randomUUID().slice(0, 8)}`;
const scratchUrl = Object.assign(new URL(TEST_DATABASE_URL), { pathname: `/${scratchName}` }).toString();
const admin = testDatabase();
const oldKey = randomBytes(32).toString('base64');
const newKey = randomBytes(32).toString('base64');
let scratch: pg.Pool;
const running: AppProcess[] = [];

beforeAll(async () => {
  await migrateDatabase(scratchUrl);
  scratch = new pg.Pool({ connectionString: scratchUrl, max: 2 });
});

afterAll(async () => {
  await Promise.all(running.map((app) => app.stop()));
  await scratch?.end();
  await dropScratchDatabase(admin, scratchName);
  await admin.end();
});

async function gateway(keys: Record<string, string>): Promise<Api> {
  const app = AppProcess.spawn('api-gateway', { ...testEnv({ DATABASE_URL: scratchUrl, ...keys }) }, await freePort());
  running.push(app);
  await app.ready();
  return new Api(app.url, bearer(serviceToken()));
}

function rotate(env: Record<string, string>) {
  return spawnSync(process.execPath, [resolve('dist/libs/persistence/src/cli/reseal-credentials.js')], {
    cwd: '/tmp',
    env: { PATH: process.env.PATH ?? '', DATABASE_URL: scratchUrl, ...env },
    encoding: 'utf8',
  });
}

const sealed = async () =>
  (
    await scratch.query(
      `SELECT agent_id, channel, credentials_ciphertext FROM agent_channels WHERE credentials_ciphertext IS NOT NULL ORDER BY agent_id`,
    )
  ).rows as {
    agent_id: string;
    channel: string;
    credentials_ciphertext: string;
  }[];

describe('rotating the credentials key', () => {
  it('keeps every token readable through the switch, then re-seals all of them with the new key', async () => {
    const before = await gateway({ CREDENTIALS_ENCRYPTION_KEY: oldKey });
    for (let i = 0; i < 3; i++) {
      const request = cozyComfortRequest(uniqueVendor(), {
        channels: ['whatsapp', 'facebook'],
        channel_credentials: {
          whatsapp: { phone_number_id: `7${Date.now()}${i}`, access_token: `EAAG-wa-${i}` },
          facebook: { page_id: `8${Date.now()}${i}`, access_token: `EAAG-fb-${i}` },
        },
      } as never);
      expect((await before.post('/api/v1/agents/provision', request)).status).toBe(202);
    }
    const endpoint = await before.post('/api/v1/event-endpoints', {
      url: 'https://127.0.0.2/voca/events',
      events: ['operation.completed'],
    });
    expect(endpoint.status).toBe(201);
    const oldRows = await sealed();
    expect(oldRows).toHaveLength(6);
    const oldCipher = new CredentialCipher(oldKey);
    for (const row of oldRows) expect(oldCipher.isCurrent(row.credentials_ciphertext)).toBe(true);
    await running.pop()!.stop();

    // Without the old key in the ring the rotation refuses to lose anything, and says which rows it cannot open.
    const blind = rotate({ CREDENTIALS_ENCRYPTION_KEY: newKey });
    expect(blind.status).toBe(1);
    expect(blind.stderr).toContain('7 could not be opened');

    const rotated = rotate({ CREDENTIALS_ENCRYPTION_KEY: newKey, CREDENTIALS_PREVIOUS_KEYS: oldKey });
    expect(rotated.stderr).toBe('');
    expect(rotated.status).toBe(0);
    expect(rotated.stdout).toContain('re-sealed 7 stored secrets');
    const newCipher = new CredentialCipher(newKey);
    for (const row of await sealed()) {
      expect(newCipher.isCurrent(row.credentials_ciphertext)).toBe(true);
      const opened = newCipher.decrypt<{ access_token: string }>(row.credentials_ciphertext, {
        agentId: row.agent_id,
        channel: row.channel,
      });
      expect(opened.access_token).toMatch(/^EAAG-(wa|fb)-\d$/);
    }
    const [{ secret_ciphertext: endpointSecret }] = (
      await scratch.query(`SELECT secret_ciphertext FROM event_endpoints WHERE id = $1`, [endpoint.body.id])
    ).rows;
    expect(newCipher.decrypt(endpointSecret, eventSecretBinding(endpoint.body.id))).toEqual({
      secret: endpoint.body.secret,
    });
    expect(rotate({ CREDENTIALS_ENCRYPTION_KEY: newKey }).stdout).toContain('re-sealed 0 stored secrets');

    // The gateway runs on the new key alone.
    const after = await gateway({ CREDENTIALS_ENCRYPTION_KEY: newKey });
    expect((await after.get('/api/v1/agents?limit=10')).body.total).toBe(3);
  });
});
