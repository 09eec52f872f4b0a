import OpenAI from 'openai';
import type { ElizaCore, ElizaPlugin, ModelHandler } from './eliza-core.js';
import { hashEmbedding } from './hash-embedding.js';
import { observedCall, type ModelCallObserver } from './model-calls.js';

export interface OpenAiSettings {
  apiKey: string;
  baseUrl: string;
  smallModel: string;
  largeModel: string;
  maxRetries: number;
  timeoutMs: number;
}

/**
 * MODEL_PROVIDER=openai: any OpenAI-compatible chat-completions API (OpenAI, Ollama, vLLM...) through the official
 * SDK, which retries 429 and 5xx answers with backoff. The character's system prompt (tone, rules, business facts)
 * goes as the system message, ElizaOS's composed prompt (conversation, history, instructions) as the user message.
 * Embeddings stay local, so a chat-only server is enough.
 */
export function openAiModelPlugin(
  models: ElizaCore['ModelType'],
  settings: OpenAiSettings,
  observe?: ModelCallObserver,
): ElizaPlugin {
  const client = new OpenAI({
    apiKey: settings.apiKey,
    baseURL: settings.baseUrl,
    maxRetries: settings.maxRetries,
    timeout: settings.timeoutMs,
  });
  const chat =
    (model: string): ModelHandler =>
    async (runtime, params) => {
      const completion = await observedCall(
        observe,
        { provider: 'openai', model },
        () =>
          client.chat.completions.create({
            model,
            messages: [
              ...(runtime.character.system ? [{ role: 'system' as const, content: runtime.character.system }] : []),
              { role: 'user' as const, content: String(params.prompt ?? '') },
            ],
            temperature: typeof params.temperature === 'number' ? params.temperature : 0.4,
            max_tokens: typeof params.maxTokens === 'number' ? params.maxTokens : 800,
          }),
        ({ usage }) => ({ promptTokens: usage?.prompt_tokens, completionTokens: usage?.completion_tokens }),
      );
      return completion.choices[0]?.message?.content ?? '';
    };
  return {
    name: 'voca-openai-model',
    description: 'OpenAI-compatible chat completions',
    models: {
      [models.TEXT_SMALL]: chat(settings.smallModel),
      [models.TEXT_LARGE]: chat(settings.largeModel),
      [models.TEXT_EMBEDDING]: async (_runtime, params) => hashEmbedding(String(params?.text ?? '')),
    },
  };
}
