import { makeCounterProvider } from '@voca/observability';

export const CONNECT_DRIFT_TOTAL = 'voca_connect_drift_total';

export const driftMetrics = [
  makeCounterProvider({
    name: CONNECT_DRIFT_TOTAL,
    help: 'Agents whose recorded Amazon Connect resources had vanished from AWS, by outcome (healed: provisioned again; failed: marked failed)',
    labelNames: ['outcome'],
  }),
];
