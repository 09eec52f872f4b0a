import {
  BadRequestException,
  ConflictException,
  Injectable,
  Logger,
  NotFoundException,
  UnprocessableEntityException,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import type { GatewayEnv } from '@voca/config';
import {
  TOOL_TIMEOUT_MS,
  type ToolBody,
  type ToolCreatedView,
  type ToolListView,
  type ToolView,
} from '@voca/contracts';
import { OutboundHttpClient } from '@voca/outbound-http';
import { Agent, AgentTool, auditAgentChange } from '@voca/persistence';
import { credentialCipherFrom, newEventSecret, toolSecretBinding, type CredentialCipher } from '@voca/secrets';
import { intentOf, ToolSchemas, ToolSchemaError } from '@voca/tools';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { writableAgent, visibleAgent } from '../agents/agent-access.js';
import { actorOf } from '../auth/actor.js';
import type { Principal } from '../auth/principal.js';
import { fieldError } from '../http/field-errors.js';
import { checkVendorUrl } from '../http/vendor-url.js';

/** What a PUT did: registered the tool (201, its secret shown), or replaced the one of that name (200). */
export type PutResult = { outcome: 'created'; view: ToolCreatedView } | { outcome: 'replaced'; view: ToolView };

/** Who asks, and under which request: what the audit trail carries. */
interface Requester {
  principal: Principal;
  requestId: string;
}

/**
 * An agent's tools: the backend's functions the agent may call mid-conversation, registered with a signing secret
 * shown once, replaced whole, listed and deleted. Each change is one transaction with its audit line; the schema and
 * the URL are checked before it.
 */
@Injectable()
export class AgentTools {
  private readonly logger = new Logger(AgentTools.name);
  private readonly cipher: CredentialCipher;
  private readonly schemas = new ToolSchemas();
  private readonly maxPerAgent: number;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly outbound: OutboundHttpClient,
    config: ConfigService<GatewayEnv, true>,
  ) {
    this.cipher = credentialCipherFrom(config);
    this.maxPerAgent = config.get('TOOLS_MAX_PER_AGENT', { infer: true });
  }

  async list(agentId: string, principal: Principal): Promise<ToolListView> {
    await visibleAgent(this.db.manager, agentId, principal);
    const tools = await this.db.getRepository(AgentTool).find({ where: { agentId }, order: { name: 'ASC' } });
    return { items: tools.map(toolView) };
  }

  async get(agentId: string, name: string, principal: Principal): Promise<ToolView> {
    await visibleAgent(this.db.manager, agentId, principal);
    const tool = await this.db.getRepository(AgentTool).findOneBy({ agentId, name });
    if (!tool) throw new NotFoundException(`the agent has no tool named ${name}`);
    return toolView(tool);
  }

  /** A new tool (POST); 409 when the agent has one of that name. */
  async register(agentId: string, body: ToolBody, by: Requester): Promise<ToolCreatedView> {
    await visibleAgent(this.db.manager, agentId, by.principal);
    const name = body.name;
    if (name === undefined)
      throw new BadRequestException(fieldError('name', 'is required: the name the model calls the tool by'));
    await this.check(body);
    const created = await this.db.transaction(async (tx) => {
      const agent = await writableAgent(tx, agentId, by.principal, 'tools');
      await lockToolsOf(tx, agentId);
      if (await tx.existsBy(AgentTool, { agentId, name }))
        throw new ConflictException(
          `the agent has a tool named ${name} already: PUT /api/v1/agents/${agentId}/tools/${name} replaces it`,
        );
      return this.add(tx, agent, name, body, by);
    });
    this.logger.log({ agentId, toolId: created.id, name }, 'tool registered');
    return created;
  }

  /**
   * The whole tool of that name (PUT): fields absent take their defaults, the id and the signing secret stay. A tool
   * not there yet is registered, with a new secret.
   */
  async put(agentId: string, name: string, body: ToolBody, by: Requester): Promise<PutResult> {
    await visibleAgent(this.db.manager, agentId, by.principal);
    if (body.name !== undefined && body.name !== name)
      throw new BadRequestException(fieldError('name', `must be the tool's name in the path (${name}), or absent`));
    await this.check(body);
    const done = await this.db.transaction(async (tx) => {
      const agent = await writableAgent(tx, agentId, by.principal, 'tools');
      await lockToolsOf(tx, agentId);
      const existing = await tx.findOneBy(AgentTool, { agentId, name });
      if (!existing) return { outcome: 'created' as const, view: await this.add(tx, agent, name, body, by) };
      const replaced = await tx.save(Object.assign(existing, fieldsOf(body)));
      await auditAgentChange(tx, {
        agentId,
        action: 'tool_replaced',
        actor: actorOf(by.principal),
        requestId: by.requestId,
        details: { tool_id: replaced.id, name },
      });
      return { outcome: 'replaced' as const, view: toolView(replaced) };
    });
    this.logger.log(
      { agentId, toolId: done.view.id, name },
      done.outcome === 'created' ? 'tool registered' : 'tool replaced',
    );
    return done;
  }

  async remove(agentId: string, name: string, by: Requester): Promise<void> {
    await visibleAgent(this.db.manager, agentId, by.principal);
    const toolId = await this.db.transaction(async (tx) => {
      const [deleted] = (await tx.query(`DELETE FROM agent_tools WHERE agent_id = $1 AND name = $2 RETURNING id`, [
        agentId,
        name,
      ])) as [{ id: string }[], number];
      const tool = deleted[0];
      if (!tool) throw new NotFoundException(`the agent has no tool named ${name}`);
      await auditAgentChange(tx, {
        agentId,
        action: 'tool_deleted',
        actor: actorOf(by.principal),
        requestId: by.requestId,
        details: { tool_id: tool.id, name },
      });
      return tool.id;
    });
    this.logger.log({ agentId, toolId, name }, 'tool deleted');
  }

  /** Registers a tool with a new signing secret, sealed and bound to the tool; 422 past TOOLS_MAX_PER_AGENT. */
  private async add(
    tx: EntityManager,
    agent: Agent,
    name: string,
    body: ToolBody,
    by: Requester,
  ): Promise<ToolCreatedView> {
    const tools = await tx.countBy(AgentTool, { agentId: agent.id });
    if (tools >= this.maxPerAgent)
      throw new UnprocessableEntityException(
        `the agent has ${tools} tools, as many as TOOLS_MAX_PER_AGENT allows: delete one first`,
      );
    const id = randomUUID();
    const secret = newEventSecret();
    const tool = await tx.save(
      tx.create(AgentTool, {
        id,
        agentId: agent.id,
        vendorId: agent.vendorId,
        name,
        ...fieldsOf(body),
        secretCiphertext: this.cipher.encrypt({ secret }, toolSecretBinding(id)),
        createdBy: actorOf(by.principal),
      }),
    );
    // The tool, never its secret.
    await auditAgentChange(tx, {
      agentId: agent.id,
      action: 'tool_registered',
      actor: actorOf(by.principal),
      requestId: by.requestId,
      details: { tool_id: id, name },
    });
    return { ...toolView(tool), signing_secret: secret };
  }

  /** What the validation pipe cannot check: a schema ajv compiles for an object, a URL outside the engine's network. */
  private async check(body: ToolBody): Promise<void> {
    try {
      this.schemas.compile(body.parameters);
    } catch (error) {
      if (error instanceof ToolSchemaError) throw new BadRequestException(fieldError('parameters', error.message));
      throw error;
    }
    await checkVendorUrl(this.outbound, body.url);
  }
}

/** Registering tools (and counting them) one request at a time per agent. */
async function lockToolsOf(tx: EntityManager, agentId: string): Promise<void> {
  await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`tools:${agentId}`]);
}

/** The tool as the body describes it, each field absent at its default. */
function fieldsOf(body: ToolBody) {
  return {
    description: body.description,
    parameters: body.parameters,
    url: body.url,
    timeoutMs: body.timeout_ms ?? TOOL_TIMEOUT_MS.default,
    channels: body.channels ?? null,
    requiresConfirmation: body.requires_confirmation ?? false,
    handoffOnFailure: body.handoff_on_failure ?? false,
    intent: body.intent ?? null,
  } satisfies Partial<AgentTool>;
}

export function toolView(tool: AgentTool): ToolView {
  return {
    id: tool.id,
    agent_id: tool.agentId,
    name: tool.name,
    description: tool.description,
    parameters: tool.parameters,
    url: tool.url,
    timeout_ms: tool.timeoutMs,
    channels: tool.channels,
    requires_confirmation: tool.requiresConfirmation,
    handoff_on_failure: tool.handoffOnFailure,
    intent: intentOf(tool),
    created_at: tool.createdAt.toISOString(),
    updated_at: tool.updatedAt.toISOString(),
  };
}
