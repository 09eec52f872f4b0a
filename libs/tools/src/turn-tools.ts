import { createHash } from 'node:crypto';
import { TOOL_CALL_FAILURES, type Channel, type ToolCallStatus, type ToolIntent } from '@voca/contracts';
import type { ToolAnswer, ToolRequest } from './tool-caller.js';
import { confirmationAnswer } from './confirmation.js';
import type { ToolSchemas } from './tool-schema.js';

/** A tool of the agent as a turn uses it (its secret opened only when a call goes out). */
export interface RegisteredTool {
  id: string;
  name: string;
  description: string;
  parameters: Record<string, unknown>;
  url: string;
  timeoutMs: number;
  channels: Channel[] | null;
  requiresConfirmation: boolean;
  handoffOnFailure: boolean;
  intent: ToolIntent | null;
  secret: () => string;
}

/** A recorded call or request, as the turn reads it back (the persistence row's shape). */
export interface RecordedToolCall {
  id: string;
  toolId: string | null;
  toolName: string;
  arguments: Record<string, unknown>;
  missing: string[] | null;
  status: ToolCallStatus;
  resolvedByMessageId: string | null;
  idempotencyKey: string;
  result: Record<string, unknown> | null;
  error: string | null;
}

/** The record of calls (Postgres in the engine; a fake in unit tests). */
export interface ToolCallLedger {
  begin(call: {
    agentId: string;
    customerId: string;
    messageId: string;
    toolId: string | null;
    toolName: string;
    channel: Channel;
    arguments: Record<string, unknown>;
    status: ToolCallStatus;
    idempotencyKey: string;
    missing?: string[] | null;
    error?: string | null;
  }): Promise<{ call: RecordedToolCall; created: boolean }>;
  finish(
    id: string,
    from: ToolCallStatus,
    end: Partial<Pick<ToolAnswer, 'latencyMs' | 'responseBytes' | 'httpStatus' | 'result' | 'error'>> & {
      status: ToolCallStatus;
    },
  ): Promise<boolean>;
  waitingFor(
    agentId: string,
    customerId: string,
    messageId: string,
    withinMs: number,
  ): Promise<RecordedToolCall | undefined>;
  resolve(id: string, messageId: string, status: ToolCallStatus): Promise<boolean>;
}

/** Makes the HTTP call (ToolCaller in the engine). */
export type ToolTransport = (request: ToolRequest) => Promise<ToolAnswer>;

/** What one call came to, as the model phrases it and the turn reports it. */
export interface ToolOutcome {
  callId?: string;
  tool: string;
  arguments: Record<string, unknown>;
  status: ToolCallStatus;
  result?: Record<string, unknown>;
  /** The engine's words for what went wrong; never the backend's body. */
  error?: string;
  /** For `invalid_arguments`: required arguments absent (the agent may ask the customer for them). */
  missing?: string[];
  /** A fresh outcome (measured now), not one a retried turn read back. */
  latencyMs?: number;
  responseBytes?: number;
}

export interface TurnToolsSettings {
  maxCallsPerTurn: number;
  /** Time kept after a call for phrasing and delivering the reply, when the turn has a deadline (voice). */
  replyReserveMs: number;
  /** A request of the customer (a confirmation, a missing value) is answered within this long, or forgotten. */
  waitingMs: number;
}

export interface TurnConversation {
  agentId: string;
  customerId: string;
  channel: Channel;
  /** The customer's message the turn answers (the engine's id). */
  messageId: string;
  /** When the reply must be ready (a caller waiting on the phone). */
  replyBy?: Date;
}

export interface TurnToolsObserver {
  /** Each outcome of the turn (a call made, proposed, declined, refused...), for metrics. */
  called?(tool: string, outcome: ToolOutcome): void;
}

/** Below this, a call is not worth starting: the caller would hear silence instead of an apology. */
const MIN_CALL_MS = 100;

/**
 * The tools of one turn: the agent's tools allowed on the turn's channel, the calls the model makes (arguments
 * checked against each tool's schema, bounded in number and time, recorded before they go out so a retried turn never
 * repeats one), and the request the agent made of this customer last turn, settled by this message: a confirmed
 * call goes out now (the engine, not the model, decides that a yes means the call proposed), a no is declined,
 * anything else leaves it.
 */
