import { EXAMPLE_IDS } from './api-docs.js';

/**
 * The spec's examples, as the OpenAPI description shows them: its provisioning request verbatim (a test keeps it
 * equal to test/fixtures/spec) and the answer the engine really gives to it once provisioned.
 */

export const SPEC_PROVISION_REQUEST = {
  vendor_id: 'vendor_ccb_123',
  agent_config: {
    name: 'Cozy Comfort Bedding Agent',
    description: 'AI agent for Cozy Comfort Bedding store',
    business_type: 'retail',
    channels: ['instagram', 'whatsapp', 'facebook', 'twitter', 'voice'],
    character_config: {
      business_name: 'Cozy Comfort Bedding',
      products: ['bedding_sets', 'pillows', 'comforters', 'duvets'],
      specialties: ['bedding', 'home_decor', 'sleep_products'],
      tone: 'friendly_helpful',
      knowledge_base: {
        product_catalog: 'bedding_products.json',
        return_policy: '30-day returns',
        shipping_info: 'Free shipping over $50',
      },
    },
    context: {
      store_hours: '9 AM - 6 PM EST',
      contact_info: '+1-555-BEDDING',
      website: 'cozycomfort.com',
    },
  },
};

/** The spec's `POST /api/v1/agents`: the same profile at the top level. */
export const SPEC_CREATE_REQUEST = SPEC_PROVISION_REQUEST.agent_config;

const ELIZAOS_AGENT_ID = '6db3e548-a645-58bc-8cc8-2d6dea8b5e2d';
const awaiting = (channel: string, account: string) =>
  `${channel} needs the business's account before it can receive or answer messages: supply ` +
  `channel_credentials.${channel}.${account} and channel_credentials.${channel}.access_token with PUT /api/v1/agents/{id}`;
const social = (channel: string, account: string, webhook: string) => ({
  channel_type: channel,
  status: 'pending_configuration',
  elizaos_agent_id: ELIZAOS_AGENT_ID,
  webhook_url: `https://engine.example.com/api/v1/webhooks/${webhook}`,
  credentials_configured: false,
  error: awaiting(channel, account),
});

/** The final `agent_config` of the spec's request as the engine provisions it (no credentials were given). */
export const SPEC_AGENT_CONFIG = {
  id: EXAMPLE_IDS.agent,
  name: 'Cozy Comfort Bedding Agent',
  status: 'active',
  channels: [
    {
      channel_type: 'voice',
      status: 'active',
      phone_number: '+16395550170',
      aws_connect_instance_id: 'arn:aws:connect:us-east-1:123456789012:instance/fda57c7d-8ded-4189-ada9-5675a098649b',
      credentials_configured: false,
    },
    social('whatsapp', 'phone_number_id', 'meta'),
    social('instagram', 'account_id', 'meta'),
    social('facebook', 'page_id', 'meta'),
    social('twitter', 'user_id', 'twitter'),
  ],
  provisioning_complete: true,
};

/** `GET /api/v1/provisioning/{id}` once the spec's request is provisioned. */
export const SPEC_PROVISIONING_ANSWER = {
  provisioning_id: EXAMPLE_IDS.operation,
  status: 'completed',
  agent_id: EXAMPLE_IDS.agent,
  percent: 100,
  steps: [
    {
      name: 'aws_connect',
      status: 'completed',
      channels: ['voice'],
      attempts: 1,
      max_attempts: 5,
      duration_ms: 221,
      detail: 'claiming +16395550170',
    },
    {
      name: 'elizaos',
      status: 'completed',
      channels: ['instagram', 'whatsapp', 'facebook', 'twitter'],
      attempts: 1,
      max_attempts: 5,
      duration_ms: 412,
      detail: 'runtime ready (character v1)',
    },
    {
      name: 'context',
      status: 'completed',
      channels: ['instagram', 'whatsapp', 'facebook', 'twitter', 'voice'],
      attempts: 1,
      max_attempts: 5,
      duration_ms: 91,
    },
    { name: 'finalize', status: 'completed', channels: [], attempts: 1, max_attempts: 5, duration_ms: 11 },
  ],
  created_at: '2026-12-01T01:20:04.561Z',
  started_at: '2026-12-01T01:20:04.638Z',
  finished_at: '2026-12-01T01:20:05.383Z',
  agent_config: SPEC_AGENT_CONFIG,
};

/** `GET /api/v1/agents/{id}` of the spec's agent: its channels and the profile exactly as it was sent. */
export const SPEC_AGENT_VIEW = {
  ...SPEC_AGENT_CONFIG,
  vendor_id: SPEC_PROVISION_REQUEST.vendor_id,
  version: 1,
  description: SPEC_CREATE_REQUEST.description,
  business_type: SPEC_CREATE_REQUEST.business_type,
  character_config: SPEC_CREATE_REQUEST.character_config,
  context: SPEC_CREATE_REQUEST.context,
  // Its knowledge_base names bedding_products.json: the catalog waits for its upload as a document.
  knowledge: { documents: 0, awaiting_upload: ['product_catalog'] },
  created_at: '2026-12-01T01:20:04.561Z',
  updated_at: '2026-12-01T01:20:05.383Z',
};
