import type { EventType } from '@voca/contracts';
import type { EntityManager } from 'typeorm';

export interface NewEvent {
  type: EventType;
  agentId: string;
  data: Record<string, unknown>;
}

/**
 * Records an event in the caller's transaction, with a delivery for every endpoint that wants it (none wanting it,
 * nothing is written), so the event exists exactly when the change it reports is committed. The agent's row is
 * locked first (FOR NO KEY UPDATE: what updating it takes, so callers that changed the agent already hold it), which
 * makes an agent's events' `seq` follow commit order: its deliveries go out in the order things happened.
 */
export async function recordEvent(tx: EntityManager, event: NewEvent): Promise<void> {
  const [agent] = (await tx.query(`SELECT vendor_id FROM agents WHERE id = $1 FOR NO KEY UPDATE`, [event.agentId])) as {
    vendor_id: string;
  }[];
  if (!agent) return;
  await tx.query(
    `WITH endpoints AS (
       SELECT id FROM event_endpoints WHERE (vendor_id IS NULL OR vendor_id = $2) AND $3 = ANY(event_types)
     ), event AS (
       INSERT INTO events (type, vendor_id, agent_id, data)
       SELECT $3, $2, $1, $4::jsonb WHERE EXISTS (SELECT 1 FROM endpoints)
       RETURNING id, seq
     )
     INSERT INTO event_deliveries (endpoint_id, event_id, agent_id, seq)
     SELECT endpoints.id, event.id, $1, event.seq FROM event, endpoints`,
    [event.agentId, agent.vendor_id, event.type, JSON.stringify(event.data)],
  );
}
