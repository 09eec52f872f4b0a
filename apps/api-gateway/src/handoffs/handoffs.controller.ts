import { Body, Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { ErrorView, HandoffPageView, HandoffReplyDto, HandoffReplyView, HandoffView } from '@voca/contracts';
import type { Request } from 'express';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import type { Principal } from '../auth/principal.js';
import { ApiIdParam } from '../http/api-docs.js';
import { uuidParam } from '../http/uuid-param.js';
import { Handoffs } from './handoffs.service.js';
import { ListHandoffsQuery } from './list-handoffs.query.js';

@ApiTags('handoffs')
@ApiBearerAuth()
@Controller('api/v1/handoffs')
export class HandoffsController {
  constructor(private readonly handoffs: Handoffs) {}

  @Get()
  @ApiOperation({
    summary: 'Conversations waiting for a person (or resolved), across agents, the longest waiting first',
  })
  @ApiOkResponse({ type: HandoffPageView })
  @ApiBadRequestResponse({ type: ErrorView })
  list(@Query() query: ListHandoffsQuery, @CurrentPrincipal() principal: Principal): Promise<HandoffPageView> {
    return this.handoffs.list(principal, query);
  }

  @Get(':id')
  @ApiIdParam('id', 'handoff')
  @ApiOperation({ summary: 'One hand-off, with the latest messages of the conversation' })
  @ApiOkResponse({ type: HandoffView })
  @ApiNotFoundResponse({ type: ErrorView })
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
  @ApiBadRequestResponse({ type: ErrorView })
  @ApiNotFoundResponse({ type: ErrorView })
  @ApiConflictResponse({ type: ErrorView, description: 'The hand-off is resolved, or its channel is a call' })
  @ApiServiceUnavailableResponse({ type: ErrorView })
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
  @ApiNotFoundResponse({ type: ErrorView })
  resolve(@Param('id', uuidParam('id')) id: string, @CurrentPrincipal() principal: Principal): Promise<HandoffView> {
    return this.handoffs.resolve(id, principal);
  }
}
