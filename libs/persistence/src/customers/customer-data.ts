import type { EntityManager } from 'typeorm';
import { auditAgentChange } from '../events/audit-agent-change.js';
import { recordEvent } from '../events/record-event.js';

/*
 * What the engine's record holds of one customer of one agent, read whole (the right of access: the gateway's
 * GET .../customers/{id}/export) or erased in one transaction (the right to be forgotten: DELETE .../customers/{id}),
 * with a record of what is left to erase outside Postgres (queued jobs, ElizaOS's working memory on every replica),
 * which context-service works off (`customer.forget`) and its reconciler finds again if the job never reached Redis.
 * The tables are context-service's; this is the one module other apps read a customer whole or erase them through.
 */

/**
 * The customer's messages both ways: tied to the customer, to one of its identities, or from or to one of its
 * addresses before they were tied. `$1` the agent, `$2` the customer, alias `m`.
 */
const CUSTOMER_MESSAGES = `m.agent_id = $1
  AND (m.customer_id = $2
       OR m.identity_id IN (SELECT id FROM customer_identities WHERE customer_id = $2)
       OR (m.channel, m.counterpart_id) IN (SELECT channel, external_id FROM customer_identities WHERE customer_id = $2))`;

/** Events about the customer (hand-offs, follow-ups, a person's replies, resolutions). `$1` agent, `$2` customer. */
const CUSTOMER_EVENTS = `agent_id = $1 AND data->>'customer_id' = $2`;

/** Everything the record holds of the customer, as stored; undefined when the agent has no such customer. */
export interface CustomerRecord {
  customer: Record<string, unknown>;
  identities: Record<string, unknown>[];
  messages: Record<string, unknown>[];
  handoffs: Record<string, unknown>[];
  events: Record<string, unknown>[];
  tool_calls: Record<string, unknown>[];
}

export async function customerRecord(
  tx: EntityManager,
  agentId: string,
  customerId: string,
): Promise<CustomerRecord | undefined> {
  const [customer] = (await tx.query(
    `SELECT id, agent_id, display_name, phone_e164, created_at, updated_at FROM customers WHERE id = $1 AND agent_id = $2`,
    [customerId, agentId],
  )) as Record<string, unknown>[];
  if (!customer) return undefined;
  const identities = (await tx.query(
    `SELECT id, channel, external_id, phone_e164, display_name, linked, created_at, updated_at
       FROM customer_identities WHERE customer_id = $1 ORDER BY created_at`,
    [customerId],
  )) as Record<string, unknown>[];
  const messages = (await tx.query(
    `SELECT m.id, m.direction, m.channel, m.text, m.media, m.status, m.counterpart_id, m.counterpart_name,
            m.counterpart_phone, m.author, m.platform_message_id, m.in_reply_to, m.handoff, m.created_at, m.sent_at
       FROM conversation_messages m WHERE ${CUSTOMER_MESSAGES} ORDER BY m.arrival`,
    [agentId, customerId],
  )) as Record<string, unknown>[];
  const handoffs = (await tx.query(
    `SELECT id, channel, kind, state, reason, message_id, opened_at, resolved_at, resolved_by
       FROM handoffs WHERE customer_id = $1 ORDER BY opened_at`,
    [customerId],
  )) as Record<string, unknown>[];
  const events = (await tx.query(
    `SELECT id, type, data, created_at FROM events WHERE ${CUSTOMER_EVENTS} ORDER BY seq`,
    [agentId, customerId],
  )) as Record<string, unknown>[];
  const toolCalls = (await tx.query(
    `SELECT t.id, t.tool_name AS tool, t.channel, t.arguments, t.status, t.result, t.error, t.message_id,
            t.resolved_by_message_id, t.created_at
       FROM tool_calls t JOIN conversation_messages m ON m.id = t.message_id
      WHERE ${CUSTOMER_MESSAGES} ORDER BY t.created_at`,
    [agentId, customerId],
  )) as Record<string, unknown>[];
  return { customer, identities, messages, handoffs, events, tool_calls: toolCalls };
}

/** What an erasure removed, in counts: nothing of the customer's words, names or addresses. */
export interface ErasedCounts {
  identities: number;
  messages: number;
  handoffs: number;
  events_redacted: number;
}

export interface ErasedCustomer {
  erasureId: string;
  agentId: string;
  customerId: string;
  counts: ErasedCounts;
}

/** Fields of an event's data that hold what a customer or a person wrote; an erased customer's events lose them. */
const WORDS_IN_EVENTS = ['text', 'reply'];

