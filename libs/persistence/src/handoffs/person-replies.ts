import type { EntityManager } from 'typeorm';
import { ConversationMessage } from '../entities/conversation-message.entity.js';
import { Handoff } from '../entities/handoff.entity.js';

/*
 * What a person at the backend does to a hand-off through the gateway's routes: answers the customer, and hands the
 * conversation back to the agent. The tables are context-service's, which opens hand-offs and sends replies.
 */

/**
 * Records a person's reply to the customer's latest message on the hand-off's channel, `pending` until the
 * context-service sends it, in the caller's transaction.
 */
export function recordPersonReply(
  tx: EntityManager,
  handoff: Pick<Handoff, 'agentId' | 'customerId' | 'channel'>,
  inbound: Pick<ConversationMessage, 'identityId' | 'businessAccountId' | 'counterpartId' | 'counterpartName'>,
  text: string,
  author: string,
): Promise<ConversationMessage> {
  return tx.save(
    tx.create(ConversationMessage, {
      agentId: handoff.agentId,
      customerId: handoff.customerId,
      identityId: inbound.identityId,
      channel: handoff.channel,
      direction: 'outbound',
      businessAccountId: inbound.businessAccountId,
      counterpartId: inbound.counterpartId,
      counterpartName: inbound.counterpartName,
      inReplyTo: null,
      text,
      handoff: true,
      status: 'pending',
      author,
    }),
  );
}

/** A person's reply that never reached the queue is never sent: it fails, so the person sends it again. */
export async function failUnqueuedReply(manager: EntityManager, replyId: string): Promise<void> {
  await manager.update(
    ConversationMessage,
    { id: replyId, status: 'pending' },
    { status: 'failed', error: 'could not be queued' },
  );
}

/** Hands the conversation back to the agent: the hand-off is resolved by `resolvedBy`, now. */
export async function resolveHandoff(tx: EntityManager, handoff: Handoff, resolvedBy: string): Promise<void> {
  handoff.state = 'resolved';
  handoff.resolvedAt = new Date();
  handoff.resolvedBy = resolvedBy;
  await tx.update(Handoff, { id: handoff.id }, { state: 'resolved', resolvedAt: handoff.resolvedAt, resolvedBy });
}
