import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../support/app-processes.js';
import { postSignedWebhook, provisionSpecAgent } from '../support/engine-webhooks.js';
import { Api } from '../support/http.js';
import { operationEnd } from '../support/operations.js';
import { specExample } from '../support/spec-examples.js';
import { testEnv } from '../support/test-env.js';
import { bearer, serviceToken, vendorToken } from '../support/tokens.js';

/**
 * The backend is written against the spec (../shared/spec/): its request bodies, sent verbatim from
 * test/fixtures/spec, must be accepted, and every answer must carry the spec's field names.
 */

const WEBHOOK_SECRET = 'spec-contract-webhook-secret-0123456789';
let engine: Engine;
let api: Api;

beforeAll(async () => {
  engine = await Engine.start(testEnv({ WEBHOOK_SECRET, SIMULATE_LATENCY_MS: '5' }));
  api = new Api(engine.gatewayUrl, bearer(serviceToken()));
}, 120_000);

afterAll(async () => {
  await engine?.stop();
});

const postSigned = (path: string, payload: unknown) =>
  postSignedWebhook(engine.gatewayUrl, path, payload, WEBHOOK_SECRET);

/** Provisions the spec's agent with another channel set; answers its id once the operation completed. */
async function provisionWith(channels: string[]): Promise<string> {
  const done = await provisionSpecAgent(api, channels);
  expect(done.status).toBe('completed');
  return done.agent_id;
}

