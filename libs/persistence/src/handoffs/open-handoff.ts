import type { EntityManager } from 'typeorm';
import type { ConversationMessage } from '../entities/conversation-message.entity.js';
import type { HandoffKind } from '../entities/handoff.entity.js';

/**
 * Puts the customer of this message in the hand-off inbox, in the caller's transaction: opens one, or leaves the open
 * one as it is (one per customer), except that a follow-up becomes a hand-off when the agent hands the customer over
 * (and takes that reason). A message not yet tied to a customer opens none.
 */
export async function openHandoff(
  tx: EntityManager,
  message: Pick<ConversationMessage, 'id' | 'agentId' | 'customerId' | 'channel'>,
  kind: HandoffKind,
  reason: string,
): Promise<void> {
  if (!message.customerId) return;
  await tx.query(
    `INSERT INTO handoffs (agent_id, vendor_id, customer_id, channel, kind, message_id, reason)
     SELECT a.id, a.vendor_id, $2, $3, $4, $5, $6 FROM agents a WHERE a.id = $1
     ON CONFLICT (customer_id) WHERE state = 'open' DO UPDATE
        SET kind = 'handoff', reason = EXCLUDED.reason, channel = EXCLUDED.channel, message_id = EXCLUDED.message_id
      WHERE handoffs.kind = 'follow_up' AND EXCLUDED.kind = 'handoff'`,
    [message.agentId, message.customerId, message.channel, kind, message.id, reason],
  );
}
