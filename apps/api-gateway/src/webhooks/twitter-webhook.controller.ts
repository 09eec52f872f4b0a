import {
  BadRequestException,
  Body,
  Controller,
  Get,
  HttpCode,
  Post,
  Query,
  Req,
  ServiceUnavailableException,
  UseGuards,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ApiTags } from '@nestjs/swagger';
import { isXCrcToken, parseXWebhook, xCrcResponse } from '@voca/channels';
import type { GatewayEnv } from '@voca/config';
import { PublicRoute } from '@voca/observability';
import { ApiPublicOperation } from '../http/api-docs.js';
import type { Request } from 'express';
import { fieldError } from '../http/field-errors.js';
import { LimitPerAddress } from '../http/rate-limit.guard.js';
import { DeliverySkips } from './delivery-skips.js';
import { InboundIngest } from './inbound-ingest.js';
import { XSignatureGuard } from './webhook-signature.guards.js';
import { XCrcDocs, XDeliveryDocs } from './webhook-docs.js';
import { parsePayload } from './webhook-payload.js';

const CRC_CHECKS_PER_MINUTE = 20;

/** X Account Activity webhooks: the CRC check and direct messages. */
@ApiTags('webhooks')
@PublicRoute()
@Controller('api/v1/webhooks/twitter')
export class TwitterWebhookController {
  constructor(
    private readonly ingest: InboundIngest,
    private readonly skips: DeliverySkips,
    private readonly config: ConfigService<GatewayEnv, true>,
  ) {}

  /** X calls it at registration and about hourly; the limit keeps it from being an HMAC oracle for anyone else. */
  @Get()
  @LimitPerAddress(CRC_CHECKS_PER_MINUTE)
  @ApiPublicOperation('The CRC check: answers {response_token} for crc_token (X repeats it hourly)')
  @XCrcDocs()
  crc(@Query('crc_token') crcToken: unknown) {
    const secret = this.config.get('X_CONSUMER_SECRET', { infer: true });
    if (!secret) throw new ServiceUnavailableException('this webhook is not configured: set X_CONSUMER_SECRET');
    if (!isXCrcToken(crcToken)) {
      throw new BadRequestException(
        fieldError('crc_token', 'must be the token X sends: 8 to 128 letters, digits, +, /, =, - or _'),
      );
    }
    return xCrcResponse(crcToken, secret);
  }

  @Post()
  @HttpCode(200)
  @UseGuards(XSignatureGuard)
  @ApiPublicOperation('Direct message events; signed with x-twitter-webhooks-signature (X_CONSUMER_SECRET)')
  @XDeliveryDocs()
  async receive(@Body() body: unknown, @Req() request: Request & { id: string }) {
    const { events, skipped } = parsePayload(() => parseXWebhook(body));
    this.skips.record('x', skipped, request.id);
    await this.ingest.ingest(events, request.id);
    return { received: events.length, skipped: skipped.length };
  }
}
