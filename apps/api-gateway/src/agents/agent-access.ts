import { ConflictException, NotFoundException } from '@nestjs/common';
import { Agent } from '@voca/persistence';
import type { EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal.js';
import { canSee } from '../auth/vendor-scope.js';

/** The agent if the token may see it; 404 otherwise (another vendor's agent is not found either). */
export async function visibleAgent(db: EntityManager, agentId: string, principal: Principal): Promise<Agent> {
  const agent = await db.findOneBy(Agent, { id: agentId });
  if (!agent || !canSee(principal, agent.vendorId)) throw new NotFoundException(`agent ${agentId} not found`);
  return agent;
}

/**
 * The agent a sub-resource (a document, a tool) is written for, kept from being removed until the transaction ends;
 * 409 while it is being deleted. `takes` names what it would not take ("documents", "tools").
 */
export async function writableAgent(
  tx: EntityManager,
  agentId: string,
  principal: Principal,
  takes: string,
): Promise<Agent> {
  const agent = await tx.findOne(Agent, { where: { id: agentId }, lock: { mode: 'for_key_share' } });
  if (!agent || !canSee(principal, agent.vendorId)) throw new NotFoundException(`agent ${agentId} not found`);
  if (agent.status === 'deleting' || agent.status === 'deleted')
    throw new ConflictException(`agent ${agentId} is ${agent.status}: it takes no ${takes}`);
  return agent;
}
