import OpenAI, { AuthenticationError, BadRequestError, InternalServerError, NotFoundError } from 'openai';
import type {
  ChatCompletionMessage,
  ChatCompletionMessageFunctionToolCall,
  ChatCompletionMessageParam,
  ChatCompletionTool,
} from 'openai/resources/chat/completions';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_REPLY_PREFIX,
  OpenAiEmulator,
  type ChatReplier,
  type ChatReplierRequest,
} from '../emulators/openai/index.js';

/** A strict function tool, as an engine would declare it. */
const OPENING_HOURS: ChatCompletionTool = {
  type: 'function',
  function: {
    name: 'get_opening_hours',
    description: 'The opening hours of the restaurant on one day.',
    parameters: {
      type: 'object',
      properties: { day: { type: 'string', enum: ['monday', 'sunday'] } },
      required: ['day'],
      additionalProperties: false,
    },
    strict: true,
  },
};

const CHECK_TABLE: ChatCompletionTool = {
  type: 'function',
  function: {
    name: 'check-table',
    parameters: { type: 'object', properties: { guests: { type: 'integer' }, time: { type: 'string' } } },
  },
};

/** The function tool calls of an answer (the SDK's type also allows custom tool calls). */
function functionCalls(message: ChatCompletionMessage | undefined): ChatCompletionMessageFunctionToolCall[] {
  return (message?.tool_calls ?? []).filter(
    (call): call is ChatCompletionMessageFunctionToolCall => call.type === 'function',
  );
}

