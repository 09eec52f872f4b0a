import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ErrorView } from '@voca/contracts';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import type { Principal } from '../auth/principal.js';
import { ApiIdParam } from '../http/api-docs.js';
import { OffsetPageQuery } from '../http/offset-page.js';
import { uuidParam } from '../http/uuid-param.js';
import type { Request } from 'express';
import {
  ConversationPageView,
  CustomerContextView,
  CustomerErasedView,
  CustomerExportView,
  LinkIdentityDto,
} from './customer.views.js';
import { CustomersService } from './customers.service.js';
import { DEFAULT_PAGE } from '../http/page-limit.query.js';

@ApiTags('customers')
@ApiBearerAuth()
@ApiIdParam('id', 'agent')
@Controller('api/v1/agents/:id')
export class CustomersController {
  constructor(private readonly customers: CustomersService) {}

  @Get('conversations')
  @ApiOperation({ summary: "The agent's conversations, one per customer, most recent first" })
  @ApiOkResponse({ type: ConversationPageView })
  @ApiNotFoundResponse({ type: ErrorView })
  conversations(
    @Param('id', uuidParam('id')) agentId: string,
    @CurrentPrincipal() principal: Principal,
    @Query() page: OffsetPageQuery,
  ): Promise<ConversationPageView> {
    return this.customers.conversations(agentId, principal, page.skip ?? 0, page.limit ?? DEFAULT_PAGE);
  }

  @Get('customers/:customerId/context')
  @ApiIdParam('customerId', 'customer')
  @ApiOperation({ summary: "A customer's identities and latest turns across every channel" })
  @ApiOkResponse({ type: CustomerContextView })
  @ApiNotFoundResponse({ type: ErrorView })
  context(
    @Param('id', uuidParam('id')) agentId: string,
    @Param('customerId', uuidParam('customerId')) customerId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CustomerContextView> {
    return this.customers.context(agentId, customerId, principal);
  }

  @Post('customers/:customerId/link')
  @ApiIdParam('customerId', 'customer')
  @HttpCode(200)
  @ApiOperation({ summary: "Links another customer's identity to this customer (their histories become one)" })
  @ApiOkResponse({ type: CustomerContextView })
  @ApiNotFoundResponse({ type: ErrorView })
  link(
    @Param('id', uuidParam('id')) agentId: string,
    @Param('customerId', uuidParam('customerId')) customerId: string,
    @Body() body: LinkIdentityDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CustomerContextView> {
    return this.customers.link(agentId, customerId, body.identity_id, principal);
  }

  @Delete('customers/:customerId/link/:identityId')
  @ApiIdParam('customerId', 'customer')
  @ApiIdParam('identityId', 'identity')
  @ApiOperation({ summary: 'Undoes a link: the identity returns to the customer it was first seen as' })
  @ApiOkResponse({ type: CustomerContextView })
  @ApiNotFoundResponse({ type: ErrorView })
  @ApiConflictResponse({ type: ErrorView })
  unlink(
    @Param('id', uuidParam('id')) agentId: string,
    @Param('customerId', uuidParam('customerId')) customerId: string,
    @Param('identityId', uuidParam('identityId')) identityId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CustomerContextView> {
    return this.customers.unlink(agentId, customerId, identityId, principal);
  }

  @Get('customers/:customerId/export')
  @ApiIdParam('customerId', 'customer')
  @ApiOperation({
    summary:
      'Everything the engine holds about the customer, as JSON (the right of access): identities, every message, hand-offs, events',
  })
  @ApiOkResponse({ type: CustomerExportView })
  @ApiNotFoundResponse({ type: ErrorView })
  export(
    @Param('id', uuidParam('id')) agentId: string,
    @Param('customerId', uuidParam('customerId')) customerId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CustomerExportView> {
    return this.customers.export(agentId, customerId, principal);
  }

  @Delete('customers/:customerId')
  @ApiIdParam('customerId', 'customer')
  @ApiOperation({
    summary:
      "Erases the customer (the right to be forgotten): identities, messages, hand-offs, their words in events, their queued jobs and the agent's memory of them",
  })
  @ApiOkResponse({ type: CustomerErasedView })
  @ApiNotFoundResponse({ type: ErrorView })
  @ApiConflictResponse({ type: ErrorView, description: "One of the customer's messages is being answered right now" })
  erase(
    @Param('id', uuidParam('id')) agentId: string,
    @Param('customerId', uuidParam('customerId')) customerId: string,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request & { id: string },
  ): Promise<CustomerErasedView> {
    return this.customers.erase(agentId, customerId, principal, request.id);
  }
}