export class TurnTools {
  /** Every outcome of this turn, in order. */
  readonly outcomes: ToolOutcome[] = [];
  /** What the agent asked the customer last turn and still needs (for the local model to fill in). */
  waiting?: { tool: RegisteredTool; arguments: Record<string, unknown>; missing: string[] };
  /** Set when a failed call asks for a person (the tool's handoff_on_failure, or a call that may have happened). */
  handoff = false;
  private calls = 0;

  constructor(
    readonly available: RegisteredTool[],
    private readonly conversation: TurnConversation,
    private readonly ledger: ToolCallLedger,
    private readonly transport: ToolTransport,
    private readonly schemas: ToolSchemas,
    private readonly settings: TurnToolsSettings,
    private readonly observer: TurnToolsObserver = {},
  ) {}

  byName(name: string): RegisteredTool | undefined {
    return this.available.find((tool) => tool.name === name);
  }

  /**
   * Settles what the agent was waiting for from this customer with their message `text`. Returns the outcome of a
   * call confirmed now, if any.
   */
  async settleWaiting(text: string): Promise<ToolOutcome | undefined> {
    const { agentId, customerId, messageId } = this.conversation;
    const waiting = await this.ledger.waitingFor(agentId, customerId, messageId, this.settings.waitingMs);
    if (!waiting) return undefined;
    const tool = this.available.find((candidate) => candidate.id === waiting.toolId);
    if (waiting.resolvedByMessageId === messageId) {
      // A retried turn: this message already settled it.
      if (waiting.status === 'declined') return this.record({ ...outcomeOf(waiting), status: 'declined' });
      if (waiting.status === 'abandoned' || !tool) return undefined;
      if (waiting.status === 'answered') {
        this.waiting = { tool, arguments: waiting.arguments, missing: waiting.missing ?? [] };
        return undefined;
      }
      return this.record(await this.resume(tool, waiting));
    }
    if (!tool) {
      await this.ledger.resolve(waiting.id, messageId, 'abandoned');
      return undefined;
    }
    if (waiting.status === 'awaiting_arguments') {
      this.waiting = { tool, arguments: waiting.arguments, missing: waiting.missing ?? [] };
      // Settled by this message whatever the model makes of it: filled in (a new call), asked again, or left.
      await this.ledger.resolve(waiting.id, messageId, 'answered');
      return undefined;
    }
    const answer = confirmationAnswer(text);
    if (answer === 'other') {
      await this.ledger.resolve(waiting.id, messageId, 'abandoned');
      return undefined;
    }
    if (answer === 'no') {
      await this.ledger.resolve(waiting.id, messageId, 'declined');
      return this.record({ ...outcomeOf(waiting), status: 'declined' });
    }
    if (!(await this.ledger.resolve(waiting.id, messageId, 'calling'))) return undefined;
    return this.record(await this.send(tool, { ...waiting, status: 'calling' }));
  }

  /**
   * A call the model asks for. Unknown tools, tools not allowed on this channel and arguments the schema refuses are
   * answered without calling; a tool with side effects is only proposed (`awaiting_confirmation`) until the customer
   * says yes.
   */
  async call(name: string, args: Record<string, unknown>): Promise<ToolOutcome> {
    const tool = this.byName(name);
    if (!tool) return this.record({ tool: name, arguments: args, status: 'refused', error: `no tool named ${name}` });
    if (this.calls >= this.settings.maxCallsPerTurn)
      return this.record({
        tool: name,
        arguments: args,
        status: 'refused',
        error: `at most ${this.settings.maxCallsPerTurn} tool calls per turn`,
      });
    this.calls += 1;
    const check = this.schemas.check(tool.parameters, args);
    if (!check.ok)
      return this.record({
        tool: name,
        arguments: args,
        status: 'invalid_arguments',
        missing: check.missing,
        error: [...check.missing.map((m) => `${m} is required`), ...check.problems].join('; '),
      });
    const key = this.keyOf(name, args);
    if (tool.requiresConfirmation) {
      const { call } = await this.ledger.begin({ ...this.rowOf(tool, args, key), status: 'awaiting_confirmation' });
      if (call.status === 'awaiting_confirmation') return this.record({ ...outcomeOf(call), callId: call.id });
      return this.record(await this.resume(tool, call));
    }
    const { call, created } = await this.ledger.begin({ ...this.rowOf(tool, args, key), status: 'calling' });
    return this.record(created ? await this.send(tool, call) : await this.resume(tool, call));
  }

