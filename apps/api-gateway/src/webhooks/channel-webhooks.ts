import {
  applyDecorators,
  BadRequestException,
  Body,
  Controller,
  ForbiddenException,
  Get,
  HttpCode,
  Injectable,
  Post,
  Query,
  Req,
  Res,
  ServiceUnavailableException,
  SetMetadata,
  UnauthorizedException,
  UseGuards,
  type CanActivate,
  type ExecutionContext,
  type Type,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Reflector } from '@nestjs/core';
import { ApiTags } from '@nestjs/swagger';
import {
  channelEnvFrom,
  engineSecrets,
  webhookDoors,
  type DoorRefusal,
  type WebhookDoor,
  type WebhookRequest,
} from '@voca/channels';
import type { GatewayEnv } from '@voca/config';
import { InjectMetric, PublicRoute } from '@voca/observability';
import type { Request, Response } from 'express';
import type { Counter } from 'prom-client';
import { ApiPublicOperation } from '../http/api-docs.js';
import { fieldError } from '../http/field-errors.js';
import { LimitPerAddress } from '../http/rate-limit.guard.js';
import { DeliverySkips } from './delivery-skips.js';
import { InboundIngest } from './inbound-ingest.js';
import { doorDeliveryDocs, doorHandshakeDocs } from './webhook-docs.js';
import { WEBHOOKS_REJECTED } from './webhook-metrics.js';
import { parsePayload } from './webhook-payload.js';

/**
 * The messaging platforms' webhooks, one route per door of the channel registry (@voca/channels): Meta's, X's, and
 * whatever adapter joins. Each door authenticates a delivery before anything is read (a guard), answers its
 * platform's handshake, and parses what it carries; the gateway records and queues the events.
 */

/** The doors with this gateway's settings: what authenticates, answers and parses. */
@Injectable()
export class OpenDoors {
  private readonly doors: Map<string, WebhookDoor>;

  constructor(config: ConfigService<GatewayEnv, true>) {
    const env = channelEnvFrom((key) => config.get(key as keyof GatewayEnv));
    const secrets = engineSecrets(config.get('WEBHOOK_SECRET', { infer: true }));
    this.doors = new Map(webhookDoors(env, secrets).map((door) => [door.name, door]));
  }

  get(name: string): WebhookDoor {
    const door = this.doors.get(name);
    if (!door) throw new Error(`no webhook door named ${name}`);
    return door;
  }
}

type RawRequest = Request & { rawBody?: Buffer; id: string };

function webhookRequest(request: RawRequest): WebhookRequest {
  return {
    rawBody: request.rawBody ?? Buffer.alloc(0),
    header(name) {
      const value = request.headers[name.toLowerCase()];
      return Array.isArray(value) ? value[0] : value;
    },
    params: request.params as Record<string, string>,
  };
}

/** The HTTP answer to a door's refusal. */
function refusal(refused: DoorRefusal | { kind: 'forbidden'; message: string }): Error {
  switch (refused.kind) {
    case 'not_configured':
      return new ServiceUnavailableException(refused.message);
    case 'unauthorized':
      return new UnauthorizedException(refused.message);
    case 'forbidden':
      return new ForbiddenException(refused.message);
    case 'malformed':
      return new BadRequestException(refused.field ? fieldError(refused.field, refused.message) : refused.message);
  }
}

const DOOR = 'voca:webhook-door';

/**
 * Checks a delivery's signature with its door before anything is parsed or recorded, counting refusals by door and
 * reason. Synchronous: the platform webhooks are the ingest hot path.
 */
@Injectable()
export class DoorSignatureGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly doors: OpenDoors,
    @InjectMetric(WEBHOOKS_REJECTED) private readonly rejections: Counter<'webhook' | 'reason'>,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const name = this.reflector.get<string>(DOOR, context.getClass());
    const refused = this.doors.get(name).authenticate(webhookRequest(context.switchToHttp().getRequest()));
    if (!refused) return true;
    const reason = { not_configured: 'not_configured', malformed: 'malformed', unauthorized: 'signature' }[
      refused.kind
    ];
    this.rejections.inc({ webhook: name, reason });
    throw refusal(refused);
  }
}

const capitalized = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

/** The controller of one door: its delivery route, and its handshake when the platform has one. */
export function webhookController(door: WebhookDoor): Type {
  @ApiTags('webhooks')
  @PublicRoute()
  @SetMetadata(DOOR, door.name)
  @Controller(`api/v1/webhooks/${door.path}`)
  class ChannelWebhookController {
    constructor(
      private readonly ingest: InboundIngest,
      private readonly skips: DeliverySkips,
      private readonly doors: OpenDoors,
    ) {}

    handshake(@Query() query: Record<string, unknown>, @Res() response: Response): void {
      const answer = this.doors.get(door.name).handshake!.answer(query);
      if (answer.kind !== 'answer') throw refusal(answer);
      if (answer.contentType === 'text/plain') response.status(200).type('text/plain').send(answer.body);
      else response.status(200).json(answer.body);
    }

    @Post()
    @HttpCode(200)
    @UseGuards(DoorSignatureGuard)
    @ApiPublicOperation(door.docs.summary)
    @doorDeliveryDocs(door.docs)
    async receive(@Body() body: unknown, @Req() request: RawRequest) {
      const { events, skipped } = parsePayload(() => this.doors.get(door.name).parse(body, webhookRequest(request)));
      this.skips.record(door.name, skipped, request.id);
      await this.ingest.ingest(events, request.id);
      return { received: events.length, skipped: skipped.length };
    }
  }

  if (door.handshake && door.docs.handshake) {
    const limit = door.handshake.limitPerMinute;
    const descriptor = Object.getOwnPropertyDescriptor(ChannelWebhookController.prototype, 'handshake')!;
    applyDecorators(
      Get(),
      ...(limit === undefined ? [] : [LimitPerAddress(limit)]),
      ApiPublicOperation(door.docs.handshake.summary),
      doorHandshakeDocs(door.docs),
    )(ChannelWebhookController.prototype, 'handshake', descriptor);
  }
  Object.defineProperty(ChannelWebhookController, 'name', { value: `${capitalized(door.name)}WebhookController` });
  return ChannelWebhookController;
}

/** A controller per door of the registry (their routes and documentation need no settings). */
export const CHANNEL_WEBHOOK_CONTROLLERS = webhookDoors({}).map(webhookController);
