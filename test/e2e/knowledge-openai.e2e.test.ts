import { sampleCatalog } from '@voca/devtools';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OpenAiEmulator } from '../emulators/openai/index.js';
import { Engine } from '../support/app-processes.js';
import { testDatabase } from '../support/database.js';
import { postSignedWebhook } from '../support/engine-webhooks.js';
import { Api } from '../support/http.js';
import { operationEnd } from '../support/operations.js';
import { Scrape } from '../support/prometheus.js';
import { specExample } from '../support/spec-examples.js';
import { testEnv } from '../support/test-env.js';
import { bearer, serviceToken } from '../support/tokens.js';
import { waitFor } from '../support/wait-for.js';

/**
 * The same documents with an OpenAI-compatible endpoint for both embeddings and chat, through the real `openai` SDK:
 * chunks get vectors when indexed, each turn's question is embedded for the hybrid ranking, and the prompt the model
 * gets holds the retrieved chunks with their sources.
 */
const WEBHOOK_SECRET = 'knowledge-openai-secret-0123456789-abcdef';
const EMBEDDINGS_MODEL = 'text-embedding-3-small';
const CHAT_MODEL = 'gpt-4o-mini';
const catalog = sampleCatalog(2_000);

const db = testDatabase();
let openai: OpenAiEmulator;
let engine: Engine;
let api: Api;
let agentId: string;

beforeAll(async () => {
  // The model quotes the first price of the passages it was given, as a model told to answer from them would.
  openai = await OpenAiEmulator.start({
    apiKey: 'test-key',
    reply: ({ messages }) => {
      const prompt = messages.map((m) => m.content).join('\n');
      const price = /price: ([\d.]+)/.exec(prompt)?.[1] ?? 'unknown';
      return `<response><thought>from the catalog</thought><actions>REPLY</actions><providers></providers><text>That one is ${price} USD.</text></response>`;
    },
  });
  engine = await Engine.start(
    testEnv({
      WEBHOOK_SECRET,
      MODEL_PROVIDER: 'openai',
      OPENAI_API_KEY: 'test-key',
      OPENAI_BASE_URL: openai.baseUrl,
      OPENAI_MODEL_SMALL: CHAT_MODEL,
      OPENAI_MODEL_LARGE: CHAT_MODEL,
      KNOWLEDGE_EMBEDDINGS_MODEL: EMBEDDINGS_MODEL,
      KNOWLEDGE_EMBEDDINGS_BASE_URL: openai.baseUrl,
      KNOWLEDGE_EMBEDDINGS_API_KEY: 'test-key',
      KNOWLEDGE_EMBEDDINGS_BATCH: '500',
    }),
  );
  api = new Api(engine.gatewayUrl, bearer(serviceToken()));
  const request = specExample('provision-request');
  request.agent_config.channels = ['voice'];
  const accepted = await api.post('/api/v1/agents/provision', request);
  agentId = accepted.body.agent_id;
  expect((await operationEnd(api, accepted.body.status_url)).status).toBe('completed');
  expect(
    (
      await api.post(`/api/v1/agents/${agentId}/knowledge`, {
        name: 'product_catalog',
        format: 'json',
        content: catalog,
      })
    ).status,
  ).toBe(202);
  await waitFor(
    async () => {
      const { body } = await api.get(`/api/v1/agents/${agentId}/knowledge/product_catalog`);
      if (body.status === 'failed') throw new Error(JSON.stringify(body.error));
      return body.current_version === 1 ? body : undefined;
    },
    'the catalog to answer',
    90_000,
  );
}, 240_000);

afterAll(async () => {
  await engine?.stop();
  await openai?.stop();
  await db.end();
});

describe('documents with an OpenAI-compatible model and embeddings', () => {
  it('embeds every chunk when indexing, in batches', async () => {
    const { body } = await api.get(`/api/v1/agents/${agentId}/knowledge/product_catalog`);
    expect(body.steps.find((step: { name: string }) => step.name === 'embed')).toMatchObject({
      status: 'completed',
      detail: expect.stringContaining(`2000 chunks embedded with ${EMBEDDINGS_MODEL}`),
    });
    const batches = openai.requests.filter((r) => r.path === '/v1/embeddings' && Array.isArray(r.body?.input));
    expect(batches.length).toBeGreaterThanOrEqual(4);
    expect(batches.reduce((sum, r) => sum + (r.body.input as string[]).length, 0)).toBeGreaterThanOrEqual(2_000);
  });

  it('gives the model the retrieved chunks with their source, and the reply cites them', async () => {
    const product = catalog[1500]!;
    openai.reset();
    const answer = await postSignedWebhook(
      engine.gatewayUrl,
      '/api/v1/webhooks/connect',
      {
        agent_id: agentId,
        message: `How much is the ${product.name}?`,
        channel: 'voice',
        caller: '+15550001111',
      },
      WEBHOOK_SECRET,
    );
    expect(answer.status).toBe(200);
    const [chat] = openai.chatRequests();
    const prompt = chat!.body.messages.map((m: { content: string }) => m.content).join('\n');
    expect(prompt).toContain("From the business's documents");
    expect(prompt).toContain(`product_catalog (version 1, record 1501): ${product.name}`);
    expect(prompt).toContain(`price: ${product.price}`);
    expect(answer.body.message).toContain(`${product.price} USD`);
    const [reply] = (
      await db.query(
        `SELECT citations FROM conversation_messages WHERE agent_id = $1 AND direction = 'outbound'
          ORDER BY created_at DESC LIMIT 1`,
        [agentId],
      )
    ).rows;
    expect(reply.citations[0]).toEqual({
      document_id: expect.any(String),
      document_name: 'product_catalog',
      version: 1,
      chunk: 1500,
      title: product.name,
      location: 'record 1501',
    });
    // One record holds every word the caller said: nothing to re-rank, so the question is not embedded.
    expect(openai.requests.filter((r) => r.path === '/v1/embeddings')).toEqual([]);
  });

  it('re-ranks several matching records by the similarity of their embeddings to the question', async () => {
    const tundraDuvets = catalog.filter((p) => p.name.startsWith('Tundra') && p.name.endsWith('Duvet'));
    expect(tundraDuvets.length).toBeGreaterThan(5);
    openai.reset();
    const question = 'Which Tundra duvets do you have?';
    const answer = await postSignedWebhook(
      engine.gatewayUrl,
      '/api/v1/webhooks/connect',
      { agent_id: agentId, message: question, channel: 'voice', caller: '+15550002222' },
      WEBHOOK_SECRET,
    );
    expect(answer.status).toBe(200);
    const query = openai.requests.filter((r) => r.path === '/v1/embeddings');
    expect(query.map((r) => r.body.input)).toEqual([[question]]);
    const prompt = openai
      .chatRequests()[0]!
      .body.messages.map((m: { content: string }) => m.content)
      .join('\n');
    const given = tundraDuvets.filter((p) => prompt.includes(`: ${p.name}\n`));
    expect(given).toHaveLength(5);
    const scrape = await Scrape.of(engine.app('elizaos-worker').url);
    expect(scrape.sum('voca_knowledge_retrievals_total', { outcome: 'passages', mode: 'hybrid' })).toBe(1);
  });
});
