import { makeCounterProvider, makeGaugeProvider, makeHistogramProvider } from '@voca/observability';

export const RUNTIMES_HOSTED = 'voca_elizaos_runtimes_hosted';
export const RUNTIME_BUILD_SECONDS = 'voca_elizaos_runtime_build_seconds';
export const RUNTIME_EVICTIONS = 'voca_elizaos_runtime_evictions_total';
export const MODEL_REQUEST_SECONDS = 'voca_model_request_seconds';
export const MODEL_ERRORS = 'voca_model_errors_total';
export const MODEL_TOKENS = 'voca_model_tokens_total';
export const KNOWLEDGE_RETRIEVALS = 'voca_knowledge_retrievals_total';
export const KNOWLEDGE_RETRIEVAL_SECONDS = 'voca_knowledge_retrieval_seconds';

export const runtimeMetrics = [
  makeGaugeProvider({ name: RUNTIMES_HOSTED, help: 'Agent runtimes this replica keeps in memory' }),
  makeHistogramProvider({
    name: RUNTIME_BUILD_SECONDS,
    help: 'Time to build and initialise one agent runtime',
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  }),
  makeCounterProvider({
    name: RUNTIME_EVICTIONS,
    help: 'Runtimes stopped to stay within ELIZAOS_MAX_RUNTIMES or after a character change',
  }),
  makeHistogramProvider({
    name: MODEL_REQUEST_SECONDS,
    help: "One text-generation call of an agent's model (after the SDK's own retries), by provider, model and outcome",
    labelNames: ['provider', 'model', 'outcome'],
    buckets: [0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 4, 8, 15, 30, 60],
  }),
  makeCounterProvider({
    name: MODEL_ERRORS,
    help: 'Model calls that failed, by provider and reason (timeout, connection, http_<status>, other)',
    labelNames: ['provider', 'reason'],
  }),
  makeCounterProvider({
    name: MODEL_TOKENS,
    help: 'Tokens the model provider reported using, by provider, model and kind (prompt, completion)',
    labelNames: ['provider', 'model', 'kind'],
  }),
  makeCounterProvider({
    name: KNOWLEDGE_RETRIEVALS,
    help: "Searches of an agent's documents for a customer message, by outcome (passages: some found; empty: none matched; no_documents: the agent has none answering) and mode (fulltext, hybrid)",
    labelNames: ['outcome', 'mode'],
  }),
  makeHistogramProvider({
    name: KNOWLEDGE_RETRIEVAL_SECONDS,
    help: "One search of an agent's documents (the embeddings call included in hybrid mode), by mode",
    labelNames: ['mode'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.015, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
  }),
];