describe("the spec's provisioning request, verbatim", () => {
  let agentId: string;
  let final: Record<string, any>;

  beforeAll(async () => {
    const accepted = await api.post('/api/v1/agents/provision', specExample('provision-request'));
    expect(accepted.status).toBe(202);
    expect(accepted.body).toMatchObject({
      provisioning_id: expect.any(String),
      agent_id: expect.any(String),
      status: 'queued',
    });
    agentId = accepted.body.agent_id;
    final = await operationEnd(api, accepted.body.status_url);
  });

  it("ends with the spec's final answer, field by field", () => {
    expect(final.provisioning_id).toEqual(expect.any(String));
    expect(final.status).toBe('completed');
    expect(final.agent_id).toBe(agentId);
    const config = final.agent_config;
    expect(config.id).toBe(agentId);
    expect(config.name).toBe('Cozy Comfort Bedding Agent');
    expect(config.status).toBe('active');
    expect(config.provisioning_complete).toBe(true);
    const byType = Object.fromEntries(
      config.channels.map((channel: { channel_type: string }) => [channel.channel_type, channel]),
    );
    expect(Object.keys(byType).sort()).toEqual(['facebook', 'instagram', 'twitter', 'voice', 'whatsapp']);
    expect(byType.voice).toMatchObject({
      channel_type: 'voice',
      status: 'active',
      phone_number: expect.stringMatching(/^\+1\d{10}$/),
      aws_connect_instance_id: expect.stringMatching(/^arn:aws:connect:[a-z0-9-]+:\d{12}:instance\//),
    });
    for (const social of ['instagram', 'whatsapp', 'facebook', 'twitter']) {
      // No credentials were given, so nothing can reach or leave these channels yet: they say so, and what is missing.
      expect(byType[social]).toMatchObject({
        channel_type: social,
        status: 'pending_configuration',
        elizaos_agent_id: expect.any(String),
        webhook_url: expect.stringMatching(/^http/),
        error: expect.stringContaining(`channel_credentials.${social}.access_token`),
      });
    }
    // One ElizaOS identity answers on every channel.
    expect(new Set(['instagram', 'whatsapp', 'facebook', 'twitter'].map((c) => byType[c].elizaos_agent_id)).size).toBe(
      1,
    );
  });

  it('returns the profile exactly as it was sent, with the channels named channel_type', async () => {
    const { agent_config: sent } = specExample('provision-request');
    const agent = await api.get(`/api/v1/agents/${agentId}`);
    expect(agent.status).toBe(200);
    expect(agent.headers.get('etag')).toBe(`"${agent.body.version}"`);
    expect(agent.body).toMatchObject({
      id: agentId,
      name: sent.name,
      description: sent.description,
      business_type: sent.business_type,
      status: 'active',
      provisioning_complete: true,
    });
    expect(agent.body.character_config).toEqual(sent.character_config);
    expect(agent.body.context).toEqual(sent.context);
    expect(
      agent.body.channels.every(
        (channel: Record<string, unknown>) => typeof channel.channel_type === 'string' && !('type' in channel),
      ),
    ).toBe(true);
  });

  it("speaks as the business, from its knowledge base, on the spec's Connect webhook", async () => {
    const hours = await postSigned('/api/v1/webhooks/connect', {
      agent_id: agentId,
      message: 'What time are you open?',
      channel: 'voice',
    });
    expect(hours.status).toBe(200);
    expect(hours.body).toEqual({
      message: expect.stringContaining('9 AM - 6 PM EST'),
      agent_id: agentId,
      channel: 'voice',
      tts_ready: true,
      action: 'continue',
    });
    const returns = await postSigned('/api/v1/webhooks/connect', {
      agent_id: agentId,
      message: 'Can I return a duvet?',
      channel: 'voice',
    });
    expect(returns.body.message).toContain('30-day returns');
    const products = await postSigned('/api/v1/webhooks/connect', {
      agent_id: agentId,
      message: 'What do you sell?',
      channel: 'voice',
    });
    expect(products.body.message).toContain('bedding sets');
    expect(products.body.message).not.toMatch(/_|Agent/);
  });

  it("answers the spec's generic webhook, with or without a timestamp", async () => {
    for (const extra of [{}, { timestamp: new Date().toISOString() }]) {
      const answer = await postSigned('/api/v1/webhooks/elizaos', {
        platform: 'instagram',
        agent_id: agentId,
        message: "Hi! I'm looking for a new comforter set for my queen bed",
        user_id: `customer_${Date.now()}`,
        ...extra,
      });
      expect([200, 202]).toContain(answer.status);
      expect(answer.body).toMatchObject({ agent_id: agentId, channel: 'instagram', context_updated: true });
      expect(answer.body).toHaveProperty('message');
    }
  });

  it("changes the name and status with the spec's PUT, with no version, refusing what the state machine forbids", async () => {
    const paused = await api.put(`/api/v1/agents/${agentId}`, {
      name: 'Cozy Comfort Bedding Helper',
      status: 'paused',
    });
    expect(paused.status).toBe(200);
    expect(paused.body.agent).toMatchObject({ name: 'Cozy Comfort Bedding Helper', status: 'paused' });
    const closed = await postSigned('/api/v1/webhooks/connect', {
      agent_id: agentId,
      message: 'Hello?',
      channel: 'voice',
    });
    expect(closed.body).toMatchObject({ agent_id: agentId, channel: 'voice', tts_ready: true, action: 'end' });

    expect((await api.put(`/api/v1/agents/${agentId}`, { status: 'active' })).body.agent.status).toBe('active');
    expect((await api.put(`/api/v1/agents/${agentId}`, { status: 'active' })).status).toBe(200);
    expect((await api.put(`/api/v1/agents/${agentId}`, { status: 'stopped' })).body.agent.status).toBe('stopped');
    const refused = await api.put(`/api/v1/agents/${agentId}`, { status: 'paused' });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ status: 'stopped', allowed: ['start', 'update', 'delete'] });
    expect((await api.put(`/api/v1/agents/${agentId}`, { status: 'active' })).body.agent.status).toBe('active');

    const audit = await api.get(`/api/v1/agents/${agentId}/audit`);
    expect(audit.body.events.map((event: { action: string }) => event.action)).toEqual(
      expect.arrayContaining(['updated', 'pause', 'resume', 'stop', 'start']),
    );
  });

  it('refuses a stale If-Match with 409 and takes a current one', async () => {
    const { headers } = await api.get(`/api/v1/agents/${agentId}`);
    const etag = headers.get('etag')!;
    const renamed = await api.put(`/api/v1/agents/${agentId}`, { name: 'Cozy Comfort Bedding' }, { 'if-match': etag });
    expect(renamed.status).toBe(200);
    expect(renamed.headers.get('etag')).not.toBe(etag);
    const stale = await api.put(`/api/v1/agents/${agentId}`, { name: 'Someone else' }, { 'if-match': etag });
    expect(stale.status).toBe(409);
  });

  it('makes a social channel active when a PUT supplies the credentials it waited for', async () => {
    const update = await api.put(`/api/v1/agents/${agentId}`, {
      channel_credentials: {
        whatsapp: { phone_number_id: `${Date.now()}1`, access_token: 'EAAG-spec-contract-token' },
      },
    });
    expect(update.status).toBe(202);
    const done = await operationEnd(api, update.body.status_url);
    expect(done.status).toBe('completed');
    const whatsapp = done.agent_config.channels.find(
      (channel: { channel_type: string }) => channel.channel_type === 'whatsapp',
    );
    expect(whatsapp).toMatchObject({ status: 'active', credentials_configured: true });
    expect(whatsapp).not.toHaveProperty('error');
  });
});

