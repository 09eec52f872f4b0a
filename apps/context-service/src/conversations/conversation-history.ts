import { describeMessage, type ConversationTurn, type InboundMedia } from '@voca/contracts';
import type { CustomerIdentity } from '@voca/persistence';
import type { EntityManager } from 'typeorm';
import { SPOOFABLE_CHANNELS, sharesConversation } from './identity-trust.js';

/**
 * A customer's latest turns, oldest first, up to a message: what the agent sees of the conversation so far, for the
 * identity the message came from. What the customer wrote before the message, and every reply sent so far (one turn
 * runs at a time, so a sent reply answered an earlier message, even one recorded after this message arrived); what a
 * customer sent besides words is described in the turn (`[sent a photo] ...`).
 * An identity that shares the conversation sees every channel's turns except those of identities that do not
 * (an unverified caller ID); one that does not sees only its own (see sharesConversation).
 */
export async function conversationHistory(
  tx: EntityManager,
  customerId: string,
  viewer: Pick<CustomerIdentity, 'id' | 'channel' | 'linked'> | null,
  beforeArrival: string,
  limit: number,
): Promise<ConversationTurn[]> {
  const ownOnly = viewer !== null && !sharesConversation(viewer) ? viewer.id : null;
  const rows: {
    direction: 'inbound' | 'outbound';
    channel: ConversationTurn['channel'];
    text: string;
    media: InboundMedia[] | null;
    at: Date;
  }[] = await tx.query(
    `SELECT m.direction, m.channel, m.text, m.media, COALESCE(m.sent_at, m.created_at) AS at
         FROM conversation_messages m
         LEFT JOIN customer_identities i ON i.id = m.identity_id
        WHERE m.customer_id = $1 AND (m.text <> '' OR m.media IS NOT NULL)
          AND ((m.direction = 'inbound' AND m.arrival < $2)
               OR (m.direction = 'outbound' AND m.status IN ('sent', 'delivered', 'read')))
          AND CASE WHEN $4::uuid IS NOT NULL THEN m.identity_id = $4::uuid
                   ELSE (i.id IS NULL OR NOT (i.channel = ANY($5) AND i.linked <> 'explicit')) END
        ORDER BY m.arrival DESC
        LIMIT $3`,
    [customerId, beforeArrival, limit, ownOnly, [...SPOOFABLE_CHANNELS]],
  );
  return rows.reverse().map((row) => ({
    role: row.direction === 'inbound' ? 'customer' : 'agent',
    channel: row.channel,
    text: describeMessage(row.text, row.media),
    at: new Date(row.at).toISOString(),
  }));
}
