import type { ChatRequest } from './chat-validation.js';
import { estimateTokens, openAiId } from './tokens.js';
import type { ChatMessage, ChatToolCall } from './types.js';

/** What the replier answered for one choice, tool calls given their ids and JSON arguments. */
export interface ReplyOutput {
  content: string | null;
  toolCalls: ChatToolCall[];
}

/** One produced choice: the reply after `stop` and `max_tokens` were applied. */
export interface ChoiceOutput extends ReplyOutput {
  finishReason: 'stop' | 'length' | 'tool_calls';
}

const SYSTEM_FINGERPRINT = 'fp_openai_emulator';

/**
 * Applies stop sequences to the content (cut before the first one) and the token limit to the content then the
 * tool calls' arguments, in order (cut mid-way, later calls dropped, finish_reason 'length'). Tool calls otherwise
 * finish with 'tool_calls', except under a forced function (`tool_choice: {type: 'function'}`), where OpenAI
 * answers 'stop'.
 */
export function finishChoice(
  reply: ReplyOutput,
  request: Pick<ChatRequest, 'stop' | 'maxTokens' | 'toolChoice'>,
): ChoiceOutput {
  let content = reply.content;
  if (content !== null) {
    for (const stop of request.stop) {
      const at = stop === '' ? -1 : content.indexOf(stop);
      if (at >= 0) content = content.slice(0, at);
    }
  }
  const toolCalls = reply.toolCalls;
  const forced = typeof request.toolChoice === 'object' && request.toolChoice.type === 'function';
  const finishReason = toolCalls.length > 0 && !forced ? 'tool_calls' : 'stop';
  if (request.maxTokens === undefined || outputTokens({ content, toolCalls }) <= request.maxTokens)
    return { content, toolCalls, finishReason };

  let budget = request.maxTokens * 4;
  const cutContent = content === null ? null : content.slice(0, budget);
  budget -= cutContent?.length ?? 0;
  const cutCalls: ChatToolCall[] = [];
  for (const call of toolCalls) {
    if (budget <= 0) break;
    const args = call.function.arguments.slice(0, budget);
    budget -= args.length;
    cutCalls.push({ ...call, function: { ...call.function, arguments: args } });
  }
  return { content: cutContent, toolCalls: cutCalls, finishReason: 'length' };
}

/** The emulator's completion tokens: the content's and the tool call arguments'. */
function outputTokens(output: ReplyOutput): number {
  return (
    estimateTokens(output.content ?? '') +
    output.toolCalls.reduce((sum, c) => sum + estimateTokens(c.function.arguments), 0)
  );
}

/** The emulator's prompt tokens: the messages' text and tool call arguments, and the tools' JSON. */
function promptTokens(request: Pick<ChatRequest, 'messages' | 'tools'>): number {
  const text = (m: ChatMessage) => m.content + (m.tool_calls ?? []).map((c) => c.function.arguments).join('');
  return (
    estimateTokens(request.messages.map(text).join('')) +
    (request.tools.length > 0 ? estimateTokens(JSON.stringify(request.tools)) : 0)
  );
}

export function chatUsage(request: Pick<ChatRequest, 'messages' | 'tools'>, choices: ChoiceOutput[]) {
  const prompt_tokens = promptTokens(request);
  const completion_tokens = choices.reduce((sum, c) => sum + outputTokens(c), 0);
  return {
    prompt_tokens,
    completion_tokens,
    total_tokens: prompt_tokens + completion_tokens,
    prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
    completion_tokens_details: {
      reasoning_tokens: 0,
      audio_tokens: 0,
      accepted_prediction_tokens: 0,
      rejected_prediction_tokens: 0,
    },
  };
}

/** A non-streaming answer, in the shape of openai's ChatCompletion. */
export function chatCompletion(request: ChatRequest, choices: ChoiceOutput[]) {
  return {
    id: openAiId('chatcmpl'),
    object: 'chat.completion' as const,
    created: Math.floor(Date.now() / 1000),
    model: request.model,
    choices: choices.map((choice, index) => ({
      index,
      message: {
        role: 'assistant' as const,
        content: choice.content,
        ...(choice.toolCalls.length > 0 ? { tool_calls: choice.toolCalls } : {}),
        refusal: null,
      },
      finish_reason: choice.finishReason,
      logprobs: null,
    })),
    usage: chatUsage(request, choices),
    service_tier: 'default' as const,
    system_fingerprint: SYSTEM_FINGERPRINT,
  };
}

/**
 * A streaming answer as the ChatCompletionChunk objects OpenAI sends, in order, per choice: a first chunk with the
 * role (and content '', or content null and the first tool call when there is no content), one per word of content,
 * then per tool call a chunk with its index, id, type, name and arguments '' (unless the first chunk carried it)
 * and one per token-like fragment of its arguments; a last chunk with finish_reason. Then, with include_usage, a
 * chunk with no choices and the usage (every other chunk then carries `usage: null`).
 */
export function chatCompletionChunks(request: ChatRequest, choices: ChoiceOutput[]): object[] {
  const id = openAiId('chatcmpl');
  const created = Math.floor(Date.now() / 1000);
  const chunk = (choice: object | undefined, usage?: object) => ({
    id,
    object: 'chat.completion.chunk' as const,
    created,
    model: request.model,
    service_tier: 'default' as const,
    system_fingerprint: SYSTEM_FINGERPRINT,
    choices: choice ? [choice] : [],
    ...(request.includeUsage ? { usage: usage ?? null } : {}),
  });
  const delta = (index: number, value: object) => chunk({ index, delta: value, logprobs: null, finish_reason: null });
  const callStart = (call: ChatToolCall, k: number) => ({
    index: k,
    id: call.id,
    type: call.type,
    function: { name: call.function.name, arguments: '' },
  });
  const chunks: object[] = [];
  choices.forEach((choice, index) => {
    const [first] = choice.toolCalls;
    const startsWithCall = choice.content === null && first !== undefined;
    chunks.push(
      delta(index, {
        role: 'assistant',
        content: choice.content === null ? null : '',
        ...(startsWithCall ? { tool_calls: [callStart(first, 0)] } : {}),
        refusal: null,
      }),
    );
    for (const piece of splitWords(choice.content ?? '')) chunks.push(delta(index, { content: piece }));
    choice.toolCalls.forEach((call, k) => {
      if (!(startsWithCall && k === 0)) chunks.push(delta(index, { tool_calls: [callStart(call, k)] }));
      for (const piece of splitArguments(call.function.arguments))
        chunks.push(delta(index, { tool_calls: [{ index: k, function: { arguments: piece } }] }));
    });
    chunks.push(chunk({ index, delta: {}, logprobs: null, finish_reason: choice.finishReason }));
  });
  if (request.includeUsage) chunks.push(chunk(undefined, chatUsage(request, choices)));
  return chunks;
}

/** Words with their trailing whitespace (and any leading whitespace alone), so the pieces join back exactly. */
function splitWords(text: string): string[] {
  return text.match(/\s+|\S+\s*/g) ?? [];
}

/** JSON text in token-like fragments as OpenAI streams arguments: '{"', 'city', '":"', 'Paris', '"}'. */
function splitArguments(text: string): string[] {
  return text.match(/[\p{L}\p{N}_]+|\s+|[^\p{L}\p{N}_\s]+/gu) ?? [];
}
