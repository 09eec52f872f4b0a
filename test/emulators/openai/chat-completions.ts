import type { ChatRequest } from './chat-validation.js';
import { estimateTokens, openAiId } from './tokens.js';
import type { ChatMessage } from './types.js';

/** One produced choice: the replier's text after `stop` and `max_tokens` were applied. */
export interface ChoiceText {
  content: string;
  finishReason: 'stop' | 'length';
}

const SYSTEM_FINGERPRINT = 'fp_openai_emulator';

/** Applies stop sequences (cut before the first one) and the token limit (cut, finish_reason 'length'). */
export function finishChoice(text: string, request: Pick<ChatRequest, 'stop' | 'maxTokens'>): ChoiceText {
  let content = text;
  for (const stop of request.stop) {
    const at = stop === '' ? -1 : content.indexOf(stop);
    if (at >= 0) content = content.slice(0, at);
  }
  if (request.maxTokens !== undefined && estimateTokens(content) > request.maxTokens) {
    return { content: content.slice(0, request.maxTokens * 4), finishReason: 'length' };
  }
  return { content, finishReason: 'stop' };
}

export function chatUsage(messages: ChatMessage[], choices: ChoiceText[]) {
  const prompt_tokens = estimateTokens(messages.map((m) => m.content).join(''));
  const completion_tokens = choices.reduce((sum, c) => sum + estimateTokens(c.content), 0);
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
export function chatCompletion(request: ChatRequest, choices: ChoiceText[]) {
  return {
    id: openAiId('chatcmpl'),
    object: 'chat.completion' as const,
    created: Math.floor(Date.now() / 1000),
    model: request.model,
    choices: choices.map((choice, index) => ({
      index,
      message: { role: 'assistant' as const, content: choice.content, refusal: null },
      finish_reason: choice.finishReason,
      logprobs: null,
    })),
    usage: chatUsage(request.messages, choices),
    service_tier: 'default' as const,
    system_fingerprint: SYSTEM_FINGERPRINT,
  };
}

/**
 * A streaming answer as the ChatCompletionChunk objects OpenAI sends, in order: per choice a first chunk with the
 * role, one per word of content, a last one with finish_reason; then, with include_usage, a chunk with no choices
 * and the usage (every other chunk then carries `usage: null`).
 */
export function chatCompletionChunks(request: ChatRequest, choices: ChoiceText[]): object[] {
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
  const chunks: object[] = [];
  choices.forEach((choice, index) => {
    chunks.push(
      chunk({ index, delta: { role: 'assistant', content: '', refusal: null }, logprobs: null, finish_reason: null }),
    );
    for (const piece of splitWords(choice.content))
      chunks.push(chunk({ index, delta: { content: piece }, logprobs: null, finish_reason: null }));
    chunks.push(chunk({ index, delta: {}, logprobs: null, finish_reason: choice.finishReason }));
  });
  if (request.includeUsage) chunks.push(chunk(undefined, chatUsage(request.messages, choices)));
  return chunks;
}

/** Words with their trailing whitespace (and any leading whitespace alone), so the pieces join back exactly. */
function splitWords(text: string): string[] {
  return text.match(/\s+|\S+\s*/g) ?? [];
}
