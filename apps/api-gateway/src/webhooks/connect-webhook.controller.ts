import { Body, Controller, HttpCode, NotFoundException, Post, Req, UseGuards } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  connectMessageEvent,
  connectTurnEvent,
  isConnectMessageRequest,
  parseConnectMessageRequest,
  parseConnectTurnRequest,
} from '@voca/channels';
import type { GatewayEnv } from '@voca/config';
import type { ConnectMessageResponse, ConnectTurnResponse, InboundMessageEvent } from '@voca/contracts';
import { PublicRoute } from '@voca/observability';
import { ApiPublicOperation } from '../http/api-docs.js';
import { Agent, AgentChannelStore } from '@voca/persistence';
import { isUUID } from 'class-validator';
import type { Request } from 'express';
import { DataSource } from 'typeorm';
import { InboundIngest } from './inbound-ingest.js';
import { ReplyHub } from './reply-hub.js';
import { ConnectSignatureGuard } from './webhook-signature.guards.js';
import { ConnectTurnDocs } from './webhook-docs.js';
import { parsePayload } from './webhook-payload.js';

/** A webhook that waits for the reply must still answer within the Lambda's budget, so it stops waiting a bit later. */
const WAIT_GRACE_MS = 250;

type Answer = Required<ConnectTurnResponse>;

/**
 * A voice or SMS turn, answered synchronously with the agent's reply within CONNECT_REPLY_DEADLINE_MS (the Lambda
 * has 8 seconds in all); a slower agent's caller hears a polite fallback. Two shapes: the shared Connect Lambda's
 * turn `{agent_id, contact_id, channel, caller, dialed, utterance, timestamp}` -> `{reply, action}`, and the spec's
 * `{agent_id, message, channel}` -> `{message, agent_id, channel, tts_ready, action}`.
 */
@ApiTags('webhooks')
@PublicRoute()
@Controller('api/v1/webhooks/connect')
export class ConnectWebhookController {
  constructor(
    private readonly ingest: InboundIngest,
    private readonly replies: ReplyHub,
    private readonly config: ConfigService<GatewayEnv, true>,
    @InjectDataSource() private readonly db: DataSource,
    private readonly channels: AgentChannelStore,
  ) {}

  @Post()
  @HttpCode(200)
  @UseGuards(ConnectSignatureGuard)
  @ApiPublicOperation(
    "A voice or SMS turn: the Lambda's {agent_id, contact_id, channel, caller, dialed, utterance, timestamp} -> {reply, action}, or the spec's {agent_id, message, channel} -> {message, agent_id, channel, tts_ready}",
  )
  @ConnectTurnDocs()
  async turn(
    @Body() body: unknown,
    @Req() request: Request & { id: string },
  ): Promise<ConnectTurnResponse | ConnectMessageResponse> {
    if (isConnectMessageRequest(body)) {
      const message = parsePayload(() => parseConnectMessageRequest(body));
      const { agent, accountId } = await this.agentWithChannel(message.agent_id, message.channel);
      const answer = await this.answer(connectMessageEvent(message, accountId), agent, request.id);
      return {
        message: answer.reply,
        agent_id: agent.id,
        channel: message.channel,
        tts_ready: true,
        action: answer.action,
      };
    }
    const turn = parsePayload(() => parseConnectTurnRequest(body));
    const event = connectTurnEvent(turn);
    // The flow names its agent, and that agent must hold the number dialed.
    const agent = await this.ingest.route(event.channel, event.businessAccountId, turn.agent_id);
    return this.answer(event, agent ?? null, request.id);
  }

  private async answer(event: InboundMessageEvent, agent: Agent | null, requestId: string): Promise<Answer> {
    const closedReply = this.config.get('CONNECT_CLOSED_REPLY', { infer: true });
    const deadlineMs = this.config.get('CONNECT_REPLY_DEADLINE_MS', { infer: true });
    const outcome = await this.ingest.message(event, requestId, new Date(Date.now() + deadlineMs), agent);
    // A number no agent has has no queue to transfer to either.
    if (outcome.kind === 'unknown_target' || outcome.kind === 'status') return { reply: closedReply, action: 'end' };
    if (!outcome.answering)
      return { reply: closedReply, action: this.config.get('CONNECT_CLOSED_ACTION', { infer: true }) };
    const reply = await this.replies.waitFor(outcome.messageId, deadlineMs + WAIT_GRACE_MS);
    if (!reply) return { reply: this.config.get('CONNECT_FALLBACK_REPLY', { infer: true }), action: 'continue' };
    return { reply: reply.text, action: reply.handoff ? 'transfer' : 'continue' };
  }

  /** The agent the spec's message names, with the number its channel answers on (its id before one is assigned). */
  private async agentWithChannel(
    agentId: string,
    channel: 'voice' | 'sms',
  ): Promise<{ agent: Agent; accountId: string }> {
    const row = isUUID(agentId) ? await this.channels.one(agentId, channel) : null;
    const agent = row && (await this.db.getRepository(Agent).findOneBy({ id: agentId }));
    if (!row || !agent) throw new NotFoundException(`agent ${agentId} has no ${channel} channel`);
    return { agent, accountId: row.phoneNumber ?? agentId };
  }
}