describe('agents without a social channel', () => {
  it.each([['voice'], ['sms']])('a %s-only agent answers with the business facts', async (channel) => {
    const agentId = await provisionWith([channel]);
    const character = await api.get(`/api/v1/agents/${agentId}/character`);
    expect(character.status).toBe(200);
    expect(character.body.character.name).toBe('Cozy Comfort Bedding');
    const answer = await postSigned('/api/v1/webhooks/connect', {
      agent_id: agentId,
      message: 'what time are you open?',
      channel,
    });
    expect(answer.body).toMatchObject({ agent_id: agentId, channel, tts_ready: true, action: 'continue' });
    expect(answer.body.message).toContain('Our store hours are 9 AM - 6 PM EST.');
  });

  it("answers the Lambda's own turn shape too, for a voice-only agent", async () => {
    const agentId = await provisionWith(['voice']);
    const agent = await api.get(`/api/v1/agents/${agentId}`);
    const dialed = agent.body.channels[0].phone_number;
    const turn = await postSigned('/api/v1/webhooks/connect', {
      agent_id: agentId,
      contact_id: crypto.randomUUID(),
      channel: 'voice',
      caller: '+15557654321',
      dialed,
      utterance: 'What time are you open?',
      timestamp: new Date().toISOString(),
    });
    expect(turn.body).toEqual({ reply: expect.stringContaining('9 AM - 6 PM EST'), action: 'continue' });
  });

  it("names an agent without the channel as 404, and an unknown field of the spec's body as 400", async () => {
    const agentId = await provisionWith(['voice']);
    const sms = await postSigned('/api/v1/webhooks/connect', { agent_id: agentId, message: 'hi', channel: 'sms' });
    expect(sms.status).toBe(404);
    const extra = await postSigned('/api/v1/webhooks/connect', {
      agent_id: agentId,
      message: 'hi',
      channel: 'voice',
      colour: 'red',
    });
    expect(extra.status).toBe(400);
    expect(extra.body.message).toContain('colour');
  });
});

describe("the spec's creation request, verbatim", () => {
  it("is accepted at POST /api/v1/agents with the vendor's own token (a service token names vendor_id)", async () => {
    const vendor = bearer(vendorToken('vendor_ccb_123'));
    const created = await api.post('/api/v1/agents', specExample('create-agent-request'), vendor);
    expect(created.status).toBe(202);
    expect((await operationEnd(api, created.body.status_url, 45_000, vendor)).status).toBe('completed');
  });
});
