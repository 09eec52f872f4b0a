import { makeCounterProvider, makeGaugeProvider } from '@voca/observability';

export const STUCK_WORK = 'voca_stuck_work';
export const RECONCILED_TOTAL = 'voca_reconciled_total';

export const reconcilerMetrics = [
  makeGaugeProvider({
    name: STUCK_WORK,
    help: 'Work found stuck by the last reconciler pass, by kind (received_messages, held_messages, waiting_customers, open_turns, operations); reported by the replica that made the pass',
    labelNames: ['kind'],
  }),
  makeCounterProvider({
    name: RECONCILED_TOTAL,
    help: 'Stuck work the reconciler queued again (requeued) or ended (settled), by kind',
    labelNames: ['kind', 'action'],
  }),
];
