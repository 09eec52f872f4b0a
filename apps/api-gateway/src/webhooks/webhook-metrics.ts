import { makeCounterProvider } from '@voca/observability';

export const WEBHOOK_MESSAGES = 'voca_webhook_messages_total';
export const WEBHOOKS_REJECTED = 'voca_webhooks_rejected_total';
export const WEBHOOK_SKIPPED = 'voca_webhook_skipped_total';

export const webhookMetrics = [
  makeCounterProvider({
    name: WEBHOOK_MESSAGES,
    help: 'Customer messages the webhooks received, by channel and outcome (accepted: recorded and queued; duplicate: a redelivery, acknowledged; unroutable: no active channel holds the account or number)',
    labelNames: ['channel', 'outcome'],
  }),
  makeCounterProvider({
    name: WEBHOOK_SKIPPED,
    help: 'Items of Meta and X deliveries that carried no customer message, by webhook (meta, x) and reason (malformed: not the documented shape, skipped while the rest of the delivery was recorded; echo, own_message, unsupported_type, empty)',
    labelNames: ['webhook', 'reason'],
  }),
  makeCounterProvider({
    name: WEBHOOKS_REJECTED,
    help: 'Webhook requests refused before anything was read, by webhook (meta, x, connect, generic) and reason (signature, not_configured)',
    labelNames: ['webhook', 'reason'],
  }),
];
