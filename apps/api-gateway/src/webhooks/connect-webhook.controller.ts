import { Body, Controller, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { connectTurnEvent, parseConnectTurnRequest } from '@voca/channels';
import type { GatewayEnv } from '@voca/config';
import type { ConnectTurnResponse } from '@voca/contracts';
import { PublicRoute } from '@voca/observability';
import type { Request } from 'express';
import { InboundIngest } from './inbound-ingest.js';
import { ReplyHub } from './reply-hub.js';
import { EngineSignatureGuard } from './webhook-signature.guards.js';
import { ConnectTurnDocs } from './webhook-docs.js';
import { parsePayload } from './webhook-payload.js';

/** A webhook that waits for the reply must still answer within the Lambda's budget, so it stops waiting a bit later. */
const WAIT_GRACE_MS = 250;

/**
 * A voice or SMS turn from the shared Connect Lambda. It is answered synchronously with the agent's reply, within
 * CONNECT_REPLY_DEADLINE_MS (the Lambda has 8 seconds in all); a slower agent's caller hears a polite fallback.
 */
@ApiTags('webhooks')
@PublicRoute()
@Controller('api/v1/webhooks/connect')
export class ConnectWebhookController {
  constructor(
    private readonly ingest: InboundIngest,
    private readonly replies: ReplyHub,
    private readonly config: ConfigService<GatewayEnv, true>,
  ) {}

  @Post()
  @HttpCode(200)
  @UseGuards(EngineSignatureGuard)
  @ApiOperation({ summary: 'A Connect turn {agent_id, contact_id, channel, caller, dialed, utterance, timestamp} -> {reply, action}' })
  @ConnectTurnDocs()
  async turn(@Body() body: unknown, @Req() request: Request & { id: string }): Promise<ConnectTurnResponse> {
    const turn = parsePayload(() => parseConnectTurnRequest(body));
    const event = connectTurnEvent(turn);
    const closedReply = this.config.get('CONNECT_CLOSED_REPLY', { infer: true });
    const deadlineMs = this.config.get('CONNECT_REPLY_DEADLINE_MS', { infer: true });
    // The flow names its agent, and that agent must hold the number dialed.
    const agent = await this.ingest.route(event.channel, event.businessAccountId, turn.agent_id);
    const outcome = await this.ingest.message(event, request.id, new Date(Date.now() + deadlineMs), agent ?? null);
    // A number no agent has has no queue to transfer to either.
    if (outcome.kind === 'unknown_target' || outcome.kind === 'status') return { reply: closedReply, action: 'end' };
    if (!outcome.answering) return { reply: closedReply, action: this.config.get('CONNECT_CLOSED_ACTION', { infer: true }) };
    const reply = await this.replies.waitFor(outcome.messageId, deadlineMs + WAIT_GRACE_MS);
    if (!reply) return { reply: this.config.get('CONNECT_FALLBACK_REPLY', { infer: true }), action: 'continue' };
    return { reply: reply.text, action: reply.handoff ? 'transfer' : 'continue' };
  }
}
