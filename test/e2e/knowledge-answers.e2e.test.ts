import { sampleCatalog, type SampleProduct } from '@voca/devtools';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SocialEmulator } from '../emulators/social/index.js';
import { Engine } from '../support/app-processes.js';
import { postSignedWebhook } from '../support/engine-webhooks.js';
import { Api } from '../support/http.js';
import { returnsPolicyPdf, SHIPPING_FAQ_MARKDOWN } from '../support/knowledge.js';
import { checkedFetch } from '../support/openapi-contract.js';
import { operationEnd } from '../support/operations.js';
import { specExample } from '../support/spec-examples.js';
import { Scrape } from '../support/prometheus.js';
import { TEST_PUBLIC_ADDRESS, testEnv } from '../support/test-env.js';
import { bearer, serviceToken } from '../support/tokens.js';
import { waitFor } from '../support/wait-for.js';
import { whatsappCustomer } from '../support/whatsapp-customer.js';

/**
 * The agent answers from the business's documents: the spec's agent, provisioned verbatim, gets the catalog its
 * profile names (`product_catalog`, 2,000 products as JSON), a returns policy as PDF and a shipping FAQ as Markdown;
 * customers then ask on WhatsApp and on the phone, with the offline `local` model.
 */
const META_SECRET = 'meta-app-secret-for-knowledge';
const WEBHOOK_SECRET = 'knowledge-webhook-secret-0123456789-abcdef';
const PHONE_NUMBER_ID = `77${Date.now()}`;
const WHATSAPP_TOKEN = 'EAAG-knowledge-token';

const catalog = sampleCatalog(2_000);
let social: SocialEmulator;
let engine: Engine;
let api: Api;
let agentId: string;
let backendFiles: Server;
let backendFilesUrl: string;
const fetchedFrom: string[] = [];

const GIFT_FAQ = `# Gifts

## Gift wrapping
Gift wrapping is available for $5 per item, with a handwritten card on request.
`;

