import type { ToolCallStatus } from '@voca/contracts';
import type { EntityManager } from 'typeorm';
import type { ToolCall } from '../entities/tool-call.entity.js';

/** A call (or a request of the customer) about to be recorded. */
export type NewToolCall = Pick<
  ToolCall,
  'agentId' | 'customerId' | 'messageId' | 'toolId' | 'toolName' | 'channel' | 'arguments' | 'status' | 'idempotencyKey'
> &
  Partial<Pick<ToolCall, 'missing' | 'error'>>;

/** Where a call ended. */
export type ToolCallEnd = Pick<ToolCall, 'status'> &
  Partial<Pick<ToolCall, 'latencyMs' | 'responseBytes' | 'httpStatus' | 'result' | 'error'>>;

const WAITING: ToolCallStatus[] = ['awaiting_confirmation', 'awaiting_arguments'];

/**
 * Statuses of a request of the customer whose answer did not make the call: still waiting, declined, left when they
 * moved on, or answered with the missing value (the call that follows is a new one, recorded under that answer).
 */
const NOT_CALLED_BY_ANSWER: ToolCallStatus[] = [...WAITING, 'declined', 'abandoned', 'answered'];

/**
 * The customer's message whose turn made the call, where the conversation views show it (each call once): the
 * message that confirmed it when it was proposed first and confirmed (`resolved_by_message_id`, the turn that sent
 * the HTTP call), else the message whose turn asked for it (`message_id`), including a request still waiting, declined,
 * abandoned or answered.
 */
export function turnMessageOf(call: Pick<ToolCall, 'messageId' | 'resolvedByMessageId' | 'status'>): string {
  return call.resolvedByMessageId && !NOT_CALLED_BY_ANSWER.includes(call.status)
    ? call.resolvedByMessageId
    : call.messageId;
}

const COLUMNS = `id, agent_id AS "agentId", customer_id AS "customerId", message_id AS "messageId",
  resolved_by_message_id AS "resolvedByMessageId", tool_id AS "toolId", tool_name AS "toolName", channel, arguments,
  missing, status, idempotency_key AS "idempotencyKey", latency_ms AS "latencyMs", response_bytes AS "responseBytes",
  http_status AS "httpStatus", result, error, created_at AS "createdAt", updated_at AS "updatedAt"`;

/**
 * The record of agents' tool calls (`tool_calls`, written by the elizaos-worker's turns): a call is recorded before
 * it is made, under its idempotency key, so a retried turn finds it instead of making it again.
 */
export class ToolCalls {
  /** A DataSource, or the EntityManager of a transaction to read within. */
  constructor(private readonly db: Pick<EntityManager, 'query'>) {}

  /** Records the call, or returns the one already recorded under its key (`created` false). */
  async begin(call: NewToolCall): Promise<{ call: ToolCall; created: boolean }> {
    const inserted: ToolCall[] = await this.db.query(
      `INSERT INTO tool_calls (agent_id, customer_id, message_id, tool_id, tool_name, channel, arguments, status,
                               idempotency_key, missing, error)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       ON CONFLICT (idempotency_key) DO NOTHING
       RETURNING ${COLUMNS}`,
      [
        call.agentId,
        call.customerId,
        call.messageId,
        call.toolId,
        call.toolName,
        call.channel,
        JSON.stringify(call.arguments),
        call.status,
        call.idempotencyKey,
        call.missing ?? null,
        call.error ?? null,
      ],
    );
    if (inserted[0]) return { call: inserted[0], created: true };
    const [existing] = (await this.db.query(`SELECT ${COLUMNS} FROM tool_calls WHERE idempotency_key = $1`, [
      call.idempotencyKey,
    ])) as ToolCall[];
    return { call: existing!, created: false };
  }

  /** Moves a call from `from` to where it ended; false when another attempt moved it first. */
  async finish(id: string, from: ToolCallStatus, end: ToolCallEnd): Promise<boolean> {
    const [, affected] = (await this.db.query(
      `UPDATE tool_calls SET status = $3, latency_ms = $4, response_bytes = $5, http_status = $6, result = $7,
              error = $8, updated_at = now()
        WHERE id = $1 AND status = $2`,
      [
        id,
        from,
        end.status,
        end.latencyMs ?? null,
        end.responseBytes ?? null,
        end.httpStatus ?? null,
        end.result === undefined || end.result === null ? null : JSON.stringify(end.result),
        end.error ?? null,
      ],
    )) as [unknown, number];
    return affected > 0;
  }

  /**
   * What the agent asked this customer last and is still waiting for (a confirmation, a missing argument), or what
   * this very message already resolved (a retried turn): at most one, the latest, asked within `withinMs`.
   */
  async waitingFor(
    agentId: string,
    customerId: string,
    messageId: string,
    withinMs: number,
  ): Promise<ToolCall | undefined> {
    const [row] = (await this.db.query(
      `SELECT ${COLUMNS} FROM tool_calls
        WHERE agent_id = $1 AND customer_id = $2 AND message_id <> $3
          AND ((status = ANY($4) AND created_at > now() - make_interval(secs => $5)) OR resolved_by_message_id = $3)
        ORDER BY created_at DESC LIMIT 1`,
      [agentId, customerId, messageId, WAITING, withinMs / 1000],
    )) as ToolCall[];
    return row;
  }

  /**
   * Settles what the agent was waiting for with the customer's message: `calling` (confirmed: the call goes out
   * now), `declined`, `abandoned` (they moved on) or superseded by a new request. False when another attempt did.
   */
  async resolve(id: string, messageId: string, status: ToolCallStatus): Promise<boolean> {
    const [, affected] = (await this.db.query(
      `UPDATE tool_calls SET status = $3, resolved_by_message_id = $2, updated_at = now()
        WHERE id = $1 AND status = ANY($4)`,
      [id, messageId, status, WAITING],
    )) as [unknown, number];
    return affected > 0;
  }

  /** Every call made or asked for in the turns of these messages, oldest first (for the conversation views). */
  async ofMessages(messageIds: string[]): Promise<ToolCall[]> {
    if (messageIds.length === 0) return [];
    return (await this.db.query(
      `SELECT ${COLUMNS} FROM tool_calls
        WHERE message_id = ANY($1) OR resolved_by_message_id = ANY($1)
        ORDER BY created_at, id`,
      [messageIds],
    )) as ToolCall[];
  }

  /**
   * The calls each of these messages' turns made or asked for (see turnMessageOf), oldest first, by message: one query
   * for a page of messages. A call whose turn is not among them is left out (another page shows it).
   */
  async byTurn(messageIds: string[]): Promise<Map<string, ToolCall[]>> {
    const wanted = new Set(messageIds);
    const turns = new Map<string, ToolCall[]>();
    for (const call of await this.ofMessages([...wanted])) {
      const turn = turnMessageOf(call);
      if (!wanted.has(turn)) continue;
      const calls = turns.get(turn);
      if (calls) calls.push(call);
      else turns.set(turn, [call]);
    }
    return turns;
  }

  /**
   * A customer's latest calls, newest first (for the customer's context): those asked for by the customer's messages
   * as they are now, so that a linked identity's history brings its calls along and an erasure takes them.
   */
  async recentOfCustomer(customerId: string, limit: number): Promise<ToolCall[]> {
    return (await this.db.query(
      `SELECT ${COLUMNS} FROM tool_calls
        WHERE message_id IN (SELECT id FROM conversation_messages WHERE customer_id = $1)
        ORDER BY created_at DESC, id LIMIT $2`,
      [customerId, limit],
    )) as ToolCall[];
  }
}
