import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  NotFoundException,
  Param,
  Post,
  Put,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBody,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import {
  AGENT_ACTIONS,
  AgentView,
  ProvisioningAcceptedView,
  UpdateAgentRequestDto,
  type AgentAction,
} from '@voca/contracts';
import type { Request, Response } from 'express';
import { AgentViews } from '../agents/agent-views.js';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import type { Principal } from '../auth/principal.js';
import { ApiBearerRoutes, ApiError, ApiIdParam, ApiJsonBody } from '../http/api-docs.js';
import { etagOf, expectedVersion } from '../http/etag.js';
import { DEFAULT_PAGE } from '../http/page-limit.query.js';
import { uuidParam } from '../http/uuid-param.js';
import { AgentLifecycle } from './agent-lifecycle.service.js';
import { AgentUpdates } from './agent-updates.service.js';
import { ListAuditQuery } from './list-audit.query.js';
import { AgentAuditView, UpdateAgentResultView } from './lifecycle.views.js';

const SUMMARIES: Record<AgentAction, string> = {
  start: 'Start a stopped agent: it answers again',
  stop: 'Stop the agent: it stops answering and its runtimes are unloaded on every replica',
  pause: 'Pause the agent (e.g. a holiday): messages are recorded, not answered; callers hear the closed message',
  resume: 'Resume a paused agent: what came in meanwhile is answered within the reply window, or marked for follow-up',
};

@ApiTags('agents')
@ApiBearerRoutes()
@ApiIdParam('id', 'agent')
@Controller('api/v1/agents/:id')
export class LifecycleController {
  constructor(
    private readonly lifecycle: AgentLifecycle,
    private readonly agents: AgentViews,
    private readonly updates: AgentUpdates,
  ) {}

  @Put()
  @ApiOperation({
    summary:
      "Change the name, status (the spec's {name, status}), profile, channels or credentials. A change that affects channels answers 202 with the operation that provisions the difference; a change of name, status or credentials alone is immediate (200). Send the version you read (body or If-Match) to refuse a stale write with 409.",
  })
  @ApiHeader({
    name: 'If-Match',
    required: false,
    description: 'The ETag of the agent as read (its version)',
    example: '"3"',
  })
  @ApiBody({
    type: UpdateAgentRequestDto,
    examples: {
      spec: { summary: "The spec's update", value: { name: 'Updated Agent Name', status: 'paused' } },
      credentials: {
        summary: 'Give a waiting channel its account',
        value: { channel_credentials: { whatsapp: { phone_number_id: '106540352242922', access_token: 'EAAG...' } } },
      },
      optimistic: {
        summary: 'A profile change based on the version read',
        value: { version: 3, character_config: { tone: 'professional_friendly' } },
      },
    },
  })
  @ApiOkResponse({ type: UpdateAgentResultView })
  @ApiAcceptedResponse({ type: UpdateAgentResultView })
  @ApiJsonBody('The body is not valid JSON, changes nothing, or a field or If-Match is not valid (named in `fields`)')
  @ApiError(
    403,
    'The token grants neither the service role nor a vendor, or a platform account the vendor cannot prove it owns',
  )
  @ApiError(409, 'A stale version, an account another agent holds, or an agent that cannot change now')
  async update(
    @Param('id', uuidParam('id')) agentId: string,
    @Body() body: UpdateAgentRequestDto,
    @CurrentPrincipal() principal: Principal,
    @Headers('if-match') ifMatch: string | undefined,
    @Req() request: Request & { id: string },
    @Res({ passthrough: true }) response: Response,
  ): Promise<UpdateAgentResultView> {
    const version = expectedVersion(body.version, ifMatch);
    const outcome = await this.updates.update(agentId, { ...body, version }, principal, request.id);
    const agent = await this.agents.get(agentId, principal);
    response.setHeader('ETag', etagOf(agent.version));
    if (!outcome.operationId) return { agent };
    const statusUrl = `/api/v1/provisioning/${outcome.operationId}`;
    if (outcome.provisions) response.status(202);
    return { agent, provisioning_id: outcome.operationId, status_url: statusUrl };
  }

  @Post(':action')
  @HttpCode(200)
  @ApiParam({ name: 'action', schema: { type: 'string', enum: [...AGENT_ACTIONS], example: 'pause' } })
  @ApiOperation({
    summary: `Agent transitions: ${AGENT_ACTIONS.map((action) => `${action}: ${SUMMARIES[action]}`).join('. ')}`,
  })
  @ApiOkResponse({ type: AgentView })
  @ApiError(404, 'Unknown agent, or an action that does not exist')
  @ApiError(409, 'Not allowed in the current status; `allowed` lists what is')
  async act(
    @Param('id', uuidParam('id')) agentId: string,
    @Param('action') action: string,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request & { id: string },
  ): Promise<AgentView> {
    if (!(AGENT_ACTIONS as readonly string[]).includes(action)) {
      throw new NotFoundException(`agents have no action ${action}`);
    }
    await this.lifecycle.transition(agentId, action as AgentAction, principal, request.id);
    return this.agents.get(agentId, principal);
  }

  @Delete()
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Delete the agent: every resource it had goes (Connect flow, number back to the pool, runtimes), then it is deleted',
  })
  @ApiAcceptedResponse({ type: ProvisioningAcceptedView })
  @ApiError(409, 'Not allowed in the current status (e.g. while it is being provisioned); `allowed` lists what is')
  async delete(
    @Param('id', uuidParam('id')) agentId: string,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request & { id: string },
    @Res({ passthrough: true }) response: Response,
  ): Promise<ProvisioningAcceptedView> {
    const outcome = await this.lifecycle.delete(agentId, principal, request.id);
    const statusUrl = `/api/v1/provisioning/${outcome.operationId}`;
    response.setHeader('Location', statusUrl);
    return {
      provisioning_id: outcome.operationId,
      agent_id: agentId,
      status: outcome.replayed ? 'in_progress' : 'queued',
      status_url: statusUrl,
      events_url: `${statusUrl}/events`,
    };
  }

  @Get('audit')
  @ApiOperation({
    summary:
      "The agent's audit trail, a page at a time, oldest first: every change and transition, who made it and when",
  })
  @ApiOkResponse({ type: AgentAuditView })
  audit(
    @Param('id', uuidParam('id')) agentId: string,
    @Query() query: ListAuditQuery,
    @CurrentPrincipal() principal: Principal,
  ): Promise<AgentAuditView> {
    return this.lifecycle.auditTrail(agentId, principal, { limit: query.limit ?? DEFAULT_PAGE, after: query.after });
  }
}
