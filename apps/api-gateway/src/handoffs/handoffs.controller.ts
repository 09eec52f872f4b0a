import { Body, Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { HandoffPageView, HandoffReplyDto, HandoffReplyView, HandoffView } from '@voca/contracts';
import type { Request } from 'express';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import type { Principal } from '../auth/principal.js';
import { ApiBearerRoutes, ApiError, ApiIdParam, ApiJsonBody } from '../http/api-docs.js';
import { uuidParam } from '../http/uuid-param.js';
import { Handoffs } from './handoffs.service.js';
import { ListHandoffsQuery } from './list-handoffs.query.js';

@ApiTags('handoffs')
@ApiBearerRoutes()
@Controller('api/v1/handoffs')
export class HandoffsController {
  constructor(private readonly handoffs: Handoffs) {}

  @Get()
  @ApiOperation({
    summary: 'Conversations waiting for a person (or resolved), across agents, the longest waiting first',
  })
  @ApiOkResponse({ type: HandoffPageView })
  @ApiError(400, 'A query parameter is not valid (named in `fields`)')
  @ApiError(404, 'A vendor token naming another vendor in vendor_id')
  list(@Query() query: ListHandoffsQuery, @CurrentPrincipal() principal: Principal): Promise<HandoffPageView> {
    return this.handoffs.list(principal, query);
  }

  @Get(':id')
  @ApiIdParam('id', 'handoff')
  @ApiOperation({ summary: 'One hand-off, with the latest messages of the conversation' })
  @ApiOkResponse({ type: HandoffView })
  get(@Param('id', uuidParam('id')) id: string, @CurrentPrincipal() principal: Principal): Promise<HandoffView> {
    return this.handoffs.get(id, principal);
  }

  @Post(':id/reply')
  @HttpCode(202)
  @ApiIdParam('id', 'handoff')
  @ApiOperation({
    summary: "A person's reply, sent on the customer's channel at most once, within the platform's reply window",
  })
  @ApiAcceptedResponse({ type: HandoffReplyView })
  @ApiJsonBody()
  @ApiError(409, 'The hand-off is resolved, its channel is a call, or the customer has no message to answer there')
  @ApiError(503, 'The reply could not be queued, or the database cannot be reached; send it again shortly')
  reply(
    @Param('id', uuidParam('id')) id: string,
    @Body() body: HandoffReplyDto,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request & { id: string },
  ): Promise<HandoffReplyView> {
    return this.handoffs.reply(id, principal, body.text, request.id);
  }

  @Post(':id/resolve')
  @HttpCode(200)
  @ApiIdParam('id', 'handoff')
  @ApiOperation({ summary: 'Hand the conversation back to the agent: it answers the customer again' })
  @ApiOkResponse({ type: HandoffView })
  resolve(@Param('id', uuidParam('id')) id: string, @CurrentPrincipal() principal: Principal): Promise<HandoffView> {
    return this.handoffs.resolve(id, principal);
  }
}