/** The advisory lock a customer's turns are started under (TurnScheduler): one turn at a time, or an erasure. */
export const customerTurnLock = (customerId: string) => `turn:${customerId}`;

/**
 * Erases the customer (identities, messages both ways, hand-offs, the words in the events about them), leaves an
 * audit line and a `customer.erased` event without personal data, and records the erasure for the work outside
 * Postgres. `not_found` when the agent has no such customer; `answering` while one of their messages is being
 * answered (the turn holds their words in flight: erase once it ended, seconds later). A later message from the same
 * address is a new customer.
 */
export async function eraseCustomer(
  tx: EntityManager,
  target: { agentId: string; customerId: string; actor: string; requestId?: string },
): Promise<ErasedCustomer | 'not_found' | 'answering'> {
  const { agentId, customerId } = target;
  // Under the customer's turn lock, no turn starts meanwhile: the one that would have finds nothing left.
  await tx.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [customerTurnLock(customerId)]);
  const found = (await tx.query(`SELECT id FROM customers WHERE id = $1 AND agent_id = $2 FOR UPDATE`, [
    customerId,
    agentId,
  ])) as { id: string }[];
  if (!found.length) return 'not_found';
  const busy = (await tx.query(
    `SELECT 1 FROM conversation_messages
      WHERE customer_id = $1 AND status IN ('answering', 'pending', 'sending') LIMIT 1`,
    [customerId],
  )) as unknown[];
  if (busy.length) return 'answering';
  const messages = (await tx.query(`DELETE FROM conversation_messages m WHERE ${CUSTOMER_MESSAGES} RETURNING m.id`, [
    agentId,
    customerId,
  ])) as [{ id: string }[], number];
  const handoffs = (await tx.query(`DELETE FROM handoffs WHERE customer_id = $1`, [customerId])) as [unknown, number];
  const events = (await tx.query(
    `UPDATE events SET data = (data - $3::text[]) || '{"erased": true}'::jsonb WHERE ${CUSTOMER_EVENTS}`,
    [agentId, customerId, WORDS_IN_EVENTS],
  )) as [unknown, number];
  // An identity first seen as this customer but linked to another since stays with that one.
  await tx.query(
    `UPDATE customer_identities SET first_customer_id = customer_id WHERE first_customer_id = $1 AND customer_id <> $1`,
    [customerId],
  );
  const identities = (await tx.query(`DELETE FROM customer_identities WHERE customer_id = $1`, [customerId])) as [
    unknown,
    number,
  ];
  await tx.query(`DELETE FROM customers WHERE id = $1`, [customerId]);
  const counts: ErasedCounts = {
    identities: identities[1],
    messages: messages[1],
    handoffs: handoffs[1],
    events_redacted: events[1],
  };
  const messageIds = messages[0].map((row) => row.id);
  const [erasure] = (await tx.query(
    `INSERT INTO customer_erasures (agent_id, customer_id, message_ids, counts) VALUES ($1, $2, $3, $4) RETURNING id`,
    [agentId, customerId, messageIds, JSON.stringify(counts)],
  )) as { id: string }[];
  await auditAgentChange(tx, {
    agentId,
    action: 'customer_erased',
    actor: target.actor,
    requestId: target.requestId,
    details: { customer_id: customerId, erasure_id: erasure!.id, ...counts },
  });
  await recordEvent(tx, { type: 'customer.erased', agentId, data: { customer_id: customerId, ...counts } });
  return { erasureId: erasure!.id, agentId, customerId, counts };
}

/** An erasure whose work outside Postgres is not done yet: the messages whose jobs may still hold their words. */
export interface PendingErasure {
  id: string;
  agentId: string;
  customerId: string;
  messageIds: string[];
}

export async function pendingErasure(tx: EntityManager, erasureId: string): Promise<PendingErasure | undefined> {
  const [row] = (await tx.query(
    `SELECT id, agent_id, customer_id, message_ids FROM customer_erasures WHERE id = $1 AND completed_at IS NULL`,
    [erasureId],
  )) as { id: string; agent_id: string; customer_id: string; message_ids: string[] }[];
  return row && { id: row.id, agentId: row.agent_id, customerId: row.customer_id, messageIds: row.message_ids };
}

/** The erasure is complete: nothing of the customer is left in Redis or in ElizaOS's working memory. */
export async function erasureCompleted(tx: EntityManager, erasureId: string): Promise<void> {
  await tx.query(`UPDATE customer_erasures SET completed_at = now() WHERE id = $1 AND completed_at IS NULL`, [
    erasureId,
  ]);
}
