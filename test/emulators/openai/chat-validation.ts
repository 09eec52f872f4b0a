import { invalidRequest, invalidType, invalidValue, missingParameter } from './errors.js';
import { isPlainObject, optionalBoolean, optionalNumber, requireKnownArguments, requireModel } from './params.js';
import { ToolCallSequence, validateAssistantToolCalls, validateToolOptions, type ToolOptions } from './tools.js';
import type { ChatMessage } from './types.js';

/** What the emulator needs from a valid POST /v1/chat/completions body. */
export interface ChatRequest extends ToolOptions {
  model: string;
  messages: ChatMessage[];
  /** Choices to produce (`n`, default 1). */
  n: number;
  stream: boolean;
  /** `stream_options.include_usage`: a last chunk carries the usage. */
  includeUsage: boolean;
  /** `max_completion_tokens` (or the older `max_tokens`): longer replies are cut with finish_reason 'length'. */
  maxTokens?: number;
  /** `stop` sequences: a reply ends before the first one found. */
  stop: string[];
}

export const CHAT_ROLES = ['system', 'user', 'assistant', 'developer', 'tool'] as const;

/** Top-level arguments of ChatCompletionCreateParams (openai v6); anything else is refused as OpenAI does. */
const KNOWN_ARGUMENTS = new Set([
  'messages',
  'model',
  'audio',
  'frequency_penalty',
  'function_call',
  'functions',
  'logit_bias',
  'logprobs',
  'max_completion_tokens',
  'max_tokens',
  'metadata',
  'modalities',
  'moderation',
  'n',
  'parallel_tool_calls',
  'prediction',
  'presence_penalty',
  'prompt_cache_key',
  'prompt_cache_options',
  'prompt_cache_retention',
  'reasoning_effort',
  'response_format',
  'safety_identifier',
  'seed',
  'service_tier',
  'stop',
  'store',
  'stream',
  'stream_options',
  'temperature',
  'tool_choice',
  'tools',
  'top_logprobs',
  'top_p',
  'user',
  'verbosity',
  'web_search_options',
]);

/** Content part types each role may send. */
const PART_TYPES: Record<(typeof CHAT_ROLES)[number], readonly string[]> = {
  system: ['text'],
  developer: ['text'],
  user: ['text', 'image_url', 'input_audio', 'file'],
  assistant: ['text', 'refusal'],
  tool: ['text'],
};

/** Checks a chat completion body as OpenAI would (enough to catch client bugs); throws OpenAiApiError (400). */
export function validateChatRequest(raw: unknown): ChatRequest {
  const body = requireKnownArguments(raw, KNOWN_ARGUMENTS);
  const model = requireModel(body);
  const messages = validateMessages(body['messages']);

  const stream = optionalBoolean(body, 'stream') ?? false;
  const streamOptions = body['stream_options'];
  let includeUsage = false;
  if (streamOptions !== undefined && streamOptions !== null) {
    if (!stream)
      throw invalidRequest(
        "The 'stream_options' parameter is only allowed when 'stream' is enabled.",
        'stream_options',
      );
    if (!isPlainObject(streamOptions)) throw invalidType('stream_options', 'an object', streamOptions);
    includeUsage = optionalBoolean(streamOptions, 'include_usage') ?? false;
  }

  const n = optionalNumber(body, 'n', { min: 1, max: 128, integer: true }) ?? 1;
  optionalNumber(body, 'temperature', { min: 0, max: 2 });
  optionalNumber(body, 'top_p', { min: 0, max: 1 });
  optionalNumber(body, 'frequency_penalty', { min: -2, max: 2 });
  optionalNumber(body, 'presence_penalty', { min: -2, max: 2 });
  optionalNumber(body, 'seed', { integer: true });
  const maxTokens =
    optionalNumber(body, 'max_completion_tokens', { min: 1, integer: true }) ??
    optionalNumber(body, 'max_tokens', { min: 1, integer: true });

  const stop = validateStop(body['stop']);
  validateResponseFormat(body['response_format'], messages);
  const toolOptions = validateToolOptions(body);

  return {
    model,
    messages,
    n,
    stream,
    includeUsage,
    stop,
    ...toolOptions,
    ...(maxTokens === undefined ? {} : { maxTokens }),
  };
}

