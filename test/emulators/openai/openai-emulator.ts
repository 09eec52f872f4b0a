import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chatCompletion, chatCompletionChunks, finishChoice, type ReplyOutput } from './chat-completions.js';
import { validateChatRequest, type ChatRequest } from './chat-validation.js';
import { embeddingResponse, validateEmbeddingRequest } from './embeddings.js';
import {
  emulatorFailure,
  incorrectApiKey,
  invalidUrl,
  missingApiKey,
  modelNotFound,
  OpenAiApiError,
  unparsableJson,
} from './errors.js';
import { FaultPlan } from './faults.js';
import { errorAnswer, flattenHeaders, parseBody, readBody, writeAnswer, type Answer } from './http.js';
import { ModelCatalog } from './models.js';
import { isPlainObject } from './params.js';
import { defaultReplier } from './replies.js';
import { toolCallId } from './tokens.js';
import type {
  ChatReplier,
  ChatReplyToolCall,
  ChatRequestRecord,
  OpenAiEmulatorOptions,
  OpenAiFaultOptions,
  OpenAiFaultStatus,
} from './types.js';

export const CHAT_COMPLETIONS_PATH = '/v1/chat/completions';

type ParsedBody = { value: any; json: boolean };

/**
 * A local emulator of the OpenAI(-compatible) HTTP API for tests: POST /v1/chat/completions (plain and streaming,
 * with function calling), POST /v1/embeddings, GET /v1/models(/{id}). Point the real `openai` SDK at `baseUrl`
 * (OPENAI_BASE_URL) with the emulator's key: its serialization, auth header, retries and error parsing all run.
 */
export class OpenAiEmulator {
  readonly url: string;
  readonly baseUrl: string;
  /** Every request received (failed ones included), in arrival order. Cleared in place by reset(). */
  readonly requests: ChatRequestRecord[] = [];

  private readonly apiKey: string;
  private readonly initialReply: ChatReplier;
  private reply: ChatReplier;
  private readonly faults = new FaultPlan();
  private readonly models = new ModelCatalog();

  private constructor(
    private readonly server: Server,
    options: OpenAiEmulatorOptions,
  ) {
    const address = server.address() as AddressInfo;
    this.url = `http://127.0.0.1:${address.port}`;
    this.baseUrl = `${this.url}/v1`;
    this.apiKey = options.apiKey ?? 'test-key';
    this.initialReply = options.reply ?? defaultReplier;
    this.reply = this.initialReply;
    server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      this.onRequest(req, res).catch((e: unknown) =>
        writeAnswer(res, errorAnswer(emulatorFailure((e as Error).message))),
      );
    });
  }

  /** Starts an emulator on 127.0.0.1 on a free port. */
  static async start(options: OpenAiEmulatorOptions = {}): Promise<OpenAiEmulator> {
    if (options.apiKey !== undefined && (typeof options.apiKey !== 'string' || options.apiKey === ''))
      throw new Error('apiKey must be a non-empty string');
    if (options.reply !== undefined && typeof options.reply !== 'function') throw new Error('reply must be a function');
    const server = createServer({ keepAliveTimeout: 5_000 });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    return new OpenAiEmulator(server, options);
  }

  /** Replaces the replier (until the next setReply or reset). */
  setReply(reply: ChatReplier): void {
    if (typeof reply !== 'function') throw new Error('reply must be a function');
    this.reply = reply;
  }

  /**
   * The next `times` authenticated chat-completion calls answer this status with an OpenAI-style error body, before
   * the body is validated or the replier runs. `retryAfterMs` (any status) adds `retry-after-ms` and `retry-after`.
   */
  failNext(status: OpenAiFaultStatus, times = 1, options: OpenAiFaultOptions = {}): void {
    this.faults.add(status, times, options);
  }

  /** Chat calls (only /v1/chat/completions) in arrival order, successful and failed. */
  chatRequests(): ChatRequestRecord[] {
    return this.requests.filter((r) => r.path === CHAT_COMPLETIONS_PATH);
  }

  /** Back to the state right after start(): no records, no planned faults, no models seen, the initial replier. */
  reset(): void {
    this.requests.length = 0;
    this.faults.clear();
    this.models.reset();
    this.reply = this.initialReply;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  // --- HTTP ------------------------------------------------------------------------------------------------------

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const method = req.method ?? 'GET';
    const path = new URL(req.url ?? '/', 'http://emulator').pathname.replace(/(.)\/+$/, '$1');
    const headers = flattenHeaders(req.headers);
    const body: ParsedBody = raw === undefined ? { value: undefined, json: false } : parseBody(raw);
    let answer: Answer;
    try {
      if (raw === undefined) throw new OpenAiApiError(413, 'Request body too large.', 'invalid_request_error');
      answer = this.route(method, path, headers, body);
    } catch (e) {
      answer = errorAnswer(e instanceof OpenAiApiError ? e : emulatorFailure((e as Error).message));
    }
    this.requests.push({ path, headers, body: body.value, at: Date.now(), status: answer.status });
    writeAnswer(res, answer);
  }

  private route(method: string, path: string, headers: Record<string, string>, body: ParsedBody): Answer {
    if (method === 'POST' && path === CHAT_COMPLETIONS_PATH) {
      this.authorize(headers);
      return this.chat(body);
    }
    if (method === 'POST' && path === '/v1/embeddings') {
      this.authorize(headers);
      const request = validateEmbeddingRequest(requireJson(body));
      this.models.remember(request.model);
      return { status: 200, json: embeddingResponse(request) };
    }
    if (method === 'GET' && path === '/v1/models') {
      this.authorize(headers);
      return { status: 200, json: this.models.list() };
    }
    const model = /^\/v1\/models\/(.+)$/.exec(path)?.[1];
    if (method === 'GET' && model !== undefined) {
      this.authorize(headers);
      const id = safeDecode(model);
      if (!this.models.has(id)) throw modelNotFound(id);
      return { status: 200, json: this.models.model(id) };
    }
    throw invalidUrl(method, path);
  }

  private authorize(headers: Record<string, string>): void {
    const authorization = headers['authorization'];
    if (authorization === undefined || authorization.trim() === '') throw missingApiKey();
    const key = /^Bearer\s+(.*)$/i.exec(authorization.trim())?.[1]?.trim();
    if (key === undefined || key === '') throw missingApiKey();
    if (key !== this.apiKey) throw incorrectApiKey(key);
  }

  private chat(body: ParsedBody): Answer {
    const fault = this.faults.take();
    if (fault) throw fault;
    const request = validateChatRequest(requireJson(body));
    this.models.remember(request.model);
    const choices = Array.from({ length: request.n }, () => finishChoice(this.replyTo(request, body.value), request));
    return request.stream
      ? { status: 200, events: chatCompletionChunks(request, choices) }
      : { status: 200, json: chatCompletion(request, choices) };
  }

  private replyTo(request: ChatRequest, body: any): ReplyOutput {
    let reply: unknown;
    try {
      reply = this.reply({
        model: request.model,
        messages: structuredClone(request.messages),
        tools: structuredClone(request.tools),
        tool_choice: structuredClone(request.toolChoice),
        parallel_tool_calls: request.parallelToolCalls,
        body,
      });
    } catch (e) {
      throw emulatorFailure(`the replier threw: ${(e as Error)?.message ?? String(e)}`);
    }
    return checkReply(reply, request);
  }
}

