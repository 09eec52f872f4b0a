/**
 * Public face of the OpenAI(-compatible) API emulator for tests:
 *
 * ```ts
 * const openai = await OpenAiEmulator.start();               // key 'test-key'
 * process.env.OPENAI_BASE_URL = openai.baseUrl;              // http://127.0.0.1:PORT/v1
 * const client = new OpenAI({ apiKey: 'test-key', baseURL: openai.baseUrl, maxRetries: 2 });
 * openai.setReply(({ messages }) => `You said ${messages.at(-1)?.content}`);
 * openai.failNext(429, 2, { retryAfterMs: 10 });              // the SDK retries, the third call succeeds
 * openai.chatRequests().map((r) => r.status);                  // [429, 429, 200]
 *
 * // Function calling: the replier sees the request's tools and answers with calls, as the model would.
 * openai.setReply(({ tools, messages }) =>
 *   messages.at(-1)?.role === 'tool'
 *     ? `It is ${messages.at(-1)?.content} in Paris.`
 *     : { tool_calls: [{ name: tools[0]!.function.name, arguments: { city: 'Paris' } }] },
 * );
 * ```
 */
export { OpenAiEmulator, CHAT_COMPLETIONS_PATH } from './openai-emulator.js';
export { defaultReplier, DEFAULT_REPLY_PREFIX } from './replies.js';
export { embed, DEFAULT_EMBEDDING_DIMENSIONS } from './embeddings.js';
export { estimateTokens } from './tokens.js';
export type {
  ChatFunctionTool,
  ChatMessage,
  ChatReplier,
  ChatReplierRequest,
  ChatReply,
  ChatReplyToolCall,
  ChatRequestRecord,
  ChatToolCall,
  ChatToolCallsReply,
  ChatToolChoice,
  OpenAiEmulatorOptions,
  OpenAiFaultOptions,
  OpenAiFaultStatus,
} from './types.js';
