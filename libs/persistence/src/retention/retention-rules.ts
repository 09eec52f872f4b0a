import type { DataSource } from 'typeorm';

/*
 * Retention: what the engine prunes by age, and how (one batch at a time). context-service runs it (RetentionPruner,
 * one replica at a time); the tables are several owners', and this is the one module that prunes them.
 */

/** What retention prunes, each by the age setting that governs it. */
export const RETENTION_KINDS = ['messages', 'handoffs', 'customers', 'events', 'audit', 'erasures'] as const;
export type RetentionKind = (typeof RETENTION_KINDS)[number];

/** The age settings, in days (0: kept for good). */
export interface RetentionDays {
  messages: number;
  events: number;
  audit: number;
}

/** Statuses a message no longer moves from: only these are pruned (a message still in work never is). */
const SETTLED_STATUSES = [
  'answered',
  'held',
  'follow_up',
  'failed',
  'sent',
  'delivered',
  'read',
  'unknown',
  'needs_template',
  'expired',
];

/**
 * One batch of one kind: a statement deleting at most `$2` rows older than `$1` days, oldest first along the table's
 * creation-time index (which skips the rows earlier batches deleted), and the setting it follows. Each picks its rows
 * with SKIP LOCKED, so it never waits on a row a turn holds, and short batches keep each transaction (and its locks)
 * brief beside the message path.
 */
const RETENTION_RULES: Record<RetentionKind, { days: keyof RetentionDays; sql: string; params?: unknown[] }> = {
  // A reply goes with the message it answered (in_reply_to cascades).
  messages: {
    days: 'messages',
    sql: `DELETE FROM conversation_messages WHERE id IN (
            SELECT id FROM conversation_messages
             WHERE created_at < now() - make_interval(days => $1) AND status = ANY($3)
             ORDER BY created_at LIMIT $2 FOR UPDATE SKIP LOCKED)`,
    params: [SETTLED_STATUSES],
  },
  handoffs: {
    days: 'messages',
    sql: `DELETE FROM handoffs WHERE id IN (
            SELECT id FROM handoffs
             WHERE state = 'resolved' AND resolved_at < now() - make_interval(days => $1)
             LIMIT $2 FOR UPDATE SKIP LOCKED)`,
  },
  // A customer none of whose messages is left, and whom nothing else holds: their identities (addresses) go too.
  customers: {
    days: 'messages',
    sql: `DELETE FROM customers WHERE id IN (
            SELECT c.id FROM customers c
             WHERE c.created_at < now() - make_interval(days => $1) AND c.updated_at < now() - make_interval(days => $1)
               AND NOT EXISTS (SELECT 1 FROM conversation_messages m WHERE m.customer_id = c.id)
               AND NOT EXISTS (SELECT 1 FROM handoffs h WHERE h.customer_id = c.id)
               AND NOT EXISTS (SELECT 1 FROM customer_identities i WHERE i.first_customer_id = c.id AND i.customer_id <> c.id)
             ORDER BY c.created_at LIMIT $2 FOR UPDATE SKIP LOCKED)`,
  },
  // An event goes with its deliveries (they cascade), once none of them is still pending.
  events: {
    days: 'events',
    sql: `DELETE FROM events WHERE id IN (
            SELECT e.id FROM events e
             WHERE e.created_at < now() - make_interval(days => $1)
               AND e.id NOT IN (SELECT event_id FROM event_deliveries WHERE status = 'pending')
             ORDER BY e.created_at LIMIT $2 FOR UPDATE SKIP LOCKED)`,
  },
  audit: {
    days: 'audit',
    sql: `DELETE FROM agent_events WHERE id IN (
            SELECT id FROM agent_events WHERE created_at < now() - make_interval(days => $1)
             ORDER BY created_at LIMIT $2 FOR UPDATE SKIP LOCKED)`,
  },
  erasures: {
    days: 'audit',
    sql: `DELETE FROM customer_erasures WHERE id IN (
            SELECT id FROM customer_erasures
             WHERE completed_at IS NOT NULL AND created_at < now() - make_interval(days => $1)
             LIMIT $2 FOR UPDATE SKIP LOCKED)`,
  },
};

/** Removes one batch of `kind` older than `days`; returns how many rows went (fewer than `batch`: none is left). */
export async function pruneBatch(db: DataSource, kind: RetentionKind, days: number, batch: number): Promise<number> {
  const rule = RETENTION_RULES[kind];
  const [, deleted] = (await db.query(rule.sql, [days, batch, ...(rule.params ?? [])])) as [unknown, number];
  return deleted;
}

/** Which age setting governs `kind`. */
export function retentionSettingOf(kind: RetentionKind): keyof RetentionDays {
  return RETENTION_RULES[kind].days;
}
