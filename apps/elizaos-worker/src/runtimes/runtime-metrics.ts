import { makeCounterProvider, makeGaugeProvider, makeHistogramProvider } from '@voca/observability';

export const RUNTIMES_HOSTED = 'voca_elizaos_runtimes_hosted';
export const RUNTIME_BUILD_SECONDS = 'voca_elizaos_runtime_build_seconds';
export const RUNTIME_EVICTIONS = 'voca_elizaos_runtime_evictions_total';

export const runtimeMetrics = [
  makeGaugeProvider({ name: RUNTIMES_HOSTED, help: 'Agent runtimes this replica keeps in memory' }),
  makeHistogramProvider({
    name: RUNTIME_BUILD_SECONDS,
    help: 'Time to build and initialise one agent runtime',
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  }),
  makeCounterProvider({ name: RUNTIME_EVICTIONS, help: 'Runtimes stopped to stay within ELIZAOS_MAX_RUNTIMES or after a character change' }),
];
