import { Injectable, NotFoundException } from '@nestjs/common';
import type { ListAgentsQuery } from './list-agents.query.js';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AgentCharacterView, AgentKnowledgeView, AgentView } from '@voca/contracts';
import {
  Agent,
  AgentChannelStore,
  AgentCharacter,
  channelView,
  sortChannels,
  type AgentChannel,
} from '@voca/persistence';
import { DataSource } from 'typeorm';
import { canSee } from '../auth/vendor-scope.js';
import { agentKnowledgeOf } from '../knowledge/agent-knowledge.js';
import { offsetPage } from '../http/offset-page.js';
import type { Principal } from '../auth/principal.js';
import { DEFAULT_PAGE } from '../http/page-limit.query.js';

/** Reads agents in the shape the API returns them. */
@Injectable()
export class AgentViews {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly channels: AgentChannelStore,
  ) {}

  async get(agentId: string, principal: Principal): Promise<AgentView> {
    const agent = await this.visibleAgent(agentId, principal);
    const channels = await this.channels.of(agentId);
    const knowledge = await agentKnowledgeOf(this.db, [agent]);
    return this.viewOf(agent, channels, knowledge.get(agent.id)!);
  }

  /** A page of agents the caller may see, newest first, with the total matching the filters. */
  async list(principal: Principal, query: ListAgentsQuery) {
    if (principal.kind === 'vendor' && query.vendor_id && query.vendor_id !== principal.vendorId) {
      throw new NotFoundException(`vendor ${query.vendor_id} not found`);
    }
    const skip = query.skip ?? 0;
    const limit = query.limit ?? DEFAULT_PAGE;
    const builder = this.db
      .getRepository(Agent)
      .createQueryBuilder('agent')
      .orderBy('agent.createdAt', 'DESC')
      .addOrderBy('agent.id', 'ASC')
      .skip(skip)
      .take(limit);
    const vendorId = principal.kind === 'vendor' ? principal.vendorId : query.vendor_id;
    if (vendorId) builder.andWhere('agent.vendorId = :vendorId', { vendorId });
    if (query.status) builder.andWhere('agent.status = :status', { status: query.status });
    else builder.andWhere('agent.status <> :deleted', { deleted: 'deleted' });
    if (query.business_type)
      builder.andWhere('agent.businessType = :businessType', { businessType: query.business_type });
    if (query.channel) {
      builder.andWhere('EXISTS (SELECT 1 FROM agent_channels c WHERE c.agent_id = agent.id AND c.channel = :channel)', {
        channel: query.channel,
      });
    }
    const [agents, total] = await builder.getManyAndCount();
    const channels = agents.length ? await this.channels.ofAgents(agents.map((agent) => agent.id)) : [];
    const knowledge = await agentKnowledgeOf(this.db, agents);
    const items = agents.map((agent) =>
      this.viewOf(
        agent,
        channels.filter((channel) => channel.agentId === agent.id),
        knowledge.get(agent.id)!,
      ),
    );
    return offsetPage(items, total, { skip, limit });
  }

  private viewOf(agent: Agent, channels: AgentChannel[], knowledge: AgentKnowledgeView): AgentView {
    const view: AgentView = {
      id: agent.id,
      vendor_id: agent.vendorId,
      name: agent.name,
      business_type: agent.businessType,
      status: agent.status,
      channels: sortChannels(channels).map(channelView),
      provisioning_complete: agent.status !== 'provisioning',
      version: agent.version,
      character_config: agent.characterConfig,
      context: agent.context,
      knowledge,
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
    return {
      agent_id: agentId,
      version: latest.version,
      character: latest.character,
      created_at: latest.createdAt.toISOString(),
    };
  }

  private async visibleAgent(agentId: string, principal: Principal): Promise<Agent> {
    const agent = await this.db.getRepository(Agent).findOneBy({ id: agentId });
    if (!agent || !canSee(principal, agent.vendorId)) throw new NotFoundException(`agent ${agentId} not found`);
    return agent;
  }
}
