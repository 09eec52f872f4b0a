import { makeCounterProvider, makeHistogramProvider } from '@voca/observability';

export const OPERATIONS = 'voca_operations_total';
export const OPERATION_SECONDS = 'voca_operation_duration_seconds';

/** How provisioning operations end, counted once by the finalizer that ends each. */
export const operationMetrics = [
  makeCounterProvider({
    name: OPERATIONS,
    help: 'Provisioning operations ended, by kind (provision, update, deprovision) and outcome (completed, partially_completed, failed, cancelled)',
    labelNames: ['kind', 'outcome'],
  }),
  makeHistogramProvider({
    name: OPERATION_SECONDS,
    help: 'From the provisioning request to the operation ending, by kind and outcome',
    labelNames: ['kind', 'outcome'],
    buckets: [0.5, 1, 2, 5, 10, 30, 60, 120, 300, 600, 1800, 3600],
  }),
];
