import type { AgentStatus } from '@voca/contracts';
import type { EntityManager } from 'typeorm';
import { AgentEvent } from '../entities/agent-event.entity.js';
import { recordEvent } from './record-event.js';

export interface AgentChange {
  agentId: string;
  /**
   * created, updated, start, stop, pause, resume, delete, deleted, provisioned, webhook_key_rotated,
   * knowledge_uploaded, knowledge_deleted, tool_registered, tool_replaced, tool_deleted.
   */
  action: string;
  fromStatus?: AgentStatus | null;
  toStatus?: AgentStatus | null;
  actor: string;
  requestId?: string | null;
  details?: Record<string, unknown>;
}

/**
 * Writes a line of the agent's audit trail in the caller's transaction; a change of status is also an
 * `agent.status_changed` event for the backend's endpoints. Call it after the transaction's other writes to the agent.
 */
export async function auditAgentChange(tx: EntityManager, change: AgentChange): Promise<void> {
  await tx.save(
    tx.create(AgentEvent, {
      agentId: change.agentId,
      action: change.action,
      fromStatus: change.fromStatus ?? null,
      toStatus: change.toStatus ?? null,
      actor: change.actor,
      requestId: change.requestId ?? null,
      details: change.details ?? {},
    }),
  );
  if (change.toStatus && change.toStatus !== change.fromStatus) {
    await recordEvent(tx, {
      type: 'agent.status_changed',
      agentId: change.agentId,
      data: { from: change.fromStatus ?? null, to: change.toStatus, action: change.action, actor: change.actor },
    });
  }
}
