import { makeCounterProvider, makeHistogramProvider } from '@voca/observability';

export const TOOL_CALLS = 'voca_tool_calls_total';
export const TOOL_CALL_SECONDS = 'voca_tool_call_seconds';

export const toolMetrics = [
  makeCounterProvider({
    name: TOOL_CALLS,
    help: "Calls of agents' tools, by tool name and status (ok, failed, timeout, refused, invalid_answer, unknown, declined, awaiting_confirmation, invalid_arguments)",
    labelNames: ['tool', 'status'],
  }),
  makeHistogramProvider({
    name: TOOL_CALL_SECONDS,
    help: "One call of an agent's tool, from sending it to its answer, by status",
    labelNames: ['status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 4, 8],
  }),
];
