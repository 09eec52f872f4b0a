import {
  Body,
  Controller,
  ForbiddenException,
  Get,
  HttpCode,
  Post,
  Query,
  Req,
  Res,
  ServiceUnavailableException,
  UseGuards,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ApiTags } from '@nestjs/swagger';
import { metaVerificationChallenge, parseMetaWebhook } from '@voca/channels';
import type { GatewayEnv } from '@voca/config';
import { PublicRoute } from '@voca/observability';
import { ApiPublicOperation } from '../http/api-docs.js';
import type { Request, Response } from 'express';
import { DeliverySkips } from './delivery-skips.js';
import { InboundIngest } from './inbound-ingest.js';
import { MetaSignatureGuard } from './webhook-signature.guards.js';
import { MetaDeliveryDocs, MetaVerifyDocs } from './webhook-docs.js';
import { parsePayload } from './webhook-payload.js';

/** WhatsApp Cloud API, Messenger and Instagram webhooks, in Meta's native shapes. */
@ApiTags('webhooks')
@PublicRoute()
@Controller('api/v1/webhooks/meta')
export class MetaWebhookController {
  constructor(
    private readonly ingest: InboundIngest,
    private readonly skips: DeliverySkips,
    private readonly config: ConfigService<GatewayEnv, true>,
  ) {}

  @Get()
  @ApiPublicOperation("Meta's verification handshake: answers hub.challenge when hub.verify_token is ours")
  @MetaVerifyDocs()
  verify(@Query() query: Record<string, unknown>, @Res() response: Response): void {
    const token = this.config.get('META_VERIFY_TOKEN', { infer: true });
    if (!token) throw new ServiceUnavailableException('this webhook is not configured: set META_VERIFY_TOKEN');
    const challenge = metaVerificationChallenge(query, token);
    if (challenge === undefined) throw new ForbiddenException('hub.verify_token does not match');
    response.status(200).type('text/plain').send(challenge);
  }

  @Post()
  @HttpCode(200)
  @UseGuards(MetaSignatureGuard)
  @ApiPublicOperation('Messages and delivery statuses; signed with X-Hub-Signature-256 (META_APP_SECRET)')
  @MetaDeliveryDocs()
  async receive(@Body() body: unknown, @Req() request: Request & { id: string }) {
    const { events, skipped } = parsePayload(() => parseMetaWebhook(body));
    this.skips.record('meta', skipped, request.id);
    await this.ingest.ingest(events, request.id);
    return { received: events.length, skipped: skipped.length };
  }
}
