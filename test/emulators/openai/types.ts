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

/** A chat message as a replier sees it: content flattened to text (text parts joined with '\n', null as ''). */
export interface ChatMessage {
  role: string;
  content: string;
}

/** Produces the assistant's text for one (validated) chat completion request; called once per choice (`n`). */
export type ChatReplier = (request: { model: string; messages: ChatMessage[]; body: any }) => string;

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
