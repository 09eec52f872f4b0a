import OpenAI from 'openai';
import type { ChatCompletionFunctionTool, ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import type { RegisteredTool } from '@voca/tools';
import type { ElizaCore, ElizaPlugin, ModelHandler } from './eliza-core.js';
import { hashEmbedding } from './hash-embedding.js';
import { observedCall, type ModelCallObserver } from './model-calls.js';
import { toolResultText } from './tool-results.js';
import { currentTurn } from './turn-context.js';

/** Rounds of tool calls one model answer may take before it must reply. */
const MAX_TOOL_ROUNDS = 3;

/** A tool as OpenAI's function calling describes it. */
function functionOf(tool: RegisteredTool): ChatCompletionFunctionTool {
  return {
    type: 'function',
    function: { name: tool.name, description: tool.description, parameters: tool.parameters },
  };
}

function argumentsOf(text: string): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(text || '{}');
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

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
 * Embeddings stay local, so a chat-only server is enough. The agent's tools are offered as functions (native function
 * calling): the calls the model asks for go through the turn's tools and their results back to the model, which then
 * answers.
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
      const tools = currentTurn()?.tools;
      const offered = tools?.available.map(functionOf) ?? [];
      const messages: ChatCompletionMessageParam[] = [
        ...(runtime.character.system ? [{ role: 'system' as const, content: runtime.character.system }] : []),
        { role: 'user' as const, content: String(params.prompt ?? '') },
      ];
      for (let round = 0; ; round++) {
        // The last round offers no tools, so the model has to answer.
        const offer = offered.length > 0 && round < MAX_TOOL_ROUNDS;
        const completion = await observedCall(
          observe,
          { provider: 'openai', model },
          () =>
            client.chat.completions.create({
              model,
              messages,
              ...(offer ? { tools: offered, tool_choice: 'auto' as const } : {}),
              temperature: typeof params.temperature === 'number' ? params.temperature : 0.4,
              max_tokens: typeof params.maxTokens === 'number' ? params.maxTokens : 800,
            }),
          ({ usage }) => ({ promptTokens: usage?.prompt_tokens, completionTokens: usage?.completion_tokens }),
        );
        const message = completion.choices[0]?.message;
        const calls = (message?.tool_calls ?? []).filter((call) => call.type === 'function');
        if (!offer || !tools || calls.length === 0) return message?.content ?? '';
        messages.push({ role: 'assistant', content: message?.content ?? null, tool_calls: calls });
        for (const call of calls) {
          const args = argumentsOf(call.function.arguments);
          const outcome = args
            ? await tools.call(call.function.name, args)
            : {
                tool: call.function.name,
                arguments: {},
                status: 'invalid_arguments' as const,
                error: 'the arguments were not a JSON object',
              };
          messages.push({ role: 'tool', tool_call_id: call.id, content: toolResultText(outcome) });
        }
      }
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
