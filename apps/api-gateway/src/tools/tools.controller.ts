import { applyDecorators, Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Req, Res } from '@nestjs/common';
import {
  ApiBody,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { TOOL_NAME_PATTERN, ToolBody, ToolCreatedView, ToolListView, ToolView } from '@voca/contracts';
import type { Request, Response } from 'express';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import type { Principal } from '../auth/principal.js';
import { ApiBearerRoutes, ApiError, ApiIdParam, ApiJsonBody } from '../http/api-docs.js';
import { uuidParam } from '../http/uuid-param.js';
import { AgentTools } from './agent-tools.service.js';
import { ORDER_STATUS_TOOL, ORDER_STATUS_TOOL_CREATED, ORDER_STATUS_TOOL_VIEW } from './tool-examples.js';
import { toolNameParam } from './tool-name.js';

/** The `{name}` of a route: the tool's name. */
const ToolNameParam = () =>
  applyDecorators(
    ApiParam({
      name: 'name',
      schema: { type: 'string', pattern: TOOL_NAME_PATTERN.source, example: 'order_status' },
      description: "The tool's name",
    }),
    ApiError(
      400,
      'A parameter is not valid (named in `fields`): an agent id that is not a UUID, a name no tool can have',
    ),
    ApiError(404, 'No agent with this id that the token may see, or no tool of this name'),
  );

/** A tool in a request, and what the engine refuses in one. */
const ToolRequestBody = (example: Partial<ToolBody>) =>
  applyDecorators(
    ApiBody({
      type: ToolBody,
      examples: { order_status: { summary: "The spec's store looks up an order by its number", value: example } },
    }),
    ApiJsonBody(
      'The body is not valid JSON, or a field is not valid (named in `fields`): a name no tool can have, `parameters` that ajv cannot compile or that do not describe an object, a URL the engine may not call, timeout_ms out of range, an unknown channel',
    ),
    ApiError(503, "The URL's host could not be looked up now, or the database cannot be reached; try again", {
      retryAfter: true,
    }),
  );

@ApiTags('tools')
@ApiBearerRoutes()
@ApiIdParam('id', 'agent')
@Controller('api/v1/agents/:id/tools')
export class ToolsController {
  constructor(private readonly tools: AgentTools) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({
    summary:
      "Register a tool: a function of the backend the agent may call mid-conversation. The answer shows the tool's signing secret, once",
  })
  @ToolRequestBody(ORDER_STATUS_TOOL)
  @ApiCreatedResponse({ type: ToolCreatedView, example: ORDER_STATUS_TOOL_CREATED })
  @ApiError(409, 'The agent has a tool of this name already (PUT replaces it), or is being deleted')
  @ApiError(422, 'The agent has TOOLS_MAX_PER_AGENT tools')
  async register(
    @Param('id', uuidParam('id')) agentId: string,
    @Body() body: ToolBody,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request & { id: string },
    @Res({ passthrough: true }) response: Response,
  ): Promise<ToolCreatedView> {
    const view = await this.tools.register(agentId, body, { principal, requestId: request.id });
    response.setHeader('Location', `/api/v1/agents/${agentId}/tools/${view.name}`);
    return view;
  }

  @Put(':name')
  @ToolNameParam()
  @ApiOperation({
    summary:
      'Replace the whole tool (fields absent take their defaults; its signing secret stays), or register it when the agent has none of this name',
  })
  @ToolRequestBody({ ...ORDER_STATUS_TOOL, name: undefined, timeout_ms: 3000 })
  @ApiOkResponse({ type: ToolView, example: { ...ORDER_STATUS_TOOL_VIEW, timeout_ms: 3000 } })
  @ApiCreatedResponse({
    type: ToolCreatedView,
    example: ORDER_STATUS_TOOL_CREATED,
    description: 'No tool had this name: it was registered; its signing secret is shown, once',
  })
  @ApiError(409, 'The agent is being deleted')
  @ApiError(422, 'No tool had this name, and the agent has TOOLS_MAX_PER_AGENT tools')
  async put(
    @Param('id', uuidParam('id')) agentId: string,
    @Param('name') name: string,
    @Body() body: ToolBody,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request & { id: string },
    @Res({ passthrough: true }) response: Response,
  ): Promise<ToolView | ToolCreatedView> {
    const { outcome, view } = await this.tools.put(agentId, toolNameParam(name), body, {
      principal,
      requestId: request.id,
    });
    if (outcome === 'created') {
      response.status(201);
      response.setHeader('Location', `/api/v1/agents/${agentId}/tools/${view.name}`);
    }
    return view;
  }

  @Get()
  @ApiOperation({ summary: "The agent's tools, by name (never their signing secrets)" })
  @ApiOkResponse({ type: ToolListView, example: { items: [ORDER_STATUS_TOOL_VIEW] } })
  list(@Param('id', uuidParam('id')) agentId: string, @CurrentPrincipal() principal: Principal): Promise<ToolListView> {
    return this.tools.list(agentId, principal);
  }

  @Get(':name')
  @ToolNameParam()
  @ApiOperation({ summary: 'One tool (its signing secret is never shown again)' })
  @ApiOkResponse({ type: ToolView, example: ORDER_STATUS_TOOL_VIEW })
  get(
    @Param('id', uuidParam('id')) agentId: string,
    @Param('name') name: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ToolView> {
    return this.tools.get(agentId, toolNameParam(name), principal);
  }

  @Delete(':name')
  @HttpCode(204)
  @ToolNameParam()
  @ApiOperation({ summary: 'Delete a tool: the agent no longer calls it' })
  @ApiNoContentResponse({ description: 'Deleted' })
  remove(
    @Param('id', uuidParam('id')) agentId: string,
    @Param('name') name: string,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request & { id: string },
  ): Promise<void> {
    return this.tools.remove(agentId, toolNameParam(name), { principal, requestId: request.id });
  }
}
