import { Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { WebhookKeyView } from '@voca/contracts';
import type { Request } from 'express';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import type { Principal } from '../auth/principal.js';
import { ApiBearerRoutes, ApiError, ApiIdParam } from '../http/api-docs.js';
import { uuidParam } from '../http/uuid-param.js';
import { WebhookKeys } from './webhook-keys.service.js';

@ApiTags('agents')
@ApiBearerRoutes()
@ApiIdParam('id', 'agent')
@Controller('api/v1/agents')
export class WebhookKeysController {
  constructor(private readonly keys: WebhookKeys) {}

  @Get(':id/webhook-key')
  @ApiOperation({ summary: "The agent's own key for signing the generic webhook (POST /api/v1/webhooks/elizaos)" })
  @ApiOkResponse({ type: WebhookKeyView })
  @ApiError(503, 'The generic webhook is not configured (WEBHOOK_SECRET), or the database cannot be reached')
  get(@Param('id', uuidParam('id')) id: string, @CurrentPrincipal() principal: Principal): Promise<WebhookKeyView> {
    return this.keys.get(id, principal);
  }

  @Post(':id/webhook-key/rotate')
  @HttpCode(200)
  @ApiOperation({ summary: "Replaces the agent's webhook key: the old one stops working at once" })
  @ApiOkResponse({ type: WebhookKeyView })
  @ApiError(503, 'The generic webhook is not configured (WEBHOOK_SECRET), or the database cannot be reached')
  rotate(
    @Param('id', uuidParam('id')) id: string,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request & { id: string },
  ): Promise<WebhookKeyView> {
    return this.keys.rotate(id, principal, request.id);
  }
}
