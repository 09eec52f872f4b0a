import type { INestApplication } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, testDatabase } from '../support/database.js';
import type { Api } from '../support/http.js';
import { startGateway } from '../support/in-process.js';
import { cozyComfortRequest } from '../support/seed.js';
import { testEnv, uniqueVendor } from '../support/test-env.js';
import { bearer, serviceToken, vendorToken } from '../support/tokens.js';

// No workers: operations stay queued, which is what a vendor flooding the engine looks like.
const env = testEnv({ RATE_LIMIT_PER_MINUTE: '12', MAX_OPERATIONS_PER_VENDOR: '2' });
const db = testDatabase();
let gateway: INestApplication;
let api: Api;

beforeAll(async () => {
  ({ app: gateway, api } = await startGateway(env));
});

afterAll(async () => {
  await gateway?.close();
  await db.end();
});

describe('fairness between vendors', () => {
  it('caps the operations one vendor has queued or running, and not the others', async () => {
    const busy = uniqueVendor();
    const token = bearer(vendorToken(busy));
    for (let i = 0; i < 2; i += 1) {
      expect(
        (await api.post('/api/v1/agents/provision', cozyComfortRequest(busy, { channels: ['whatsapp'] }), token))
          .status,
      ).toBe(202);
    }
    const refused = await api.post(
      '/api/v1/agents/provision',
      cozyComfortRequest(busy, { channels: ['whatsapp'] }),
      token,
    );
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused.body).toMatchObject({ statusCode: 429, error: 'Too Many Requests' });
    expect(await countRows(db, 'agents', 'vendor_id = $1', [busy])).toBe(2);

    const other = uniqueVendor();
    expect(
      (
        await api.post(
          '/api/v1/agents/provision',
          cozyComfortRequest(other, { channels: ['whatsapp'] }),
          bearer(vendorToken(other)),
        )
      ).status,
    ).toBe(202);
  });

  it('limits requests per token with 429 and Retry-After, each token on its own budget', async () => {
    const vendor = uniqueVendor();
    const token = bearer(vendorToken(vendor));
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 14; i += 1) {
      const response = await api.get('/api/v1/agents', token);
      statuses.push(response.status);
      if (response.status === 429) retryAfter = response.headers.get('retry-after');
    }
    expect(statuses.slice(0, 12).every((status) => status === 200)).toBe(true);
    expect(statuses.slice(12)).toEqual([429, 429]);
    expect(Number(retryAfter)).toBeGreaterThan(0);
    expect(Number(retryAfter)).toBeLessThanOrEqual(60);
    // Another token is not affected, and probes are never limited.
    expect((await api.get('/api/v1/agents', bearer(vendorToken(uniqueVendor())))).status).toBe(200);
    expect((await api.get('/health')).status).toBe(200);
    expect((await api.get('/api/v1/agents', bearer(serviceToken()))).status).toBe(200);
  });
});
