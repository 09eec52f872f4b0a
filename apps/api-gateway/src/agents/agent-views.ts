import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AgentCharacterView, AgentView } from '@voca/contracts';
import { Agent, AgentChannel, AgentCharacter, channelView, sortChannels } from '@voca/persistence';
import { DataSource } from 'typeorm';
import { canSee } from '../auth/vendor-scope.js';
import type { Principal } from '../auth/principal.js';

/** Reads agents in the shape the API returns them. */
@Injectable()
export class AgentViews {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async get(agentId: string, principal: Principal): Promise<AgentView> {
    const agent = await this.visibleAgent(agentId, principal);
    const channels = await this.db.getRepository(AgentChannel).findBy({ agentId });
    const view: AgentView = {
      id: agent.id,
      vendor_id: agent.vendorId,
      name: agent.name,
      business_type: agent.businessType,
      status: agent.status,
      channels: sortChannels(channels).map(channelView),
      provisioning_complete: agent.status !== 'provisioning',
      character_config: agent.characterConfig,
      context: agent.context,
      created_at: agent.createdAt.toISOString(),
      updated_at: agent.updatedAt.toISOString(),
    };
    if (agent.description !== null) view.description = agent.description;
    return view;
  }

  /** The agent's latest ElizaOS character; 404 until its social channels have been provisioned. */
  async character(agentId: string, principal: Principal): Promise<AgentCharacterView> {
    await this.visibleAgent(agentId, principal);
    const latest = await this.db
      .getRepository(AgentCharacter)
      .findOne({ where: { agentId }, order: { version: 'DESC' } });
    if (!latest) throw new NotFoundException(`agent ${agentId} has no character yet`);
    return { agent_id: agentId, version: latest.version, character: latest.character, created_at: latest.createdAt.toISOString() };
  }

  private async visibleAgent(agentId: string, principal: Principal): Promise<Agent> {
    const agent = await this.db.getRepository(Agent).findOneBy({ id: agentId });
    if (!agent || !canSee(principal, agent.vendorId)) throw new NotFoundException(`agent ${agentId} not found`);
    return agent;
  }
}
