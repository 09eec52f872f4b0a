import OpenAI from 'openai';

/** One text-generation call of an agent's model, as the host reports it (for metrics). */
export interface ModelCall {
  provider: 'local' | 'openai';
  model: string;
  seconds: number;
  outcome: 'ok' | 'error';
  /** Why it failed: `timeout`, `connection`, `http_<status>` or `other`. */
  reason?: string;
  promptTokens?: number;
  completionTokens?: number;
}

export type ModelCallObserver = (call: ModelCall) => void;

/** Runs one model call and reports it, with the tokens `usage` reads from its result, whether it succeeds or not. */
export async function observedCall<T>(
  observe: ModelCallObserver | undefined,
  call: Pick<ModelCall, 'provider' | 'model'>,
  run: () => Promise<T>,
  usage: (result: T) => Pick<ModelCall, 'promptTokens' | 'completionTokens'> = () => ({}),
): Promise<T> {
  const started = performance.now();
  const seconds = () => (performance.now() - started) / 1000;
  try {
    const result = await run();
    observe?.({ ...call, seconds: seconds(), outcome: 'ok', ...usage(result) });
    return result;
  } catch (error) {
    observe?.({ ...call, seconds: seconds(), outcome: 'error', reason: failureReason(error) });
    throw error;
  }
}

function failureReason(error: unknown): string {
  if (error instanceof OpenAI.APIConnectionTimeoutError) return 'timeout';
  if (error instanceof OpenAI.APIConnectionError) return 'connection';
  if (error instanceof OpenAI.APIError && error.status) return `http_${error.status}`;
  return 'other';
}