/** Tests of the OpenAI API emulator through the real `openai` SDK (serialization, auth, retries, error parsing). */
describe('OpenAI emulator (real openai SDK)', () => {
  let emulator: OpenAiEmulator;
  let client: OpenAI;

  beforeAll(async () => {
    emulator = await OpenAiEmulator.start();
    client = new OpenAI({ apiKey: 'test-key', baseURL: emulator.baseUrl, maxRetries: 2 });
  });

  afterEach(() => emulator.reset());

  afterAll(async () => {
    await emulator.stop();
  });

  /** The SDK error a promise rejects with, checked to be of the expected class. */
  async function sdkError<E extends Error>(promise: Promise<unknown>, type: new (...args: any[]) => E): Promise<E> {
    try {
      await promise;
    } catch (e) {
      expect(e).toBeInstanceOf(type);
      return e as E;
    }
    throw new Error(`expected ${type.name}, but the call succeeded`);
  }

  it('answers a chat completion the SDK parses, and records the request exactly as sent', async () => {
    const messages = [
      { role: 'system' as const, content: 'You are Voca, the assistant of Bella Pizza.' },
      { role: 'user' as const, content: 'Are you open on Sunday?' },
    ];

    const completion = await client.chat.completions.create({ model: 'gpt-4o-mini', messages, temperature: 0.2 });

    expect(completion.object).toBe('chat.completion');
    expect(completion.id).toMatch(/^chatcmpl-[A-Za-z0-9]+$/);
    expect(completion.model).toBe('gpt-4o-mini');
    expect(Math.abs(completion.created - Date.now() / 1000)).toBeLessThan(5);
    expect(completion.choices).toHaveLength(1);
    const [choice] = completion.choices;
    expect(choice).toMatchObject({ index: 0, finish_reason: 'stop', logprobs: null });
    expect(choice?.message).toEqual({
      role: 'assistant',
      content: `${DEFAULT_REPLY_PREFIX}Are you open on Sunday?`,
      refusal: null,
    });
    const replyTokens = Math.ceil(`${DEFAULT_REPLY_PREFIX}Are you open on Sunday?`.length / 4);
    const promptTokens = Math.ceil((messages[0]!.content + messages[1]!.content).length / 4);
    expect(completion.usage).toMatchObject({
      prompt_tokens: promptTokens,
      completion_tokens: replyTokens,
      total_tokens: promptTokens + replyTokens,
    });

    const [record] = emulator.chatRequests();
    expect(emulator.chatRequests()).toHaveLength(1);
    expect(record?.path).toBe('/v1/chat/completions');
    expect(record?.status).toBe(200);
    expect(record?.headers['authorization']).toBe('Bearer test-key');
    expect(record?.headers['content-type']).toContain('application/json');
    expect(record?.body).toEqual({ model: 'gpt-4o-mini', messages, temperature: 0.2 });
    expect(record?.body.messages[0]).toEqual({
      role: 'system',
      content: 'You are Voca, the assistant of Bella Pizza.',
    });
  });

  it('lets a custom replier see the model, the messages (content parts flattened) and the raw body', async () => {
    const seen: Parameters<ChatReplier>[0][] = [];
    emulator.setReply((request) => {
      seen.push(request);
      return `We open at ${request.messages.length === 3 ? 'noon' : 'nine'}.`;
    });

    const completion = await client.chat.completions.create({
      model: 'llama3.1:8b',
      messages: [
        { role: 'developer', content: 'Be brief.' },
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Hours?' },
            { type: 'text', text: 'Today.' },
          ],
        },
        { role: 'assistant', content: 'Which day?' },
      ],
      max_tokens: 64,
      user: 'customer-42',
    });

    expect(completion.choices[0]?.message.content).toBe('We open at noon.');
    expect(seen).toHaveLength(1);
    expect(seen[0]?.model).toBe('llama3.1:8b');
    expect(seen[0]?.messages).toEqual([
      { role: 'developer', content: 'Be brief.' },
      { role: 'user', content: 'Hours?\nToday.' },
      { role: 'assistant', content: 'Which day?' },
    ]);
    expect(seen[0]?.body).toMatchObject({ max_tokens: 64, user: 'customer-42' });

    const models = await client.models.list();
    expect(models.data.map((m) => m.id)).toEqual(expect.arrayContaining(['gpt-4o-mini', 'gpt-4o', 'llama3.1:8b']));
    expect((await client.models.retrieve('llama3.1:8b')).id).toBe('llama3.1:8b');
  });

  it('cuts a reply longer than max_tokens with finish_reason "length", and at a stop sequence', async () => {
    emulator.setReply(() => 'one two three four five six seven eight nine ten');

    const cut = await client.chat.completions.create({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'count' }],
      max_completion_tokens: 2,
    });
    expect(cut.choices[0]).toMatchObject({ finish_reason: 'length', message: { content: 'one two ' } });
    expect(cut.usage?.completion_tokens).toBe(2);

    const stopped = await client.chat.completions.create({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'count' }],
      stop: [' four'],
    });
    expect(stopped.choices[0]).toMatchObject({ finish_reason: 'stop', message: { content: 'one two three' } });
  });

  it('refuses a wrong key with 401, which the SDK raises as AuthenticationError without retrying', async () => {
    const wrong = new OpenAI({ apiKey: 'sk-wrong-key-0000', baseURL: emulator.baseUrl, maxRetries: 2 });

    const error = await sdkError(
      wrong.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] }),
      AuthenticationError,
    );

    expect(error.status).toBe(401);
    expect(error.code).toBe('invalid_api_key');
    expect(error.type).toBe('invalid_request_error');
    expect(error.message).toMatch(/^401 Incorrect API key provided/);
    expect(error.requestID).toMatch(/^req_/);
    expect(emulator.chatRequests().map((r) => [r.status, r.headers['authorization']])).toEqual([
      [401, 'Bearer sk-wrong-key-0000'],
    ]);
  });

  it('refuses a bad body with 400 naming the parameter, which the SDK raises as BadRequestError', async () => {
    const empty = await sdkError(
      client.chat.completions.create({ model: 'gpt-4o-mini', messages: [] }),
      BadRequestError,
    );
    expect(empty.status).toBe(400);
    expect(empty.param).toBe('messages');
    expect(empty.code).toBe('empty_array');

    const badRole = await sdkError(
      client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'bot', content: 'hi' } as never] }),
      BadRequestError,
    );
    expect(badRole.param).toBe('messages[0].role');
    expect(badRole.message).toContain("Invalid value: 'bot'");

    const noModel = await sdkError(
      client.chat.completions.create({ model: '', messages: [{ role: 'user', content: 'hi' }] }),
      BadRequestError,
    );
    expect(noModel.param).toBe('model');

    const noContent = await sdkError(
      client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user' } as never] }),
      BadRequestError,
    );
    expect(noContent.param).toBe('messages[0].content');

    const unknownArgument = await sdkError(
      client.chat.completions.create({
        model: 'gpt-4o',
        messages: [{ role: 'user', content: 'hi' }],
        top_k: 3,
      } as never),
      BadRequestError,
    );
    expect(unknownArgument.message).toContain('Unrecognized request argument supplied: top_k');

    // 400s are not retried: one call each.
    expect(emulator.chatRequests().map((r) => r.status)).toEqual([400, 400, 400, 400, 400]);
  });

  it('answers two injected 429s then succeeds, the SDK retrying after retry-after-ms', async () => {
    emulator.failNext(429, 2, { retryAfterMs: 10 });
    const started = Date.now();

    const completion = await client.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'Menu?' }],
    });

    expect(completion.choices[0]?.message.content).toBe(`${DEFAULT_REPLY_PREFIX}Menu?`);
    const calls = emulator.chatRequests();
    expect(calls.map((r) => r.status)).toEqual([429, 429, 200]);
    expect(calls.every((r) => JSON.stringify(r.body) === JSON.stringify(calls[0]?.body))).toBe(true);
    expect(calls[1]!.at - calls[0]!.at).toBeGreaterThanOrEqual(9);
    // retry-after-ms was honoured, not the SDK's 0.5s+ default backoff
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('surfaces a 500 storm longer than maxRetries as InternalServerError after maxRetries+1 calls', async () => {
    emulator.failNext(500, 5, { retryAfterMs: 5 });

    const error = await sdkError(
      client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] }),
      InternalServerError,
    );

    expect(error.status).toBe(500);
    expect(error.type).toBe('server_error');
    expect(emulator.chatRequests().map((r) => r.status)).toEqual([500, 500, 500]);

    // The two faults left still apply to the next calls; 502 and 503 work the same way.
    const noRetry = new OpenAI({ apiKey: 'test-key', baseURL: emulator.baseUrl, maxRetries: 0 });
    await sdkError(
      noRetry.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] }),
      InternalServerError,
    );
    emulator.failNext(503, 1);
    const fifth = await sdkError(
      noRetry.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] }),
      InternalServerError,
    );
    expect(fifth.status).toBe(500); // the fifth planned 500 comes first: faults are taken in order
    const overloaded = await sdkError(
      noRetry.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] }),
      InternalServerError,
    );
    expect(overloaded.status).toBe(503);
    expect(
      (await noRetry.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] }))
        .choices,
    ).toHaveLength(1);
  });

  it('streams with stream: true as chat.completion.chunk events the SDK iterates', async () => {
    emulator.setReply(() => 'We deliver  until 10pm, every day.');
    // a streaming request is retried like any other before its stream starts
    emulator.failNext(429, 1, { retryAfterMs: 5 });

    const stream = await client.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'Delivery?' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    const deltas: string[] = [];
    const finishReasons: (string | null)[] = [];
    let usage: OpenAI.CompletionUsage | null | undefined;
    for await (const chunk of stream) {
      expect(chunk.object).toBe('chat.completion.chunk');
      for (const choice of chunk.choices) {
        if (choice.delta.content) deltas.push(choice.delta.content);
        finishReasons.push(choice.finish_reason);
      }
      if (chunk.usage) usage = chunk.usage;
    }

    expect(deltas.length).toBeGreaterThan(1);
    expect(deltas.join('')).toBe('We deliver  until 10pm, every day.');
    expect(finishReasons.at(-1)).toBe('stop');
    expect(usage).toMatchObject({ completion_tokens: Math.ceil('We deliver  until 10pm, every day.'.length / 4) });
    expect(emulator.chatRequests().map((r) => [r.status, r.body.stream])).toEqual([
      [429, true],
      [200, true],
    ]);

    // The SDK's stream helper accumulates the same chunks into a whole completion.
    const helper = client.chat.completions.stream({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'Delivery?' }],
    });
    const final = await helper.finalChatCompletion();
    expect(final.choices[0]?.message.content).toBe('We deliver  until 10pm, every day.');
    expect(final.choices[0]?.finish_reason).toBe('stop');
  });

  it('answers embeddings that are deterministic unit vectors of the requested size', async () => {
    const norm = (v: number[]) => Math.sqrt(v.reduce((sum, x) => sum + x * x, 0));
    const first = await client.embeddings.create({
      model: 'text-embedding-3-small',
      input: ['opening hours', 'refund policy'],
      dimensions: 64,
    });
    const again = await client.embeddings.create({
      model: 'text-embedding-3-small',
      input: 'opening hours',
      dimensions: 64,
      encoding_format: 'float',
    });

    expect(first.object).toBe('list');
    expect(first.model).toBe('text-embedding-3-small');
    expect(first.data.map((d) => [d.object, d.index, d.embedding.length])).toEqual([
      ['embedding', 0, 64],
      ['embedding', 1, 64],
    ]);
    for (const d of first.data) expect(norm(d.embedding)).toBeCloseTo(1, 5);
    // The SDK asked for base64 the first time and float the second: the same numbers either way.
    expect(first.data[0]?.embedding).toEqual(again.data[0]?.embedding);
    expect(first.data[1]?.embedding).not.toEqual(first.data[0]?.embedding);
    expect(first.usage).toEqual({ prompt_tokens: Math.ceil(13 / 4) + Math.ceil(13 / 4), total_tokens: 8 });

    const full = await client.embeddings.create({ model: 'text-embedding-3-small', input: 'opening hours' });
    expect(full.data[0]?.embedding).toHaveLength(1536);
    expect(norm(full.data[0]!.embedding)).toBeCloseTo(1, 5);

    const bad = await sdkError(
      client.embeddings.create({ model: 'text-embedding-3-small', input: '' }),
      BadRequestError,
    );
    expect(bad.param).toBe('input');
    expect(emulator.requests.map((r) => [r.path, r.status])).toEqual([
      ['/v1/embeddings', 200],
      ['/v1/embeddings', 200],
      ['/v1/embeddings', 200],
      ['/v1/embeddings', 400],
    ]);
  });

  it('answers unknown routes with an OpenAI-style 404', async () => {
    const error = await sdkError(client.post('/assistants-nope', { body: {} }), NotFoundError);
    expect(error.type).toBe('invalid_request_error');
    expect(error.message).toContain('Invalid URL (POST /v1/assistants-nope)');
    await sdkError(client.models.retrieve('no-such-model'), NotFoundError);
    expect(emulator.requests.map((r) => r.status)).toEqual([404, 404]);
  });

  it('reset() clears planned faults, records, seen models and the replier', async () => {
    emulator.failNext(500, 3);
    emulator.setReply(() => 'custom');
    await client.chat.completions
      .create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'x' }] }, { maxRetries: 0 })
      .catch(() => undefined);
    expect(emulator.requests).toHaveLength(1);

    emulator.reset();

    expect(emulator.requests).toEqual([]);
    expect(emulator.chatRequests()).toEqual([]);
    const completion = await client.chat.completions.create({
      model: 'my-local-model',
      messages: [{ role: 'user', content: 'again' }],
    });
    expect(completion.choices[0]?.message.content).toBe(`${DEFAULT_REPLY_PREFIX}again`);
    expect(emulator.chatRequests().map((r) => r.status)).toEqual([200]);
    emulator.reset();
    expect((await client.models.list()).data.map((m) => m.id)).not.toContain('my-local-model');
  });

  it('answers 500 without retries when the replier throws, so a broken test fails fast', async () => {
    emulator.setReply(() => {
      throw new Error('replier bug');
    });
    const error = await sdkError(
      client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'x' }] }),
      InternalServerError,
    );
    expect(error.message).toContain('the replier threw: replier bug');
    expect(emulator.chatRequests().map((r) => r.status)).toEqual([500]);
  });

  describe('function calling (tools)', () => {
    const CALL_ID = /^call_[A-Za-z0-9]{24}$/;

    it('answers a tool call, then the final text once the tool message answers it (a round trip)', async () => {
      const seen: ChatReplierRequest[] = [];
      emulator.setReply((request) => {
        seen.push(request);
        const last = request.messages.at(-1);
        if (last?.role === 'tool') return `On Sunday we are open ${JSON.parse(last.content).hours}.`;
        return { tool_calls: [{ name: 'get_opening_hours', arguments: { day: 'sunday' } }] };
      });
      const messages: ChatCompletionMessageParam[] = [
        { role: 'system', content: 'You are Voca, the assistant of Bella Pizza.' },
        { role: 'user', content: 'Are you open on Sunday?' },
      ];

      const first = await client.chat.completions.create({
        model: 'gpt-4o-mini',
        messages,
        tools: [OPENING_HOURS, CHECK_TABLE],
      });

      const [choice] = first.choices;
      expect(choice?.finish_reason).toBe('tool_calls');
      expect(choice?.message).toEqual({
        role: 'assistant',
        content: null,
        tool_calls: [
          {
            id: expect.stringMatching(CALL_ID),
            type: 'function',
            function: { name: 'get_opening_hours', arguments: '{"day":"sunday"}' },
          },
        ],
        refusal: null,
      });
      const [call] = functionCalls(choice?.message);
      expect(JSON.parse(call!.function.arguments)).toEqual({ day: 'sunday' });
      expect(first.usage?.completion_tokens).toBe(Math.ceil('{"day":"sunday"}'.length / 4));
      expect(seen[0]).toMatchObject({
        model: 'gpt-4o-mini',
        tools: [OPENING_HOURS, CHECK_TABLE],
        tool_choice: 'auto',
        parallel_tool_calls: true,
      });

      // The engine runs the tool and sends the call and its result back.
      messages.push(choice!.message, {
        role: 'tool',
        tool_call_id: call!.id,
        content: JSON.stringify({ hours: '12:00-22:00' }),
      });
      const second = await client.chat.completions.create({
        model: 'gpt-4o-mini',
        messages,
        tools: [OPENING_HOURS, CHECK_TABLE],
      });

      expect(second.choices[0]).toMatchObject({
        finish_reason: 'stop',
        message: { role: 'assistant', content: 'On Sunday we are open 12:00-22:00.', refusal: null },
      });
      expect(second.choices[0]?.message.tool_calls).toBeUndefined();
      expect(seen[1]?.messages.slice(2)).toEqual([
        { role: 'assistant', content: '', tool_calls: [call] },
        { role: 'tool', content: '{"hours":"12:00-22:00"}', tool_call_id: call!.id },
      ]);
      // The records hold the bodies exactly as the SDK sent them: tools, content null, the tool message.
      const [, sent] = emulator.chatRequests();
      expect(sent?.status).toBe(200);
      expect(sent?.body.tools).toEqual([OPENING_HOURS, CHECK_TABLE]);
      expect(sent?.body.messages.slice(2)).toEqual([
        { role: 'assistant', content: null, tool_calls: [call], refusal: null },
        { role: 'tool', tool_call_id: call!.id, content: '{"hours":"12:00-22:00"}' },
      ]);
    });

    it('answers parallel calls with their own ids, text before them, a forced function and arguments cut by max_tokens', async () => {
      emulator.setReply(({ tool_choice }) =>
        typeof tool_choice === 'object'
          ? { tool_calls: [{ name: 'check-table', arguments: { guests: 4, time: '20:00' } }] }
          : {
              content: 'Let me check both.',
              tool_calls: [
                { name: 'get_opening_hours', arguments: { day: 'monday' } },
                { name: 'check-table', arguments: '{"guests": 2}' },
              ],
            },
      );
      const ask = (params: Partial<OpenAI.ChatCompletionCreateParamsNonStreaming> = {}) =>
        client.chat.completions.create({
          model: 'gpt-4o',
          messages: [{ role: 'user', content: 'Table for Monday?' }],
          tools: [OPENING_HOURS, CHECK_TABLE],
          ...params,
        });

      const parallel = await ask();
      const calls = functionCalls(parallel.choices[0]?.message);
      expect(parallel.choices[0]?.finish_reason).toBe('tool_calls');
      expect(parallel.choices[0]?.message.content).toBe('Let me check both.');
      expect(calls.map((c) => [c.function.name, c.function.arguments])).toEqual([
        ['get_opening_hours', '{"day":"monday"}'],
        ['check-table', '{"guests": 2}'],
      ]);
      expect(calls[0]?.id).toMatch(CALL_ID);
      expect(calls[1]?.id).toMatch(CALL_ID);
      expect(calls[0]?.id).not.toBe(calls[1]?.id);

      // Each call answered by its tool message, in any order: valid.
      const answered = await ask({
        messages: [
          { role: 'user', content: 'Table for Monday?' },
          parallel.choices[0]!.message,
          { role: 'tool', tool_call_id: calls[1]!.id, content: [{ type: 'text', text: 'free' }] },
          { role: 'tool', tool_call_id: calls[0]!.id, content: '12:00-22:00' },
          { role: 'user', content: 'Great, book it.' },
        ],
      });
      expect(answered.choices[0]?.finish_reason).toBe('tool_calls');

      // OpenAI finishes a forced function call with 'stop', not 'tool_calls'.
      const forced = await ask({ tool_choice: { type: 'function', function: { name: 'check-table' } } });
      expect(forced.choices[0]?.finish_reason).toBe('stop');
      expect(functionCalls(forced.choices[0]?.message)[0]?.function).toEqual({
        name: 'check-table',
        arguments: '{"guests":4,"time":"20:00"}',
      });

      // max_tokens cuts the text, then the arguments: the JSON is left unfinished, finish_reason 'length'.
      const cut = await ask({ max_completion_tokens: 7 });
      expect(cut.choices[0]?.finish_reason).toBe('length');
      expect(cut.choices[0]?.message.content).toBe('Let me check both.');
      expect(functionCalls(cut.choices[0]?.message).map((c) => c.function.arguments)).toEqual(['{"day":"mo']);
      expect(() => JSON.parse(functionCalls(cut.choices[0]?.message)[0]!.function.arguments)).toThrow();
    });

    it('refuses bad tools, tool_choice and tool messages with 400 as OpenAI words them', async () => {
      const user = { role: 'user' as const, content: 'hi' };
      const refuse = async (params: object) =>
        sdkError(
          client.chat.completions.create({ model: 'gpt-4o', messages: [user], ...params } as never),
          BadRequestError,
        );

      const badName = await refuse({
        tools: [OPENING_HOURS, { type: 'function', function: { name: 'get opening.hours' } }],
      });
      expect(badName.status).toBe(400);
      expect(badName.type).toBe('invalid_request_error');
      expect(badName.param).toBe('tools[1].function.name');
      expect(badName.code).toBe('invalid_value');
      expect(badName.message).toBe(
        "400 Invalid 'tools[1].function.name': string does not match pattern. Expected a string that matches the pattern '^[a-zA-Z0-9_-]+$'.",
      );

      const longName = await refuse({ tools: [{ type: 'function', function: { name: 'x'.repeat(65) } }] });
      expect([longName.param, longName.code]).toEqual(['tools[0].function.name', 'string_above_max_length']);

      const flat = await refuse({ tools: [{ type: 'function', name: 'get_opening_hours' }] });
      expect([flat.param, flat.code]).toEqual(['tools[0].function', 'missing_required_parameter']);

      const notObject = await refuse({
        tools: [{ type: 'function', function: { name: 'f', parameters: { type: 'string' } } }],
      });
      expect(notObject.param).toBe('tools[0].function.parameters');
      expect(notObject.code).toBe('invalid_function_parameters');
      expect(notObject.message).toContain(
        `Invalid schema for function 'f': schema must be a JSON Schema of 'type: "object"', got 'type: "string"'.`,
      );

      const strictLoose = await refuse({
        tools: [{ type: 'function', function: { ...CHECK_TABLE.function, strict: true } }],
      });
      expect(strictLoose.message).toContain(
        "Invalid schema for function 'check-table': In context=(), 'additionalProperties' is required to be supplied and to be false.",
      );

      const noTools = await refuse({ tool_choice: 'auto' });
      expect(noTools.param).toBe('tool_choice');
      expect(noTools.message).toContain("'tool_choice' is only allowed when 'tools' are specified.");
      const parallelNoTools = await refuse({ parallel_tool_calls: false });
      expect(parallelNoTools.param).toBe('parallel_tool_calls');
      const unknownChoice = await refuse({
        tools: [OPENING_HOURS],
        tool_choice: { type: 'function', function: { name: 'book_table' } },
      });
      expect(unknownChoice.message).toContain("Tool choice 'book_table' not found in 'tools' parameter.");
      const badMode = await refuse({ tools: [OPENING_HOURS], tool_choice: 'always' });
      expect([badMode.param, badMode.code]).toEqual(['tool_choice', 'invalid_value']);

      // A tool message with no assistant tool call before it.
      const orphan = await refuse({
        messages: [user, { role: 'tool', tool_call_id: 'call_nope', content: '42' }],
      });
      expect(orphan.param).toBe('messages.[1].role');
      expect(orphan.message).toBe(
        "400 Invalid parameter: messages with role 'tool' must be a response to a preceeding message with 'tool_calls'.",
      );

      // An assistant tool call left unanswered before the next message.
      const calls = ['call_a', 'call_b'].map((id) => ({
        id,
        type: 'function' as const,
        function: { name: 'get_opening_hours', arguments: '{"day":"monday"}' },
      }));
      const unanswered = await refuse({
        messages: [
          user,
          { role: 'assistant', content: null, tool_calls: calls },
          { role: 'tool', tool_call_id: 'call_a', content: '9-5' },
          { role: 'user', content: 'and?' },
        ],
      });
      expect(unanswered.param).toBe('messages.[3].role');
      expect(unanswered.message).toBe(
        "400 An assistant message with 'tool_calls' must be followed by tool messages responding to each 'tool_call_id'. The following tool_call_ids did not have response messages: call_b",
      );
      const last = await refuse({ messages: [user, { role: 'assistant', content: null, tool_calls: calls }] });
      expect(last.message).toContain('The following tool_call_ids did not have response messages: call_a, call_b');

      const noId = await refuse({
        messages: [user, { role: 'assistant', tool_calls: calls }, { role: 'tool', content: '9-5' }],
      });
      expect([noId.param, noId.code]).toEqual(['messages[2].tool_call_id', 'missing_required_parameter']);
      const noArguments = await refuse({
        messages: [
          user,
          { role: 'assistant', tool_calls: [{ id: 'call_a', type: 'function', function: { name: 'f' } }] },
        ],
      });
      expect(noArguments.param).toBe('messages[1].tool_calls[0].function.arguments');

      expect(emulator.chatRequests().every((r) => r.status === 400)).toBe(true);
    });

    it('answers 500 (no retries) when the replier answers what the model could not', async () => {
      emulator.setReply(() => ({ tool_calls: [{ name: 'get_opening_hours', arguments: { day: 'monday' } }] }));
      const noTools = await sdkError(
        client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'x' }] }),
        InternalServerError,
      );
      expect(noTools.message).toContain('the replier returned tool calls, but the request has no tools');
      const none = await sdkError(
        client.chat.completions.create({
          model: 'gpt-4o',
          messages: [{ role: 'user', content: 'x' }],
          tools: [OPENING_HOURS],
          tool_choice: 'none',
        }),
        InternalServerError,
      );
      expect(none.message).toContain("tool_choice is 'none'");

      emulator.setReply(() => 'no tools needed');
      const required = await sdkError(
        client.chat.completions.create({
          model: 'gpt-4o',
          messages: [{ role: 'user', content: 'x' }],
          tools: [OPENING_HOURS],
          tool_choice: 'required',
        }),
        InternalServerError,
      );
      expect(required.message).toContain('requires a tool call');
      expect(emulator.chatRequests().map((r) => r.status)).toEqual([500, 500, 500]);
    });

    it('streams tool calls as OpenAI does, which the SDK stream helper assembles', async () => {
      emulator.setReply(() => ({
        tool_calls: [
          { name: 'get_opening_hours', arguments: { day: 'sunday' } },
          { name: 'check-table', arguments: { guests: 2, time: '19:30' } },
        ],
      }));

      const stream = await client.chat.completions.create({
        model: 'gpt-4o-mini',
        messages: [{ role: 'user', content: 'Sunday, 2 people at 19:30?' }],
        tools: [OPENING_HOURS, CHECK_TABLE],
        stream: true,
      });
      const chunks: OpenAI.ChatCompletionChunk[] = [];
      for await (const chunk of stream) chunks.push(chunk);

      const deltas = chunks.map((c) => c.choices[0]!);
      // First: the role, content null and the first call with its id, type, name and arguments ''.
      expect(deltas[0]?.delta).toEqual({
        role: 'assistant',
        content: null,
        tool_calls: [
          {
            index: 0,
            id: expect.stringMatching(CALL_ID),
            type: 'function',
            function: { name: 'get_opening_hours', arguments: '' },
          },
        ],
        refusal: null,
      });
      // Then argument fragments carrying only the index; the second call starts like the first.
      expect(deltas[1]?.delta).toEqual({ tool_calls: [{ index: 0, function: { arguments: '{"' } }] });
      const secondStart = deltas.findIndex((d) => d.delta.tool_calls?.[0]?.index === 1);
      expect(deltas[secondStart]?.delta.tool_calls?.[0]).toMatchObject({
        index: 1,
        id: expect.stringMatching(CALL_ID),
        type: 'function',
        function: { name: 'check-table', arguments: '' },
      });
      const args = (k: number) =>
        deltas
          .flatMap((d) => d.delta.tool_calls ?? [])
          .filter((t) => t.index === k)
          .map((t) => t.function?.arguments ?? '');
      expect(args(0).length).toBeGreaterThan(3);
      expect(args(0).join('')).toBe('{"day":"sunday"}');
      expect(args(1).join('')).toBe('{"guests":2,"time":"19:30"}');
      expect(deltas.at(-1)).toMatchObject({ delta: {}, finish_reason: 'tool_calls' });
      expect(deltas.slice(0, -1).every((d) => d.finish_reason === null)).toBe(true);

      // The SDK's helper: text first, then a strict call (parsed by the SDK) and a loose one.
      emulator.setReply(() => ({
        content: 'Let me check.',
        tool_calls: [
          { name: 'get_opening_hours', arguments: { day: 'sunday' } },
          { name: 'check-table', arguments: { guests: 2 } },
        ],
      }));
      const helper = client.chat.completions.stream({
        model: 'gpt-4o-mini',
        messages: [{ role: 'user', content: 'Sunday for 2?' }],
        tools: [OPENING_HOURS, CHECK_TABLE],
        stream_options: { include_usage: true },
      });
      const done: { name: string; arguments: string; parsed_arguments: unknown }[] = [];
      helper.on('tool_calls.function.arguments.done', ({ name, arguments: a, parsed_arguments }) =>
        done.push({ name, arguments: a, parsed_arguments }),
      );
      const final = await helper.finalChatCompletion();

      expect(final.choices[0]?.finish_reason).toBe('tool_calls');
      expect(final.choices[0]?.message.content).toBe('Let me check.');
      const assembled = functionCalls(final.choices[0]?.message);
      expect(assembled.map((c) => [c.function.name, JSON.parse(c.function.arguments)])).toEqual([
        ['get_opening_hours', { day: 'sunday' }],
        ['check-table', { guests: 2 }],
      ]);
      expect(assembled.every((c) => CALL_ID.test(c.id))).toBe(true);
      expect(done).toEqual([
        { name: 'get_opening_hours', arguments: '{"day":"sunday"}', parsed_arguments: { day: 'sunday' } },
        { name: 'check-table', arguments: '{"guests":2}', parsed_arguments: null },
      ]);
      expect(final.usage?.completion_tokens).toBe(
        Math.ceil('Let me check.'.length / 4) + Math.ceil(16 / 4) + Math.ceil(12 / 4),
      );
    });
  });

  it('validates failNext arguments', () => {
    expect(() => emulator.failNext(404 as never)).toThrow(/status/);
    expect(() => emulator.failNext(429, 0)).toThrow(/times/);
    expect(() => emulator.failNext(429, 1, { retryAfterMs: -1 })).toThrow(/retryAfterMs/);
  });
});
