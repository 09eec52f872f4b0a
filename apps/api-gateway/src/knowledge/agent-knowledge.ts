import type { AgentKnowledgeView } from '@voca/contracts';
import type { Agent } from '@voca/persistence';
import type { DataSource } from 'typeorm';
import { awaitingUpload } from './awaiting-upload.js';

/** What each agent's view tells of its documents: how many, and which files its profile names still await one. */
export async function agentKnowledgeOf(
  db: DataSource,
  agents: Pick<Agent, 'id' | 'characterConfig'>[],
): Promise<Map<string, AgentKnowledgeView>> {
  const rows: { agent_id: string; documents: number; answering: string[] }[] = agents.length
    ? await db.query(
        `SELECT agent_id, count(*)::int AS documents,
                coalesce(array_agg(name) FILTER (WHERE current_version IS NOT NULL), '{}') AS answering
           FROM knowledge_documents WHERE agent_id = ANY($1::uuid[]) GROUP BY agent_id`,
        [agents.map((agent) => agent.id)],
      )
    : [];
  const byAgent = new Map(rows.map((row) => [row.agent_id, row]));
  return new Map(
    agents.map((agent) => {
      const row = byAgent.get(agent.id);
      return [
        agent.id,
        {
          documents: row?.documents ?? 0,
          awaiting_upload: awaitingUpload(agent.characterConfig.knowledge_base, new Set(row?.answering ?? [])),
        },
      ];
    }),
  );
}
