import { BadRequestException, Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import { ErrorView } from '@voca/contracts';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import type { Principal } from '../auth/principal.js';
import { fieldError } from '../http/field-errors.js';
import { ApiIdParam } from '../http/api-docs.js';
import { uuidParam } from '../http/uuid-param.js';
import { ConversationPageView, CustomerContextView, LinkIdentityDto } from './customer.views.js';
import { CustomersService } from './customers.service.js';

export const MAX_PAGE = 100;

function pageNumber(name: string, raw: string | undefined, fallback: number, max: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value > max) {
    throw new BadRequestException(fieldError(name, `${name} must be an integer from 0 to ${max}`));
  }
  return value;
}

@ApiTags('customers')
@ApiBearerAuth()
@ApiIdParam('id', 'agent')
@Controller('api/v1/agents/:id')
export class CustomersController {
  constructor(private readonly customers: CustomersService) {}

  @Get('conversations')
  @ApiOperation({ summary: "The agent's conversations, one per customer, most recent first" })
  @ApiQuery({ name: 'skip', required: false, example: 0 })
  @ApiQuery({ name: 'limit', required: false, example: 20, description: `At most ${MAX_PAGE}` })
  @ApiOkResponse({ type: ConversationPageView })
  @ApiNotFoundResponse({ type: ErrorView })
  conversations(
    @Param('id', uuidParam('id')) agentId: string,
    @CurrentPrincipal() principal: Principal,
    @Query('skip') skip?: string,
    @Query('limit') limit?: string,
  ): Promise<ConversationPageView> {
    return this.customers.conversations(
      agentId,
      principal,
      pageNumber('skip', skip, 0, Number.MAX_SAFE_INTEGER),
      pageNumber('limit', limit, 20, MAX_PAGE),
    );
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
}
