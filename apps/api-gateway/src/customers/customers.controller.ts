import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import type { Principal } from '../auth/principal.js';
import { ApiBearerRoutes, ApiError, ApiIdParam, ApiJsonBody } from '../http/api-docs.js';
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
@ApiBearerRoutes()
@ApiIdParam('id', 'agent')
@Controller('api/v1/agents/:id')
export class CustomersController {
  constructor(private readonly customers: CustomersService) {}

  @Get('conversations')
  @ApiOperation({ summary: "The agent's conversations, one per customer, most recent first" })
  @ApiOkResponse({ type: ConversationPageView })
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
  @ApiError(404, 'No agent the token may see, or no such customer of it')
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
  @ApiJsonBody()
  @ApiError(404, 'No agent the token may see, no such customer of it, or no such identity of its customers')
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
  @ApiError(404, 'No agent the token may see, no such customer of it, or an identity not linked to the customer')
  @ApiError(409, 'The identity was first seen as this customer: there is nothing to undo')
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
  @ApiError(404, 'No agent the token may see, or no such customer of it')
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
  @ApiError(404, 'No agent the token may see, or no such customer of it')
  @ApiError(409, "One of the customer's messages is being answered right now; Retry-After says when to try again", {
    retryAfter: true,
  })
  erase(
    @Param('id', uuidParam('id')) agentId: string,
    @Param('customerId', uuidParam('customerId')) customerId: string,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request & { id: string },
  ): Promise<CustomerErasedView> {
    return this.customers.erase(agentId, customerId, principal, request.id);
  }
}