  /** Records that the agent asked the customer for the arguments a call still needs. */
  async askFor(name: string, args: Record<string, unknown>, missing: string[]): Promise<void> {
    const tool = this.byName(name);
    if (!tool) return;
    await this.ledger.begin({
      ...this.rowOf(tool, args, `${this.conversation.messageId}.${name}.ask`),
      status: 'awaiting_arguments',
      missing,
    });
  }

  /** A call recorded by an earlier attempt of this turn: its outcome, or what is safe to do now. */
  private async resume(tool: RegisteredTool, call: RecordedToolCall): Promise<ToolOutcome> {
    if (call.status !== 'calling') return { ...outcomeOf(call), callId: call.id };
    if (tool.requiresConfirmation) {
      // The earlier attempt died mid-call: the backend may have acted. Never twice; a person checks.
      const error = 'the call was interrupted; it may have been done';
      await this.ledger.finish(call.id, 'calling', { status: 'unknown', error });
      return { ...outcomeOf(call), callId: call.id, status: 'unknown', error };
    }
    // Without side effects, asking again (with the same idempotency key) is safe.
    return this.send(tool, call);
  }

  private async send(tool: RegisteredTool, call: RecordedToolCall): Promise<ToolOutcome> {
    const timeoutMs = this.timeoutFor(tool);
    if (timeoutMs < MIN_CALL_MS) {
      const error = 'no time left in the turn to call it';
      await this.ledger.finish(call.id, 'calling', { status: 'timeout', error });
      return { ...outcomeOf(call), callId: call.id, status: 'timeout', error };
    }
    const { agentId, customerId, channel, messageId } = this.conversation;
    const answer = await this.transport({
      callId: call.id,
      url: tool.url,
      secret: tool.secret(),
      idempotencyKey: call.idempotencyKey,
      timeoutMs,
      body: {
        tool: tool.name,
        arguments: call.arguments,
        conversation: { agent_id: agentId, customer_id: customerId, channel, message_id: messageId },
      },
    });
    await this.ledger.finish(call.id, 'calling', answer);
    return {
      callId: call.id,
      tool: tool.name,
      arguments: call.arguments,
      status: answer.status,
      result: answer.result,
      error: answer.error,
      latencyMs: answer.latencyMs,
      responseBytes: answer.responseBytes,
    };
  }

  private record(outcome: ToolOutcome): ToolOutcome {
    this.outcomes.push(outcome);
    const failed = (TOOL_CALL_FAILURES as readonly ToolCallStatus[]).includes(outcome.status);
    // A call that may have happened always needs a person; another failure when its tool asks for one.
    if (outcome.status === 'unknown' || (failed && this.byName(outcome.tool)?.handoffOnFailure)) this.handoff = true;
    this.observer.called?.(outcome.tool, outcome);
    return outcome;
  }

  private timeoutFor(tool: RegisteredTool): number {
    const { replyBy } = this.conversation;
    if (!replyBy) return tool.timeoutMs;
    return Math.min(tool.timeoutMs, replyBy.getTime() - Date.now() - this.settings.replyReserveMs);
  }

  /** One key per turn, tool and arguments: a retried turn asking the same finds the same call. */
  private keyOf(name: string, args: Record<string, unknown>): string {
    const digest = createHash('sha256').update(canonicalJson(args)).digest('base64url').slice(0, 22);
    return `${this.conversation.messageId}.${name}.${digest}`;
  }

  private rowOf(tool: RegisteredTool, args: Record<string, unknown>, idempotencyKey: string) {
    const { agentId, customerId, channel, messageId } = this.conversation;
    return {
      agentId,
      customerId,
      messageId,
      toolId: tool.id,
      toolName: tool.name,
      channel,
      arguments: args,
      idempotencyKey,
    };
  }
}

function outcomeOf(call: RecordedToolCall): ToolOutcome {
  return {
    callId: call.id,
    tool: call.toolName,
    arguments: call.arguments,
    status: call.status,
    ...(call.result ? { result: call.result } : {}),
    ...(call.error ? { error: call.error } : {}),
  };
}

/** JSON with object keys sorted, so equal arguments hash equally whatever order the model wrote them in. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  return JSON.stringify(value) ?? 'null';
}