/** The replier's answer as content and tool calls (with fresh ids); refused (500) when no model could give it. */
function checkReply(reply: unknown, request: ChatRequest): ReplyOutput {
  const choice = request.toolChoice;
  const forced = typeof choice === 'object' && choice.type === 'function' ? choice.function.name : undefined;
  const mustCall =
    choice === 'required' ||
    forced !== undefined ||
    (typeof choice === 'object' && choice.type === 'allowed_tools' && choice.allowed_tools.mode === 'required');
  if (typeof reply === 'string') {
    if (mustCall)
      throw emulatorFailure(
        `the replier returned text, but tool_choice ${JSON.stringify(choice)} requires a tool call`,
      );
    return { content: reply, toolCalls: [] };
  }
  if (!isPlainObject(reply) || !Array.isArray(reply['tool_calls'])) {
    throw emulatorFailure(
      `the replier returned ${reply === null ? 'null' : typeof reply}, not a string or { tool_calls: [...] }`,
    );
  }
  const content = reply['content'] ?? null;
  if (content !== null && typeof content !== 'string')
    throw emulatorFailure(`the replier returned content of type ${typeof content}, not a string or null`);
  const calls = reply['tool_calls'] as unknown[];
  if (calls.length === 0) {
    if (mustCall)
      throw emulatorFailure(
        `the replier returned no tool call, but tool_choice ${JSON.stringify(choice)} requires one`,
      );
    return { content: content ?? '', toolCalls: [] };
  }
  if (request.tools.length === 0)
    throw emulatorFailure('the replier returned tool calls, but the request has no tools');
  if (choice === 'none') throw emulatorFailure("the replier returned tool calls, but tool_choice is 'none'");
  if (!request.parallelToolCalls && calls.length > 1)
    throw emulatorFailure(`the replier returned ${calls.length} tool calls, but parallel_tool_calls is false`);
  const toolCalls = calls.map((call, i) => {
    if (!isPlainObject(call) || typeof call['name'] !== 'string' || call['name'] === '')
      throw emulatorFailure(`the replier's tool_calls[${i}] has no name`);
    const { name, arguments: args } = call as unknown as ChatReplyToolCall;
    if (forced !== undefined && name !== forced)
      throw emulatorFailure(`the replier called '${name}', but tool_choice forces '${forced}'`);
    if (typeof args !== 'string' && !isPlainObject(args))
      throw emulatorFailure(`the replier's tool_calls[${i}].arguments is neither an object nor a string`);
    return {
      id: toolCallId(),
      type: 'function' as const,
      function: { name, arguments: typeof args === 'string' ? args : JSON.stringify(args) },
    };
  });
  return { content, toolCalls };
}

function requireJson(body: ParsedBody): unknown {
  if (!body.json) throw unparsableJson();
  return body.value;
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}
