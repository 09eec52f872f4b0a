import { makeCounterProvider, makeHistogramProvider } from '@voca/observability';

export const INBOUND_MESSAGES = 'voca_inbound_messages_total';
export const TURN_SECONDS = 'voca_turn_seconds';
export const REPLIES = 'voca_replies_total';
export const PLATFORM_SEND_SECONDS = 'voca_platform_send_seconds';
export const PLATFORM_SEND_ERRORS = 'voca_platform_send_errors_total';

/** What the message path looks like from the context-service: messages taken in, turns, replies and sends. */
export const conversationMetrics = [
  makeCounterProvider({
    name: INBOUND_MESSAGES,
    help: 'Customer messages tied to their customer, by channel and outcome (queued: to be answered; held: the agent is paused or stopped; with_person: a person has the conversation)',
    labelNames: ['channel', 'outcome'],
  }),
  makeHistogramProvider({
    name: TURN_SECONDS,
    help: "From the webhook recording a customer message to the agent's reply sent (or handed to the waiting webhook), by channel",
    labelNames: ['channel'],
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5, 8, 13, 30, 60, 120],
  }),
  makeCounterProvider({
    name: REPLIES,
    help: 'Replies that reached their final state, by channel, author (agent or person) and outcome (sent, failed, unknown, needs_template, expired)',
    labelNames: ['channel', 'author', 'outcome'],
  }),
  makeHistogramProvider({
    name: PLATFORM_SEND_SECONDS,
    help: "One call to a platform's send API, by channel and outcome (sent, retry, rejected, outside_window, unknown)",
    labelNames: ['channel', 'outcome'],
    buckets: [0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10],
  }),
  makeCounterProvider({
    name: PLATFORM_SEND_ERRORS,
    help: 'Sends a platform did not accept, by channel and reason (retry: throttled or failing, rejected, credentials_invalid, outside_window, unknown: no answer in time)',
    labelNames: ['channel', 'reason'],
  }),
];
