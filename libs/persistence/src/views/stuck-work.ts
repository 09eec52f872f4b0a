import type { DataSource } from 'typeorm';

/**
 * Work that stopped moving, by kind, as Postgres records it: the reconciler (context-service) gets each moving again
 * or ends it, and the API shows it to operators.
 * - `received_messages`: messages the gateway recorded that never reached the context-service (their id);
 * - `held_messages`: agents answering again with messages still held from a pause (the agent's id);
 * - `waiting_customers`: customers with queued messages and no turn running (the customer's id);
 * - `open_turns`: turns (an inbound message answering, or its reply not yet sent) past TURN_DEADLINE_MS (the
 *   inbound message's id);
 * - `operations`: provisioning operations not ended past STUCK_AFTER_MS (their id; the reconciler checks whether
 *   their jobs are still alive before ending them);
 * - `erasures`: erased customers whose jobs or ElizaOS memory are not forgotten past STUCK_AFTER_MS (the erasure's id);
 * - `knowledge_versions`: uploaded document versions not indexed past STUCK_AFTER_MS since their last step (the
 *   version's id; the reconciler checks whether their job is still alive first).
 */
export const STUCK_WORK_KINDS = [
  'received_messages',
  'held_messages',
  'waiting_customers',
  'open_turns',
  'operations',
  'erasures',
  'knowledge_versions',
] as const;
export type StuckWorkKind = (typeof STUCK_WORK_KINDS)[number];

export interface StuckWorkThresholds {
  stuckAfterMs: number;
  turnDeadlineMs: number;
}

export interface StuckItem {
  id: string;
  since: Date;
}

const LIMIT = 200;

const QUERIES: Record<StuckWorkKind, (t: StuckWorkThresholds) => [string, unknown[]]> = {
  received_messages: ({ stuckAfterMs }) => [
    `SELECT id, created_at AS since FROM conversation_messages
      WHERE direction = 'inbound' AND status = 'received' AND created_at < now() - make_interval(secs => $1)
      ORDER BY arrival LIMIT $2`,
    [stuckAfterMs / 1000, LIMIT],
  ],
  held_messages: ({ stuckAfterMs }) => [
    `SELECT m.agent_id AS id, min(m.updated_at) AS since FROM conversation_messages m JOIN agents a ON a.id = m.agent_id
      WHERE m.direction = 'inbound' AND m.status = 'held' AND a.status IN ('active', 'partially_active')
        AND a.updated_at < now() - make_interval(secs => $1)
      GROUP BY m.agent_id ORDER BY since LIMIT $2`,
    [stuckAfterMs / 1000, LIMIT],
  ],
  waiting_customers: ({ stuckAfterMs }) => [
    `SELECT q.customer_id AS id, min(q.updated_at) AS since FROM conversation_messages q
      WHERE q.direction = 'inbound' AND q.status = 'queued' AND q.updated_at < now() - make_interval(secs => $1)
        AND NOT EXISTS (SELECT 1 FROM conversation_messages a
                         WHERE a.customer_id = q.customer_id AND a.direction = 'inbound' AND a.status = 'answering')
      GROUP BY q.customer_id ORDER BY since LIMIT $2`,
    [stuckAfterMs / 1000, LIMIT],
  ],
  open_turns: ({ turnDeadlineMs }) => [
    `SELECT id, since FROM (
       SELECT id, updated_at AS since FROM conversation_messages
        WHERE direction = 'inbound' AND status = 'answering' AND updated_at < now() - make_interval(secs => $1)
       UNION
       SELECT in_reply_to AS id, updated_at AS since FROM conversation_messages
        WHERE direction = 'outbound' AND status IN ('pending', 'sending') AND updated_at < now() - make_interval(secs => $1)
     ) open ORDER BY since LIMIT $2`,
    [turnDeadlineMs / 1000, LIMIT],
  ],
  operations: ({ stuckAfterMs }) => [
    `SELECT id, created_at AS since FROM provisioning_operations
      WHERE status IN ('queued', 'in_progress') AND enqueued_at IS NOT NULL
        AND created_at < now() - make_interval(secs => $1)
      ORDER BY created_at LIMIT $2`,
    [stuckAfterMs / 1000, LIMIT],
  ],
  erasures: ({ stuckAfterMs }) => [
    `SELECT id, created_at AS since FROM customer_erasures
      WHERE completed_at IS NULL AND created_at < now() - make_interval(secs => $1)
      ORDER BY created_at LIMIT $2`,
    [stuckAfterMs / 1000, LIMIT],
  ],
  knowledge_versions: ({ stuckAfterMs }) => [
    `SELECT id, updated_at AS since FROM knowledge_versions
      WHERE status IN ('queued', 'indexing') AND updated_at < now() - make_interval(secs => $1)
      ORDER BY updated_at LIMIT $2`,
    [stuckAfterMs / 1000, LIMIT],
  ],
};

/** The oldest stuck items of one kind (at most 200). */
export async function stuckWork(
  db: DataSource,
  kind: StuckWorkKind,
  thresholds: StuckWorkThresholds,
): Promise<StuckItem[]> {
  const [sql, params] = QUERIES[kind](thresholds);
  const rows: { id: string; since: Date }[] = await db.query(sql, params);
  return rows.map(({ id, since }) => ({ id, since: new Date(since) }));
}
