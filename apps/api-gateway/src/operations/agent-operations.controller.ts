import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { OperationPageView } from '@voca/contracts';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import type { Principal } from '../auth/principal.js';
import { ApiBearerRoutes, ApiIdParam } from '../http/api-docs.js';
import { uuidParam } from '../http/uuid-param.js';
import { AgentOperations } from './agent-operations.js';
import { ListOperationsQuery } from './list-operations.query.js';
import { DEFAULT_PAGE } from '../http/page-limit.query.js';

@ApiTags('provisioning')
@ApiBearerRoutes()
@ApiIdParam('id', 'agent')
@Controller('api/v1/agents')
export class AgentOperationsController {
  constructor(private readonly operations: AgentOperations) {}

  @Get(':id/operations')
  @ApiOperation({ summary: "The agent's operations (provisioning, updates, retries, deletion), newest first" })
  @ApiOkResponse({ type: OperationPageView })
  list(
    @Param('id', uuidParam('id')) id: string,
    @Query() query: ListOperationsQuery,
    @CurrentPrincipal() principal: Principal,
  ): Promise<OperationPageView> {
    return this.operations.list(id, principal, { limit: query.limit ?? DEFAULT_PAGE, before: query.before });
  }
}