function validateMessages(value: unknown): ChatMessage[] {
  if (value === undefined || value === null) throw missingParameter('messages');
  if (!Array.isArray(value)) throw invalidType('messages', 'an array of objects', value);
  if (value.length === 0) {
    throw invalidRequest(
      "Invalid 'messages': empty array. Expected an array with minimum length 1, but got an empty array instead.",
      'messages',
      'empty_array',
    );
  }
  const sequence = new ToolCallSequence();
  const messages = value.map((message: unknown, i): ChatMessage => {
    const param = `messages[${i}]`;
    if (!isPlainObject(message)) throw invalidType(param, 'an object', message);
    const role = message['role'];
    if (role === undefined || role === null) throw missingParameter(`${param}.role`);
    if (typeof role !== 'string') throw invalidType(`${param}.role`, 'a string', role);
    if (!(CHAT_ROLES as readonly string[]).includes(role)) throw invalidValue(`${param}.role`, role, CHAT_ROLES);
    const knownRole = role as (typeof CHAT_ROLES)[number];
    if (message['name'] !== undefined && typeof message['name'] !== 'string')
      throw invalidType(`${param}.name`, 'a string', message['name']);

    if (knownRole === 'assistant') {
      const toolCalls = validateAssistantToolCalls(message['tool_calls'], `${param}.tool_calls`);
      sequence.assistant(i, toolCalls);
      const mayOmitContent = toolCalls.length > 0 || isPlainObject(message['function_call']);
      const content = validateContent(message['content'], `${param}.content`, knownRole, mayOmitContent);
      return toolCalls.length > 0 ? { role, content, tool_calls: toolCalls } : { role, content };
    }
    if (knownRole === 'tool') {
      const id = message['tool_call_id'];
      if (id === undefined || id === null) throw missingParameter(`${param}.tool_call_id`);
      if (typeof id !== 'string') throw invalidType(`${param}.tool_call_id`, 'a string', id);
      const content = validateContent(message['content'], `${param}.content`, knownRole, false);
      sequence.tool(i, id);
      return { role, content, tool_call_id: id };
    }
    sequence.other(i);
    return { role, content: validateContent(message['content'], `${param}.content`, knownRole, false) };
  });
  sequence.end();
  return messages;
}

/** Flattens content to text: a string as is, the text parts of an array joined with '\n'. */
function validateContent(content: unknown, param: string, role: (typeof CHAT_ROLES)[number], mayOmit: boolean): string {
  if (content === undefined || content === null) {
    if (mayOmit) return '';
    if (content === undefined) throw missingParameter(param);
    throw invalidType(param, 'one of a string or array of objects', content);
  }
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) throw invalidType(param, 'one of a string or array of objects', content);
  if (content.length === 0) {
    throw invalidRequest(
      `Invalid '${param}': empty array. Expected an array with minimum length 1, but got an empty array instead.`,
      param,
      'empty_array',
    );
  }
  const texts: string[] = [];
  content.forEach((part: unknown, j) => {
    const partParam = `${param}[${j}]`;
    if (!isPlainObject(part)) throw invalidType(partParam, 'an object', part);
    const type = part['type'];
    if (type === undefined) throw missingParameter(`${partParam}.type`);
    if (typeof type !== 'string' || !PART_TYPES[role].includes(type))
      throw invalidValue(`${partParam}.type`, type, PART_TYPES[role]);
    if (type === 'text') {
      if (part['text'] === undefined) throw missingParameter(`${partParam}.text`);
      if (typeof part['text'] !== 'string') throw invalidType(`${partParam}.text`, 'a string', part['text']);
      texts.push(part['text']);
    }
  });
  return texts.join('\n');
}

function validateStop(stop: unknown): string[] {
  if (stop === undefined || stop === null) return [];
  if (typeof stop === 'string') return [stop];
  if (!Array.isArray(stop) || stop.some((s) => typeof s !== 'string'))
    throw invalidType('stop', 'one of a string or array of strings', stop);
  if (stop.length > 4) {
    throw invalidRequest(
      `Invalid 'stop': array too long. Expected an array with maximum length 4, but got an array with length ${stop.length} instead.`,
      'stop',
      'array_above_max_length',
    );
  }
  return stop as string[];
}

function validateResponseFormat(format: unknown, messages: ChatMessage[]): void {
  if (format === undefined || format === null) return;
  if (!isPlainObject(format)) throw invalidType('response_format', 'an object', format);
  const type = format['type'];
  if (type === undefined) throw missingParameter('response_format.type');
  if (type !== 'text' && type !== 'json_object' && type !== 'json_schema') {
    throw invalidValue('response_format.type', type, ['text', 'json_object', 'json_schema']);
  }
  if (type === 'json_schema' && !isPlainObject(format['json_schema']))
    throw missingParameter('response_format.json_schema');
  if (type === 'json_object' && !messages.some((m) => /json/i.test(m.content))) {
    throw invalidRequest(
      "'messages' must contain the word 'json' in some form, to use 'response_format' of type 'json_object'.",
      'messages',
    );
  }
}
