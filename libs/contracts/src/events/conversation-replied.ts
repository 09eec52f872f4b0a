/**
 * Published on Redis pub/sub when an agent's reply to a message is recorded. A gateway holding that message's
 * webhook open (the Connect Lambda, the generic webhook) answers with it.
 */
export const CONVERSATION_REPLIED_PATTERN = 'conversation.replied';

export interface ConversationRepliedEvent {
  inboundMessageId: string;
  text: string;
  handoff: boolean;
}
