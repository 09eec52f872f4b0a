import type { Channel } from '../channels.js';

/**
 * Kinds of service requests the offline `local` model recognises in a customer's message by itself, so it can call
 * a registered tool of that kind (an LLM reads every tool's description instead).
 */
export const TOOL_INTENTS = ['order_status', 'booking', 'stock_check'] as const;
export type ToolIntent = (typeof TOOL_INTENTS)[number];

/** A tool's name: what the model calls it by (OpenAI's function-name rule, lower case). */
export const TOOL_NAME_PATTERN = /^[a-z][a-z0-9_]{0,63}$/;

/** Headers of a tool call the engine POSTs to the backend. */
export const TOOL_SIGNATURE_HEADER = 'voca-signature';
export const TOOL_IDEMPOTENCY_HEADER = 'idempotency-key';
export const TOOL_CALL_ID_HEADER = 'voca-tool-call-id';
export const TOOL_NAME_HEADER = 'voca-tool';

/** The body of a tool call: what the backend receives, signed like event deliveries. */
export interface ToolCallBody {
  tool: string;
  arguments: Record<string, unknown>;
  conversation: {
    agent_id: string;
    customer_id: string;
    channel: Channel;
    /** The customer's message the turn answers (the engine's id). */
    message_id: string;
  };
}

/**
 * Where a tool call stands. `awaiting_confirmation` and `awaiting_arguments` are requests the agent made of the
 * customer (a yes, a missing value) before calling; `calling` is a call under way (or cut short by a crash); the rest
 * are where it ended.
 */
export const TOOL_CALL_STATUSES = [
  'awaiting_confirmation',
  'awaiting_arguments',
  'calling',
  'ok',
  'failed',
  'timeout',
  'refused',
  'invalid_answer',
  'invalid_arguments',
  'declined',
  'answered',
  'abandoned',
  'unknown',
] as const;
export type ToolCallStatus = (typeof TOOL_CALL_STATUSES)[number];

/** Statuses of a call that went out and came back with nothing usable. */
export const TOOL_CALL_FAILURES = [
  'failed',
  'timeout',
  'refused',
  'invalid_answer',
  'unknown',
] as const satisfies readonly ToolCallStatus[];
