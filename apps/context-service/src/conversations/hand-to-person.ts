import type { EventType } from '@voca/contracts';
import { openHandoff, recordEvent, type ConversationMessage } from '@voca/persistence';
import type { EntityManager } from 'typeorm';

/**
 * A customer's message needs a person: their conversation goes to the hand-off inbox (a `conversation.handoff` holds
 * the agent back from the customer until a person resolves it; a `message.follow_up` does not) and the event tells
 * the backend, in the transaction that changed the
 * message: who wrote, on which channel, what, and (when there is one) the reply and why a person is needed.
 */
export async function handToPerson(
  tx: EntityManager,
  type: Extract<EventType, 'conversation.handoff' | 'message.follow_up'>,
  message: ConversationMessage,
  details: { reason: string; status: string; reply?: ConversationMessage },
): Promise<void> {
  await openHandoff(tx, message, type === 'conversation.handoff' ? 'handoff' : 'follow_up', details.reason);
  await recordEvent(tx, {
    type,
    agentId: message.agentId,
    data: {
      customer_id: message.customerId,
      channel: message.channel,
      message_id: message.id,
      text: message.text,
      status: details.status,
      reason: details.reason,
      ...(details.reply ? { reply: { message_id: details.reply.id, text: details.reply.text } } : {}),
    },
  });
}