const digits = () => `1555${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;

const say = whatsappCustomer({
  gatewayUrl: () => engine.gatewayUrl,
  social: () => social,
  phoneNumberId: PHONE_NUMBER_ID,
  metaSecret: META_SECRET,
});

/** A customer's WhatsApp message; answers the reply the agent sent back on WhatsApp. */
async function onWhatsapp(text: string, from = digits()): Promise<{ text: string; from: string }> {
  return { text: await say(text, from, 30_000), from };
}

/** A caller's turn as the voice Lambda posts it; answers what the caller hears. */
async function onThePhone(text: string): Promise<string> {
  const answer = await postSignedWebhook(
    engine.gatewayUrl,
    '/api/v1/webhooks/connect',
    { agent_id: agentId, message: text, channel: 'voice', caller: '+15557654321' },
    WEBHOOK_SECRET,
  );
  expect(answer.status).toBe(200);
  return answer.body.message as string;
}

/** The agent's latest reply to a WhatsApp customer, as the customer context view shows it (with its citations). */
async function latestReplyTo(from: string): Promise<Record<string, any>> {
  const { body: page } = await api.get(`/api/v1/agents/${agentId}/conversations?limit=100`);
  const conversation = page.items.find((item: { display_name?: string }) => item.display_name === `Shopper ${from}`);
  const { body: context } = await api.get(`/api/v1/agents/${agentId}/customers/${conversation.customer_id}/context`);
  const replies = context.turns.filter((turn: { role: string }) => turn.role === 'agent');
  return replies[replies.length - 1];
}

async function upload(name: string, content: unknown, format: string) {
  const accepted = await api.post(`/api/v1/agents/${agentId}/knowledge`, { name, format, content });
  expect(accepted.status).toBe(202);
  return accepted.body;
}

async function uploadFile(name: string, fileName: string, bytes: Uint8Array, type: string) {
  const form = new FormData();
  form.set('name', name);
  form.set('file', new Blob([bytes], { type }), fileName);
  const response = await checkedFetch(`${engine.gatewayUrl}/api/v1/agents/${agentId}/knowledge`, {
    method: 'POST',
    headers: bearer(serviceToken()),
    body: form,
  });
  expect(response.status).toBe(202);
  return response.json();
}

/** Waits until the document answers from `version`; answers its view. */
async function answering(name: string, version: number): Promise<Record<string, any>> {
  return waitFor(
    async () => {
      const { body } = await api.get(`/api/v1/agents/${agentId}/knowledge/${name}`);
      if (body.status === 'failed') throw new Error(`${name} failed: ${JSON.stringify(body.error)}`);
      return body.current_version === version ? body : undefined;
    },
    `${name} version ${version} to answer`,
    60_000,
  );
}

/** A product that comes in a size and colour with units in stock, and one pair of it sold out. */
function stockedProduct(): { product: SampleProduct; size: string; color: string; soldOut: [string, string] } {
  for (const product of catalog.slice(300)) {
    const inStock = Object.entries(product.stock).find(([, units]) => units > 0);
    const soldOut = Object.entries(product.stock).find(([, units]) => units === 0);
    if (inStock && soldOut) {
      const [size, color] = inStock[0].split('/') as [string, string];
      return { product, size, color, soldOut: soldOut[0].split('/') as [string, string] };
    }
  }
  throw new Error('no product with both');
}

beforeAll(async () => {
  // The backend's file server, reachable as a public address (the engine fetches a document's URL once).
  backendFiles = createServer((request, response) => {
    fetchedFrom.push(request.url ?? '');
    if (request.url === '/files/huge.md') {
      // Past KNOWLEDGE_MAX_BYTES (10 MiB by default): the engine must stop reading, not store it.
      response.writeHead(200, { 'content-type': 'text/markdown' }).end(Buffer.alloc(11 * 1024 * 1024, 'a'));
    } else if (request.url === '/files/packed.md') {
      // A compressed answer the engine never asked for: it is not inflated (a small gzip can be gigabytes).
      response.writeHead(200, { 'content-type': 'text/markdown', 'content-encoding': 'gzip' }).end(gzipSync(GIFT_FAQ));
    } else if (request.url === '/files/moved.md') {
      response.writeHead(302, { location: 'http://127.0.0.1:5432/' }).end();
    } else {
      response.writeHead(200, { 'content-type': 'text/markdown; charset=utf-8' }).end(GIFT_FAQ);
    }
  });
  await new Promise<void>((listening) => backendFiles.listen(0, TEST_PUBLIC_ADDRESS, listening));
  backendFilesUrl = `http://${TEST_PUBLIC_ADDRESS}:${(backendFiles.address() as AddressInfo).port}`;
  social = await SocialEmulator.start({ graphVersion: 'v21.0' });
  social.allowToken(PHONE_NUMBER_ID, WHATSAPP_TOKEN);
  engine = await Engine.start(
    testEnv({
      META_APP_SECRET: META_SECRET,
      META_VERIFY_TOKEN: 'meta-verify-token-knowledge',
      WEBHOOK_SECRET,
      META_GRAPH_BASE_URL: social.url,
      META_GRAPH_VERSION: 'v21.0',
    }),
  );
  api = new Api(engine.gatewayUrl, bearer(serviceToken()));
  const accepted = await api.post('/api/v1/agents/provision', specExample('provision-request'));
  expect(accepted.status).toBe(202);
  agentId = accepted.body.agent_id;
  expect((await operationEnd(api, accepted.body.status_url)).status).toBe('completed');
  const credentials = await api.put(`/api/v1/agents/${agentId}`, {
    channel_credentials: { whatsapp: { phone_number_id: PHONE_NUMBER_ID, access_token: WHATSAPP_TOKEN } },
  });
  expect((await operationEnd(api, credentials.body.status_url)).status).toBe('completed');

  const before = await api.get(`/api/v1/agents/${agentId}`);
  expect(before.body.knowledge).toEqual({ documents: 0, awaiting_upload: ['product_catalog'] });
  await upload('product_catalog', catalog, 'json');
  await uploadFile('return_policy', 'returns.pdf', await returnsPolicyPdf(), 'application/pdf');
  await upload('shipping_faq', SHIPPING_FAQ_MARKDOWN, 'markdown');
  for (const name of ['product_catalog', 'return_policy', 'shipping_faq']) await answering(name, 1);
}, 240_000);

afterAll(async () => {
  await engine?.stop();
  await social?.stop();
  await new Promise((closed) => backendFiles?.close(closed));
});

