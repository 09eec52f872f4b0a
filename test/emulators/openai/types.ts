/** One HTTP request the emulator received (failed ones included), in arrival order. */
export interface ChatRequestRecord {
  /** The URL path as received, without the query: '/v1/chat/completions' | '/v1/embeddings' | '/v1/models' | ... */
  path: string;
  /** Request headers, names lower-cased (repeated headers joined with ', '). */
  headers: Record<string, string>;
  /** The parsed JSON body as the SDK sent it; the raw text when it was not JSON; undefined when there was none. */
  body: any;
  /** Date.now() when the request was answered. */
  at: number;
  /** The HTTP status the emulator answered. */
  status: number;
}

/** A function tool call as OpenAI carries it: in assistant messages of a request, and in answers. */
export interface ChatToolCall {
  /** 'call_' followed by 24 alphanumerics in the emulator's answers; whatever the client sent in requests. */
  id: string;
  type: 'function';
  /** `arguments` is a JSON text (as the model wrote it: not necessarily valid JSON). */
  function: { name: string; arguments: string };
}

/** A function tool as a (validated) request declared it in `tools`. */
export interface ChatFunctionTool {
  type: 'function';
  function: {
    name: string;
    description?: string;
    /** A JSON Schema of `type: 'object'`. */
    parameters?: Record<string, unknown>;
    strict?: boolean | null;
  };
}

/** `tool_choice` as a request may send it (openai v6's ChatCompletionToolChoiceOption, function tools only). */
export type ChatToolChoice =
  | 'none'
  | 'auto'
  | 'required'
  | { type: 'function'; function: { name: string } }
  | { type: 'allowed_tools'; allowed_tools: { mode: 'auto' | 'required'; tools: Record<string, unknown>[] } };

/**
 * A chat message as a replier sees it: content flattened to text (text parts joined with '\n', null as ''), plus
 * the tool calls of an assistant message and the `tool_call_id` of a tool message (each only when present).
 */
export interface ChatMessage {
  role: string;
  content: string;
  /** An assistant message's `tool_calls`, as sent. */
  tool_calls?: ChatToolCall[];
  /** A tool message's `tool_call_id`: the assistant tool call it answers. */
  tool_call_id?: string;
}

/** What a replier gets: one validated chat completion request. */
export interface ChatReplierRequest {
  model: string;
  messages: ChatMessage[];
  /** The request's function tools ([] when it sent none). */
  tools: ChatFunctionTool[];
  /** The request's `tool_choice`, or OpenAI's default when absent: 'auto' with tools, 'none' without. */
  tool_choice: ChatToolChoice;
  /** The request's `parallel_tool_calls`, default true. */
  parallel_tool_calls: boolean;
  /** The raw body as the SDK sent it. */
  body: any;
}

/** One function call a replier makes: `arguments` an object (sent as JSON.stringify(arguments)) or raw JSON text. */
export interface ChatReplyToolCall {
  name: string;
  /** A string is sent verbatim, so a test can make the "model" write malformed or truncated JSON. */
  arguments: Record<string, unknown> | string;
}

/** A reply that calls tools, with optional text before the calls (content null when absent). */
export interface ChatToolCallsReply {
  tool_calls: ChatReplyToolCall[];
  content?: string | null;
}

/** The assistant's text, or tool calls. */
export type ChatReply = string | ChatToolCallsReply;

/**
 * Produces the assistant's answer for one (validated) chat completion request; called once per choice (`n`). The
 * emulator refuses (500) replies the real model could not give: tool calls when the request has no tools or
 * tool_choice 'none', text alone when tool_choice requires a call, another function than a forced one, several
 * calls with parallel_tool_calls false. A call to a function the request did not declare is allowed (models do
 * hallucinate names).
 */
export type ChatReplier = (request: ChatReplierRequest) => ChatReply;

export interface OpenAiEmulatorOptions {
  /** The only key accepted as `Authorization: Bearer <apiKey>`. Default 'test-key'. */
  apiKey?: string;
  /** The replier used until setReply(); also what reset() returns to. Default: defaultReplier. */
  reply?: ChatReplier;
}

/** Statuses failNext can inject on chat completions. */
export type OpenAiFaultStatus = 429 | 500 | 502 | 503;

export interface OpenAiFaultOptions {
  /**
   * Sent as `retry-after-ms` (and `retry-after`, whole seconds rounded up); the SDK waits this long before retrying.
   */
  retryAfterMs?: number;
}
