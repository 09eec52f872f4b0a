import type { Channel, DeliveryStatusEvent, InboundMedia } from '@voca/contracts';
import { In, type EntityManager } from 'typeorm';
import { ConversationMessage } from '../entities/conversation-message.entity.js';
import type { CustomerIdentity } from '../entities/customer-identity.entity.js';

/** Where a customer's message goes once tied to its customer. */
export type ResolvedStatus = 'queued' | 'held' | 'follow_up';

/** The message a turn answers, claimed for it, with the identity it came from (what the agent may see). */
export interface ClaimedTurn {
  id: string;
  agent_id: string;
  channel: Channel;
  counterpart_name: string | null;
  text: string;
  media: InboundMedia[] | null;
  arrival: string;
  viewer_id: string | null;
  viewer_channel: Channel | null;
  viewer_linked: CustomerIdentity['linked'] | null;
  reply_deadline_at: Date | null;
}

/** A reply about to be recorded: the agent's answer to an inbound message. */
export interface NewReply {
  text: string;
  handoff: boolean;
  citations: ConversationMessage['citations'];
}

/** Later states of a sent reply; a status never goes back (Meta's receipts may arrive out of order). */
const DELIVERY_RANK: Record<string, number> = { pending: 0, sending: 1, unknown: 1, sent: 2, delivered: 3, read: 4 };

/**
 * The states a reply can move to `status` from: every earlier one. 'failed' overrides anything but 'read'; a later
 * receipt of the reply arriving after all overrides 'failed'.
 */
export function statesBefore(status: DeliveryStatusEvent['status']): string[] {
  const states = Object.keys(DELIVERY_RANK);
  if (status === 'failed') return states.filter((state) => state !== 'read');
  const rank = DELIVERY_RANK[status] ?? 0;
  return [...states.filter((state) => DELIVERY_RANK[state]! < rank), ...(rank > 0 ? ['failed'] : [])];
}

/**
 * The conversation messages as the context-service (their owner) reads and writes them on the message path: each
 * statement named by what it does. Pass a transaction's EntityManager to read or write within it.
 */
export class ConversationMessages {
  constructor(private readonly db: EntityManager) {}

  byId(id: string): Promise<ConversationMessage | null> {
    return this.db.findOneBy(ConversationMessage, { id });
  }

