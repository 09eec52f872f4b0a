import OpenAI, { AuthenticationError, BadRequestError, InternalServerError, NotFoundError } from 'openai';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_REPLY_PREFIX, OpenAiEmulator, type ChatReplier } from '../emulators/openai/index.js';

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

  it('validates failNext arguments', () => {
    expect(() => emulator.failNext(404 as never)).toThrow(/status/);
    expect(() => emulator.failNext(429, 0)).toThrow(/times/);
    expect(() => emulator.failNext(429, 1, { retryAfterMs: -1 })).toThrow(/retryAfterMs/);
  });
});
