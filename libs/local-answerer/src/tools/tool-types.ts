import type { ToolCallStatus, ToolIntent } from '@voca/contracts';

/** A registered tool as the local model sees it. */
export interface ToolChoice {
  /** What the engine calls it by: `order_status`, `book_appointment`, `check_stock`... */
  name: string;
  description: string;
  /** The kind of request it serves, as registered or inferred from its name by the engine; null when neither says. */
  intent: ToolIntent | null;
  /** Its arguments' JSON Schema (`type: object`, with `properties` and `required`). */
  parameters: Record<string, unknown>;
  requiresConfirmation: boolean;
}

/** What the agent asked the customer for in the previous turn, before it could call a tool. */
export interface PendingToolRequest {
  tool: string;
  /** The arguments already known. */
  arguments: Record<string, unknown>;
  /** The required properties still absent, the first of them the one asked for. */
  missing: string[];
}

/** What the local model does about a customer's message, as far as tools go. */
export type ToolPlan =
  | { kind: 'call'; tool: string; arguments: Record<string, unknown> }
  | { kind: 'ask'; tool: string; arguments: Record<string, unknown>; missing: string[]; text: string }
  | { kind: 'none' };

/** How a tool call ended (or where it stands), for the reply that tells the customer. */
export interface ToolOutcomeForReply {
  tool: string;
  arguments: Record<string, unknown>;
  status: ToolCallStatus;
  /** The backend's JSON answer, when the call succeeded. */
  result?: Record<string, unknown>;
}

/** What the engine knows of the turn, beyond the message, that reading it needs. */
export interface ToolTurnContext {
  /** The agent's language, a BCP 47 tag ('en', 'es-MX'): replies and questions are in it when supported. */
  language?: string;
  customerName?: string;
  /** "Today" for relative dates; defaults to the current time. */
  now?: Date;
  /** The business's IANA time zone ('America/New_York'): what "today" is there, and UTC offsets; UTC without it. */
  timeZone?: string;
}
