import {
  applyDecorators,
  BadRequestException,
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import { ApiAcceptedResponse, ApiBody, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AgentCharacterView,
  AgentPageView,
  AgentView,
  CreateAgentRequestDto,
  ProvisionAgentRequestDto,
  ProvisioningAcceptedView,
  type AgentConfigDto,
} from '@voca/contracts';
import type { Request, Response } from 'express';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import type { Principal } from '../auth/principal.js';
import { actorOf } from '../auth/actor.js';
import { vendorForWrite } from '../auth/vendor-scope.js';
import { fieldError } from '../http/field-errors.js';
import { ApiBearerRoutes, ApiError, ApiIdParam, ApiJsonBody } from '../http/api-docs.js';
import { etagOf } from '../http/etag.js';
import { SPEC_AGENT_VIEW, SPEC_CREATE_REQUEST, SPEC_PROVISION_REQUEST } from '../http/spec-examples.js';
import { uuidParam } from '../http/uuid-param.js';
import { ProvisioningRequests } from '../provisioning/provisioning-requests.js';
import { AgentViews } from './agent-views.js';
import { ListAgentsQuery } from './list-agents.query.js';
import { requestFingerprint } from './request-fingerprint.js';

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

const idempotencyHeader = {
  name: 'Idempotency-Key',
  required: false,
  description: 'Retrying with the same key returns the same operation; another body with it is a 422',
  example: 'provision-vendor_cozy_001-2026-11-25',
};

/** What both provisioning routes may answer besides 202, beyond what every route may. */
const ProvisioningRefusals = () =>
  applyDecorators(
    ApiJsonBody('The body is not valid JSON, a field is not valid (named in `fields`), or a bad Idempotency-Key'),
    ApiError(
      403,
      'vendor_id differs from the vendor of the token, or a platform account the vendor cannot prove it owns',
    ),
    ApiError(409, 'A platform account in channel_credentials already belongs to another agent'),
    ApiError(422, 'This Idempotency-Key was already used with a different request'),
    ApiError(429, 'The token has used its requests this minute, or the vendor has MAX_OPERATIONS_PER_VENDOR running'),
  );

@ApiTags('agents')
@ApiBearerRoutes()
@Controller('api/v1/agents')
export class AgentsController {
  constructor(
    private readonly requests: ProvisioningRequests,
    private readonly agents: AgentViews,
  ) {}

  @Post('provision')
  @HttpCode(202)
  @ApiOperation({ summary: "Provision an agent from a business profile (the spec's request)" })
  @ApiBody({
    type: ProvisionAgentRequestDto,
    examples: { spec: { summary: "The spec's request, verbatim", value: SPEC_PROVISION_REQUEST } },
  })
  @ApiHeader(idempotencyHeader)
  @ApiAcceptedResponse({ type: ProvisioningAcceptedView })
  @ProvisioningRefusals()
  provision(
    @Body() body: ProvisionAgentRequestDto,
    @CurrentPrincipal() principal: Principal,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Req() request: Request & { id: string },
    @Res({ passthrough: true }) response: Response,
  ): Promise<ProvisioningAcceptedView> {
    return this.accept(body.agent_config, 'agent_config.', vendorForWrite(principal, body.vendor_id), principal, {
      idempotencyKey,
      request,
      response,
    });
  }

  @Post()
  @HttpCode(202)
  @ApiOperation({
    summary: 'Create and provision an agent; the profile fields sit at the top level (vendor_id from a vendor token)',
  })
  @ApiBody({
    type: CreateAgentRequestDto,
    examples: { spec: { summary: "The spec's request, verbatim", value: SPEC_CREATE_REQUEST } },
  })
  @ApiHeader(idempotencyHeader)
  @ApiAcceptedResponse({ type: ProvisioningAcceptedView })
  @ProvisioningRefusals()
  create(
    @Body() body: CreateAgentRequestDto,
    @CurrentPrincipal() principal: Principal,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Req() request: Request & { id: string },
    @Res({ passthrough: true }) response: Response,
  ): Promise<ProvisioningAcceptedView> {
    const { vendor_id: vendorId, ...config } = body;
    return this.accept(config, '', vendorForWrite(principal, vendorId), principal, {
      idempotencyKey,
      request,
      response,
    });
  }

  @Get()
  @ApiOperation({
    summary: 'Agents the token may see, newest first, filtered by status, vendor, channel or business type',
  })
  @ApiOkResponse({ type: AgentPageView })
  @ApiError(400, 'A query parameter is not valid (named in `fields`)')
  @ApiError(404, 'A vendor token naming another vendor in vendor_id')
  list(@Query() query: ListAgentsQuery, @CurrentPrincipal() principal: Principal): Promise<AgentPageView> {
    return this.agents.list(principal, query);
  }

  @Get(':id')
  @ApiIdParam('id', 'agent')
  @ApiOperation({ summary: 'An agent with its channels and its profile as sent; its version is also the ETag' })
  @ApiOkResponse({ type: AgentView, example: SPEC_AGENT_VIEW })
  async get(
    @Param('id', uuidParam('id')) id: string,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AgentView> {
    const agent = await this.agents.get(id, principal);
    response.setHeader('ETag', etagOf(agent.version));
    return agent;
  }

  @Get(':id/character')
  @ApiIdParam('id', 'agent')
  @ApiOperation({ summary: "The agent's ElizaOS character, generated from its business profile (latest version)" })
  @ApiOkResponse({ type: AgentCharacterView })
  @ApiError(404, 'No agent with this id that the token may see, or none with a character yet')
  character(
    @Param('id', uuidParam('id')) id: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<AgentCharacterView> {
    return this.agents.character(id, principal);
  }

  private async accept(
    config: AgentConfigDto,
    fieldPrefix: string,
    vendorId: string,
    principal: Principal,
    http: { idempotencyKey: string | undefined; request: Request & { id: string }; response: Response },
  ): Promise<ProvisioningAcceptedView> {
    const { idempotencyKey, request, response } = http;
    if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
      throw new BadRequestException(fieldError('Idempotency-Key', 'must be 1-255 visible ASCII characters'));
    }
    const outcome = await this.requests.submit({
      vendorId,
      config,
      fieldPrefix,
      requestId: request.id,
      actor: actorOf(principal),
      idempotency: idempotencyKey
        ? { key: idempotencyKey, requestHash: requestFingerprint(request.path, request.body) }
        : undefined,
    });
    if (outcome.replayed) response.setHeader('Idempotent-Replayed', 'true');
    const statusUrl = `/api/v1/provisioning/${outcome.operationId}`;
    response.setHeader('Location', statusUrl);
    return {
      provisioning_id: outcome.operationId,
      agent_id: outcome.agentId,
      status: outcome.status,
      status_url: statusUrl,
      events_url: `${statusUrl}/events`,
    };
  }
}
