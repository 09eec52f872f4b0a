import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OpenAiEmulator } from '../emulators/openai/index.js';
import { Engine } from '../support/app-processes.js';
import { postSignedWebhook } from '../support/engine-webhooks.js';
import { Api } from '../support/http.js';
import { operationEnd } from '../support/operations.js';
import { specExample } from '../support/spec-examples.js';
import { testEnv } from '../support/test-env.js';
import { ToolReceiver } from '../support/tool-receiver.js';
import { bearer, serviceToken } from '../support/tokens.js';

/**
 * Native function calling through the real `openai` SDK: the agent's tools go to the model as `tools`, the model asks
 * for a call, the engine makes it (signed, to a real HTTP backend) and sends the result back as a `tool` message,
 * and the model's final answer, built from it, is the reply.
 */
const WEBHOOK_SECRET = 'tools-openai-secret-0123456789-abcdef';
const CHAT_MODEL = 'gpt-4o-mini';

let openai: OpenAiEmulator;
let backend: ToolReceiver;
let engine: Engine;
let api: Api;
let agentId: string;

beforeAll(async () => {
  backend = await ToolReceiver.start();
  backend.behaviours.set('cancel_order', ({ body }) => ({
    json: { cancelled: true, message: `Order ${body.arguments.order_number} is cancelled; the refund is on its way.` },
  }));
  backend.behaviours.set('order_status', ({ body }) => ({
    json: { order_number: body.arguments.order_number, status: 'out_for_delivery', eta: 'today by 6pm' },
  }));
  // As a model with function calling does: asks for the tool when the customer names an order, then answers from
  // the tool's result.
  openai = await OpenAiEmulator.start({
    apiKey: 'test-key',
    reply: ({ messages, tools }) => {
      const xml = (text: string) =>
        `<response><thought>from the tool</thought><actions>REPLY</actions><providers></providers><text>${text}</text></response>`;
      const result = messages.find((message) => message.role === 'tool');
      if (result) {
        const answer = JSON.parse(String(result.content)) as { status?: string; eta?: string };
        if (answer.status === 'needs_confirmation') return xml('Shall I cancel order 10423? Please reply yes.');
        return xml(`Your order is ${answer.status}, arriving ${answer.eta}.`);
      }
      const prompt = messages.map((message) => String(message.content ?? '')).join('\n');
      const confirmed = /# Results of the business's tools[\s\S]*?cancel_order\([^)]*\): (\{.*\})/.exec(prompt)?.[1];
      if (confirmed) return xml((JSON.parse(confirmed) as { message: string }).message);
      const cancel = /cancel (?:my )?order (\d+)/i.exec(prompt)?.[1];
      if (cancel) return { tool_calls: [{ name: 'cancel_order', arguments: { order_number: cancel } }] };
      const order = /order (\d+)/.exec(prompt)?.[1];
      if (order && tools?.some((tool) => tool.function.name === 'order_status'))
        return { tool_calls: [{ name: 'order_status', arguments: { order_number: order } }] };
      return '<response><thought>no order</thought><actions>REPLY</actions><providers></providers><text>How can I help?</text></response>';
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
    }),
  );
  api = new Api(engine.gatewayUrl, bearer(serviceToken()));
  const request = specExample('provision-request');
  request.agent_config.channels = ['voice'];
  const accepted = await api.post('/api/v1/agents/provision', request);
  agentId = accepted.body.agent_id;
  expect((await operationEnd(api, accepted.body.status_url)).status).toBe('completed');
  const created = await api.post(`/api/v1/agents/${agentId}/tools`, {
    name: 'order_status',
    description: 'Looks up an order of the store by its number',
    parameters: {
      type: 'object',
      properties: { order_number: { type: 'string', description: 'The order number' } },
      required: ['order_number'],
    },
    url: backend.urlOf('order_status'),
  });
  expect(created.status).toBe(201);
  backend.secrets.set('order_status', created.body.signing_secret);
  const cancel = await api.post(`/api/v1/agents/${agentId}/tools`, {
    name: 'cancel_order',
    description: 'Cancels an order that has not shipped',
    parameters: {
      type: 'object',
      properties: { order_number: { type: 'string' } },
      required: ['order_number'],
    },
    url: backend.urlOf('cancel_order'),
    requires_confirmation: true,
  });
  expect(cancel.status).toBe(201);
  backend.secrets.set('cancel_order', cancel.body.signing_secret);
}, 240_000);

afterAll(async () => {
  await engine?.stop();
  await openai?.stop();
  await backend?.stop();
});

describe('tools with an OpenAI-compatible model (native function calling)', () => {
  it('sends the tools, makes the call the model asks for, returns its result, and replies from it', async () => {
    openai.reset();
    const answer = await postSignedWebhook(
      engine.gatewayUrl,
      '/api/v1/webhooks/connect',
      { agent_id: agentId, message: 'Where is my order 10423?', channel: 'voice', caller: '+15550002222' },
      WEBHOOK_SECRET,
    );
    expect(answer.status).toBe(200);
    expect(answer.body.message).toBe('Your order is out_for_delivery, arriving today by 6pm.');

    const calls = backend.callsOf('order_status');
    expect(calls).toHaveLength(1);
    expect(calls[0]!.signatureValid).toBe(true);
    expect(calls[0]!.body.arguments).toEqual({ order_number: '10423' });

    const chats = openai.chatRequests();
    const [first, second] = chats;
    expect(first!.body.tools).toContainEqual({
      type: 'function',
      function: {
        name: 'order_status',
        description: 'Looks up an order of the store by its number',
        parameters: expect.objectContaining({ required: ['order_number'] }),
      },
    });
    expect(first!.body.tools).toHaveLength(2);
    const assistant = second!.body.messages.find((message: { role: string }) => message.role === 'assistant');
    const tool = second!.body.messages.find((message: { role: string }) => message.role === 'tool');
    expect(assistant.tool_calls[0].function).toEqual({ name: 'order_status', arguments: '{"order_number":"10423"}' });
    expect(tool.tool_call_id).toBe(assistant.tool_calls[0].id);
    expect(JSON.parse(tool.content)).toEqual({
      order_number: '10423',
      status: 'out_for_delivery',
      eta: 'today by 6pm',
    });
  });

  it('proposes a side-effecting call the model asks for, and makes it only after the customer says yes', async () => {
    const caller = '+15550003333';
    const say = (message: string) =>
      postSignedWebhook(
        engine.gatewayUrl,
        '/api/v1/webhooks/connect',
        { agent_id: agentId, message, channel: 'voice', caller },
        WEBHOOK_SECRET,
      );
    const proposal = await say('Please cancel order 10423');
    expect(proposal.body.message).toBe('Shall I cancel order 10423? Please reply yes.');
    expect(backend.callsOf('cancel_order')).toHaveLength(0);
    openai.reset();
    const done = await say('yes');
    expect(done.body.message).toBe('Order 10423 is cancelled; the refund is on its way.');
    expect(backend.callsOf('cancel_order')).toHaveLength(1);
    expect(backend.callsOf('cancel_order')[0]!.body.arguments).toEqual({ order_number: '10423' });
    // The engine made the confirmed call before the model ran; the model was given its result, and no tool call.
    const [chat] = openai.chatRequests();
    expect(chat!.body.messages.some((message: { role: string }) => message.role === 'tool')).toBe(false);
  });
});
