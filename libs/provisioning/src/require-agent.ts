import { Agent } from '@voca/persistence';
import { UnrecoverableError } from 'bullmq';
import type { EntityManager } from 'typeorm';

/** The agent a step works on; its absence (deleted meanwhile) is an error no retry can fix. */
export async function requireAgent(manager: EntityManager, agentId: string): Promise<Agent> {
  const agent = await manager.findOneBy(Agent, { id: agentId });
  if (!agent) throw new UnrecoverableError(`agent ${agentId} no longer exists`);
  return agent;
}
