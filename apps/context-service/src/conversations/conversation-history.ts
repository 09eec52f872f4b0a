import type { ConversationTurn } from '@voca/contracts';
import type { EntityManager } from 'typeorm';

/**
 * A customer's latest turns across every channel, oldest first, up to a message: what the agent sees of the
 * conversation so far. Only turns that were said (answered inbound messages and sent replies) count.
 */
export async function conversationHistory(
  tx: EntityManager,
  customerId: string,
  beforeArrival: string,
  limit: number,
): Promise<ConversationTurn[]> {
  const rows: { direction: 'inbound' | 'outbound'; channel: ConversationTurn['channel']; text: string; at: Date }[] =
    await tx.query(
      `SELECT direction, channel, text, COALESCE(sent_at, created_at) AS at
         FROM conversation_messages
        WHERE customer_id = $1 AND arrival < $2 AND text <> ''
          AND (direction = 'inbound' OR status IN ('sent', 'delivered', 'read'))
        ORDER BY arrival DESC
        LIMIT $3`,
      [customerId, beforeArrival, limit],
    );
  return rows.reverse().map((row) => ({
    role: row.direction === 'inbound' ? 'customer' : 'agent',
    channel: row.channel,
    text: row.text,
    at: new Date(row.at).toISOString(),
  }));
}
