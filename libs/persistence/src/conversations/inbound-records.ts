import { isConnectChannel, type AgentStatus, type InboundMessageEvent } from '@voca/contracts';
import type { DataSource } from 'typeorm';
import { ConversationMessage } from '../entities/conversation-message.entity.js';
import { preparedQuery } from '../prepared-query.js';

/*
 * How the gateway's webhooks record a customer's message in `conversation_messages` (context-service's table): once
 * per platform message, `received`, for the inbound job to take on.
 */

export interface RecordedInbound {
  agentId: string;
  agentStatus: AgentStatus;
  /** The new message's id; undefined when the platform delivered it before (the unique platform id held). */
  messageId?: string;
}

/**
 * Routes a delivered message to the agent whose active channel holds the business-side id (the platform account, or
 * the number dialed) and stores it once, in one statement and one round trip: the webhooks' hot path. Undefined when
 * no active channel holds the id.
 */
export async function routeAndRecord(
  db: DataSource,
  event: InboundMessageEvent,
  replyDeadlineAt: Date | undefined,
): Promise<RecordedInbound | undefined> {
  const routedBy = isConnectChannel(event.channel) ? 'phone_number' : 'external_account_id';
  const rows = await preparedQuery<{ agent_id: string; agent_status: AgentStatus; message_id: string | null }>(
    db,
    `route-and-record-by-${routedBy}`,
    ROUTE_AND_RECORD[routedBy],
    [
      event.channel,
      event.businessAccountId,
      event.sender.id,
      event.sender.name ?? null,
      event.sender.phone ?? null,
      event.platformMessageId,
      event.text,
      replyDeadlineAt ?? null,
      new Date(event.sentAt),
      event.media ? JSON.stringify(event.media) : null,
    ],
  );
  const [row] = rows;
  return row
    ? { agentId: row.agent_id, agentStatus: row.agent_status, messageId: row.message_id ?? undefined }
    : undefined;
}

/** Stores a message for an agent its source named (the Connect flow, the generic webhook), once. */
export async function recordInboundFor(
  db: DataSource,
  agent: { id: string; status: AgentStatus },
  event: InboundMessageEvent,
  replyDeadlineAt: Date | undefined,
): Promise<RecordedInbound> {
  const inserted = await db
    .createQueryBuilder()
    .insert()
    .into(ConversationMessage)
    .values({
      agentId: agent.id,
      channel: event.channel,
      direction: 'inbound',
      businessAccountId: event.businessAccountId,
      counterpartId: event.sender.id,
      counterpartName: event.sender.name ?? null,
      counterpartPhone: event.sender.phone ?? null,
      platformMessageId: event.platformMessageId,
      text: event.text,
      media: event.media ?? null,
      status: 'received',
      replyDeadlineAt: replyDeadlineAt ?? null,
      sentAt: new Date(event.sentAt),
    })
    .orIgnore()
    .returning(['id'])
    .execute();
  return { agentId: agent.id, agentStatus: agent.status, messageId: inserted.raw[0]?.id };
}

const routeAndRecordBy = (routedBy: 'phone_number' | 'external_account_id') =>
  `WITH target AS (
     SELECT a.id, a.status FROM agent_channels c JOIN agents a ON a.id = c.agent_id
      WHERE c.channel = $1 AND c.${routedBy} = $2 AND c.status = 'active'
      LIMIT 1
   ), inserted AS (
     INSERT INTO conversation_messages
       (agent_id, channel, direction, business_account_id, counterpart_id, counterpart_name, counterpart_phone,
        platform_message_id, text, status, reply_deadline_at, sent_at, media)
     SELECT target.id, $1, 'inbound', $2, $3, $4, $5, $6, $7, 'received', $8, $9, $10::jsonb FROM target
     ON CONFLICT DO NOTHING
     RETURNING id
   )
   SELECT target.id AS agent_id, target.status AS agent_status, inserted.id AS message_id FROM target LEFT JOIN inserted ON true`;

const ROUTE_AND_RECORD = {
  phone_number: routeAndRecordBy('phone_number'),
  external_account_id: routeAndRecordBy('external_account_id'),
};