  /** The message, locked until the transaction ends (it is being tied to its customer). */
  lockedById(id: string): Promise<ConversationMessage | null> {
    return this.db.findOne(ConversationMessage, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** A received message tied to its customer and identity, and where it goes from there. */
  async resolve(id: string, to: { customerId: string; identityId: string; status: ResolvedStatus }): Promise<void> {
    await this.db.update(ConversationMessage, { id }, to);
  }

  /** The agent's messages held while it was not answering, oldest first. */
  heldInbound(agentId: string): Promise<ConversationMessage[]> {
    return this.db.find(ConversationMessage, {
      where: { agentId, direction: 'inbound', status: 'held' },
      order: { arrival: 'ASC' },
    });
  }

  /** A held message let go (to be answered, or for a person); false when it was not held any more. */
  async releaseHeld(id: string, to: 'queued' | 'follow_up'): Promise<boolean> {
    const changed = await this.db.update(
      ConversationMessage,
      { id, status: 'held' },
      { status: to, replyDeadlineAt: null },
    );
    return (changed.affected ?? 0) > 0;
  }

  /** The reply the engine sent with this platform id on this channel. */
  sentReply(channel: Channel, platformMessageId: string): Promise<ConversationMessage | null> {
    return this.db.findOneBy(ConversationMessage, { channel, platformMessageId, direction: 'outbound' });
  }

  /**
   * A reply's delivery state moved forward (never back), in one conditional statement: two receipts of one reply
   * handled at once must not both read the old state and let the later write win. False when it was not behind.
   */
  async advanceDelivery(id: string, status: DeliveryStatusEvent['status'], error?: string): Promise<boolean> {
    const changed = await this.db.update(
      ConversationMessage,
      { id, status: In(statesBefore(status)) },
      { status, error: error ?? null },
    );
    return (changed.affected ?? 0) > 0;
  }

  /** The reply recorded for an inbound message, if there is one. */
  replyTo(inboundId: string): Promise<ConversationMessage | null> {
    return this.db.findOneBy(ConversationMessage, { inReplyTo: inboundId, direction: 'outbound' });
  }

  /** Records the agent's answer to an inbound message as the conversation's next message, pending delivery. */
  recordReply(inbound: ConversationMessage, reply: NewReply): Promise<ConversationMessage> {
    return this.db.save(ConversationMessage, {
      agentId: inbound.agentId,
      customerId: inbound.customerId,
      identityId: inbound.identityId,
      channel: inbound.channel,
      direction: 'outbound' as const,
      businessAccountId: inbound.businessAccountId,
      counterpartId: inbound.counterpartId,
      counterpartName: inbound.counterpartName,
      inReplyTo: inbound.id,
      text: reply.text,
      handoff: reply.handoff,
      citations: reply.citations,
      status: 'pending' as const,
    });
  }

  /** An inbound message's turn ended: answered, or failed (the agent could not answer), and whether a person is due. */
  async endTurn(id: string, end: { status: 'answered' | 'failed'; handoff: boolean; error: string | null }) {
    await this.db.update(ConversationMessage, { id }, end);
  }

  /**
   * A reply whose turn can no longer end well: `failed` if it was never sent, `unknown` if its send may have gone out
   * (never sent twice).
   */
  async closeOpenReply(reply: ConversationMessage, reason: string): Promise<void> {
    await this.db.update(
      ConversationMessage,
      { id: reply.id, status: In(['pending', 'sending']) },
      { status: reply.status === 'pending' ? 'failed' : 'unknown', error: reason },
    );
  }

  /** A customer's message left for a person to follow up, with the reason. */
  async toFollowUp(id: string, reason: string): Promise<void> {
    await this.db.update(ConversationMessage, { id }, { status: 'follow_up', handoff: true, error: reason });
  }

  /** A reply taken for sending (`pending` to `sending`); false when another job took it, or it is no longer due. */
  async takeForSending(id: string): Promise<boolean> {
    const taken = await this.db.update(ConversationMessage, { id, status: 'pending' }, { status: 'sending' });
    return (taken.affected ?? 0) > 0;
  }

  /** A reply's delivery moved on from `from`; false when another job moved it first. */
  async moveDelivery(
    id: string,
    from: ConversationMessage['status'],
    changes: Partial<Pick<ConversationMessage, 'status' | 'error' | 'platformMessageId' | 'sentAt'>>,
  ): Promise<boolean> {
    const moved = await this.db.update(ConversationMessage, { id, status: from }, changes);
    return (moved.affected ?? 0) > 0;
  }

  /** A reply that was never sent (a person's, failed for good): the person sees it failed and why. */
  async failUnsent(id: string, error: string): Promise<void> {
    await this.db.update(
      ConversationMessage,
      { id, status: 'pending' },
      { status: 'failed', error: error.slice(0, 500) },
    );
  }

  /**
   * Marks the customer's earliest waiting message `answering`, with the identity it came from, unless a turn is
   * running or an earlier message of that conversation is not resolved yet; in one statement (call it under the
   * customer's turn lock), since every turn passes here twice.
   */
  async claimNextTurn(customerId: string): Promise<ClaimedTurn | undefined> {
    const rows: ClaimedTurn[] = await this.db.query(
      `WITH claimed AS (
         UPDATE conversation_messages m SET status = 'answering', updated_at = now()
          WHERE m.id = (SELECT id FROM conversation_messages
                         WHERE customer_id = $1 AND direction = 'inbound' AND status = 'queued'
                         ORDER BY arrival LIMIT 1)
            AND NOT EXISTS (SELECT 1 FROM conversation_messages r
                             WHERE r.customer_id = $1 AND r.direction = 'inbound' AND r.status = 'answering')
            AND NOT EXISTS (SELECT 1 FROM conversation_messages b
                             WHERE b.agent_id = m.agent_id AND b.channel = m.channel AND b.counterpart_id = m.counterpart_id
                               AND b.direction = 'inbound' AND b.status = 'received' AND b.arrival < m.arrival)
         RETURNING m.id, m.agent_id, m.channel, m.counterpart_name, m.text, m.media, m.arrival, m.identity_id,
                   m.reply_deadline_at
       )
       SELECT c.id, c.agent_id, c.channel, c.counterpart_name, c.text, c.media, c.arrival, c.reply_deadline_at,
              i.id AS viewer_id, i.channel AS viewer_channel, i.linked AS viewer_linked
         FROM claimed c LEFT JOIN customer_identities i ON i.id = c.identity_id`,
      [customerId],
    );
    return rows[0];
  }
}
