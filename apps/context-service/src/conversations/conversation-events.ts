import type { EventType } from '@voca/contracts';
import { recordEvent, type ConversationMessage } from '@voca/persistence';
import type { EntityManager } from 'typeorm';

/**
 * Records a `conversation.handoff` or `message.follow_up` event about a customer's message, in the transaction that
 * changed it: who wrote, on which channel, what, and (when there is one) the reply and why a person is needed.
 */
export function recordConversationEvent(
  tx: EntityManager,
  type: Extract<EventType, 'conversation.handoff' | 'message.follow_up'>,
  message: ConversationMessage,
  details: { reason: string; status: string; reply?: ConversationMessage },
): Promise<void> {
  return recordEvent(tx, {
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
