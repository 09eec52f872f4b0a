import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ConnectKeyView } from '@voca/contracts';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import type { Principal } from '../auth/principal.js';
import { ApiBearerRoutes, ApiError } from '../http/api-docs.js';
import { WebhookKeys } from './webhook-keys.service.js';

@ApiTags('webhooks')
@ApiBearerRoutes()
@Controller('api/v1/webhook-keys')
export class ConnectKeyController {
  constructor(private readonly keys: WebhookKeys) {}

  @Get('connect')
  @ApiOperation({
    summary:
      "The voice Lambda's key, for a backend or telephony bridge that posts turns to POST /api/v1/webhooks/connect (service role only)",
  })
  @ApiOkResponse({ type: ConnectKeyView })
  @ApiError(503, 'The Connect webhook is not configured (WEBHOOK_SECRET)')
  connect(@CurrentPrincipal() principal: Principal): ConnectKeyView {
    return this.keys.connect(principal);
  }
}