describe("the spec's agent with its documents (offline model)", () => {
  it('indexes each document into records or sections, and no named document awaits upload any more', async () => {
    const { body: list } = await api.get(`/api/v1/agents/${agentId}/knowledge`);
    const byName = Object.fromEntries(list.items.map((doc: { name: string }) => [doc.name, doc]));
    expect(byName.product_catalog).toMatchObject({ type: 'json', status: 'ready', chunk_count: 2_000, version: 1 });
    expect(byName.return_policy).toMatchObject({ type: 'pdf', status: 'ready', version: 1 });
    expect(byName.shipping_faq).toMatchObject({ type: 'markdown', status: 'ready', version: 1 });
    expect(byName.return_policy.chunk_count).toBeGreaterThanOrEqual(2);
    const { body: one } = await api.get(`/api/v1/agents/${agentId}/knowledge/product_catalog`);
    expect(one.steps.map((step: { name: string; status: string }) => `${step.name}:${step.status}`)).toEqual([
      'parse:completed',
      'store:completed',
      'index:completed',
      'embed:skipped',
    ]);
    const agent = await api.get(`/api/v1/agents/${agentId}`);
    expect(agent.body.knowledge).toEqual({ documents: 3, awaiting_upload: [] });
  });

  it("answers a product's exact price on WhatsApp, citing its catalog record", async () => {
    const product = catalog[1234]!;
    const reply = await onWhatsapp(`How much is the ${product.name}?`);
    expect(reply.text).toContain(product.name);
    expect(reply.text).toContain(product.price.toFixed(2));
    const recorded = await latestReplyTo(reply.from);
    expect(recorded.citations).toEqual([
      expect.objectContaining({ document_name: 'product_catalog', version: 1, chunk: 1234, title: product.name }),
    ]);
  });

  it('answers whether a size and colour is in stock from the catalog, and says when one is sold out', async () => {
    const { product, size, color, soldOut } = stockedProduct();
    const available = await onWhatsapp(`Do you have the ${product.name} in ${size}, ${color}?`);
    expect(available.text).toContain(product.name);
    expect(available.text).toContain(size);
    expect(available.text).toContain(color);
    expect(available.text).not.toMatch(/out of stock|sold out/i);
    const gone = await onWhatsapp(`Do you have the ${product.name} in ${soldOut[0]}, ${soldOut[1]}?`);
    expect(gone.text).toMatch(/out of stock|sold out/i);
  });

  it('does not invent what the documents do not say: no price, a person instead', async () => {
    const reply = await onWhatsapp('How much is the Zephyr Hammock Deluxe?');
    expect(reply.text).not.toMatch(/\$\s?\d|\d+\.\d\d/);
    expect(reply.text).toMatch(/team|person|someone/i);
    const recorded = await latestReplyTo(reply.from);
    expect(recorded.citations ?? []).toEqual([]);
  });

  it('answers from the PDF returns policy and the Markdown FAQ', async () => {
    const refunds = await onWhatsapp('How long do refunds take after you get my return?');
    expect(refunds.text).toContain('5 business days');
    const refundsRecorded = await latestReplyTo(refunds.from);
    expect(refundsRecorded.citations).toEqual(
      expect.arrayContaining([expect.objectContaining({ document_name: 'return_policy', location: 'page 1' })]),
    );
    const abroad = await onWhatsapp('Do you ship to Canada?');
    expect(abroad.text).toMatch(/Canada/);
    const abroadRecorded = await latestReplyTo(abroad.from);
    expect(abroadRecorded.citations).toEqual(
      expect.arrayContaining([expect.objectContaining({ document_name: 'shipping_faq' })]),
    );
  });

  it("answers a caller's price question on the phone", async () => {
    const product = catalog[42]!;
    const heard = await onThePhone(`how much is the ${product.name.toLowerCase()}`);
    expect(heard).toContain(product.price.toFixed(2));
  });

  it('answers with the new price once a new version of the catalog is indexed', async () => {
    const product = catalog[777]!;
    const repriced = catalog.map((p, i) => (i === 777 ? { ...p, price: 222.22 } : p));
    const accepted = await api.put(`/api/v1/agents/${agentId}/knowledge/product_catalog`, {
      format: 'json',
      content: repriced,
    });
    expect(accepted.status).toBe(202);
    await answering('product_catalog', 2);
    const reply = await onWhatsapp(`What's the price of the ${product.name}?`);
    expect(reply.text).toContain('222.22');
    expect(reply.text).not.toContain(product.price.toFixed(2));
    const recorded = await latestReplyTo(reply.from);
    expect(recorded.citations).toEqual([expect.objectContaining({ version: 2, chunk: 777 })]);
    const heard = await onThePhone(`how much is the ${product.name.toLowerCase()}`);
    expect(heard).toContain('222.22');
  });

  it('fetches a document from its URL once, and answers from it', async () => {
    const accepted = await api.post(`/api/v1/agents/${agentId}/knowledge`, {
      name: 'gifts',
      url: `${backendFilesUrl}/files/gifts.md`,
    });
    expect(accepted.status).toBe(202);
    const view = await answering('gifts', 1);
    expect(view).toMatchObject({ type: 'markdown', source_url: `${backendFilesUrl}/files/gifts.md` });
    expect(view.steps[0]).toMatchObject({ name: 'fetch', status: 'completed' });
    expect(fetchedFrom).toEqual(['/files/gifts.md']);
    const reply = await onWhatsapp('Do you offer gift wrapping?');
    expect(reply.text).toContain('$5 per item');
  });

  it.each([
    ['huge.md', /larger than KNOWLEDGE_MAX_BYTES/],
    ['packed.md', /encod/i],
    ['moved.md', /302/],
  ])('refuses %s as a URL answers it: nothing stored, the version failed', async (file, reason) => {
    const name = `url_${file.replace('.', '_')}`;
    const accepted = await api.post(`/api/v1/agents/${agentId}/knowledge`, {
      name,
      url: `${backendFilesUrl}/files/${file}`,
    });
    expect(accepted.status).toBe(202);
    const failed = await waitFor(
      async () => {
        const { body } = await api.get(`/api/v1/agents/${agentId}/knowledge/${name}`);
        return body.status === 'failed' ? body : undefined;
      },
      `${file} to fail`,
      30_000,
    );
    expect(failed).toMatchObject({ current_version: null, size_bytes: null, error: { code: 'fetch_failed' } });
    expect(failed.error.message).toMatch(reason);
    expect(failed.steps).toContainEqual(expect.objectContaining({ name: 'fetch', status: 'failed' }));
  });

  it('ends a malformed document failed with where, and the rest goes on answering', async () => {
    const broken = '[\n  {"name": "Harbor Quilt", "price": 80},\n  {"name": "Meadow Quilt" "price": 90}\n]';
    const accepted = await api.post(`/api/v1/agents/${agentId}/knowledge`, {
      name: 'quilts',
      format: 'json',
      content: broken,
    });
    expect(accepted.status).toBe(202);
    const failed = await waitFor(
      async () => {
        const { body } = await api.get(`/api/v1/agents/${agentId}/knowledge/quilts`);
        return body.status === 'failed' ? body : undefined;
      },
      'the malformed document to fail',
      30_000,
    );
    expect(failed).toMatchObject({
      current_version: null,
      chunk_count: 0,
      error: {
        code: 'malformed',
        line: 3,
        column: expect.any(Number),
        message: expect.stringMatching(/^JSON: .*line 3/),
      },
    });
    expect(failed.steps).toContainEqual(expect.objectContaining({ name: 'parse', status: 'failed' }));
    const product = catalog[9]!;
    expect((await onWhatsapp(`How much is the ${product.name}?`)).text).toContain(product.price.toFixed(2));
  });

  it('counts indexed versions and searches in its metrics', async () => {
    const context = await Scrape.of(engine.app('context-service').url);
    expect(context.sum('voca_knowledge_versions_total', { format: 'json', outcome: 'ready' })).toBe(2);
    expect(context.sum('voca_knowledge_versions_total', { format: 'json', outcome: 'failed' })).toBe(1);
    expect(context.sum('voca_knowledge_versions_total', { format: 'pdf', outcome: 'ready' })).toBe(1);
    const worker = await Scrape.of(engine.app('elizaos-worker').url);
    expect(worker.sum('voca_knowledge_retrievals_total', { outcome: 'passages', mode: 'fulltext' })).toBeGreaterThan(5);
    expect(worker.sum('voca_knowledge_retrieval_seconds_count')).toBeGreaterThan(5);
  });
});
