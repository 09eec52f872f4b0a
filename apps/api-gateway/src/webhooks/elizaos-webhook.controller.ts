import { Body, Controller, HttpCode, NotFoundException, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ApiAcceptedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { GatewayEnv } from '@voca/config';
import { PublicRoute } from '@voca/observability';
import { ApiPublicOperation } from '../http/api-docs.js';
import { Agent, AgentChannelStore } from '@voca/persistence';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { ElizaosWebhookDto, ElizaosWebhookReply } from './elizaos-webhook.dto.js';
import { InboundIngest } from './inbound-ingest.js';
import { ReplyHub } from './reply-hub.js';
import { EngineSignedDocs } from './webhook-docs.js';
import { AgentSignatureGuard } from './webhook-signature.guards.js';

/**
 * The spec's generic webhook `{platform, agent_id, message, user_id, timestamp?}`: answered with the agent's reply
 * when it comes within ELIZAOS_WEBHOOK_DEADLINE_MS, else 202, and the reply then goes out on the platform itself.
 */
@ApiTags('webhooks')
@PublicRoute()
@Controller('api/v1/webhooks/elizaos')
export class ElizaosWebhookController {
  constructor(
    private readonly ingest: InboundIngest,
    private readonly replies: ReplyHub,
    private readonly config: ConfigService<GatewayEnv, true>,
    @InjectDataSource() private readonly db: DataSource,
    private readonly channels: AgentChannelStore,
  ) {}

  @Post()
  @HttpCode(200)
  @UseGuards(AgentSignatureGuard)
  @ApiPublicOperation("A customer message for an agent, signed with X-Voca-Signature (the agent's webhook key)")
  @EngineSignedDocs()
  @ApiOkResponse({ type: ElizaosWebhookReply })
  @ApiAcceptedResponse({ type: ElizaosWebhookReply, description: 'Recorded; the reply will go out on the platform' })
  async receive(
    @Body() body: ElizaosWebhookDto,
    @Req() request: Request & { id: string },
    @Res({ passthrough: true }) response: Response,
  ): Promise<ElizaosWebhookReply> {
    const agent = await this.db.getRepository(Agent).findOneBy({ id: body.agent_id });
    const channel = agent && (await this.channels.one(agent.id, body.platform));
    if (!agent || !channel) throw new NotFoundException(`agent ${body.agent_id} has no ${body.platform} channel`);
    const deadlineMs = this.config.get('ELIZAOS_WEBHOOK_DEADLINE_MS', { infer: true });
    const sentAt = (body.timestamp === undefined ? new Date() : new Date(body.timestamp)).toISOString();
    const outcome = await this.ingest.message(
      {
        kind: 'message',
        channel: body.platform,
        businessAccountId: channel.externalAccountId ?? agent.id,
        // One agent's customer ids are not another's: the same user id and time at two agents are two messages.
        platformMessageId: `${agent.id}:${body.user_id}:${sentAt}`,
        sender: { id: body.user_id },
        text: body.message,
        sentAt,
      },
      request.id,
      new Date(Date.now() + deadlineMs),
      agent,
    );
    const base = { agent_id: agent.id, channel: body.platform, context_updated: true };
    if (outcome.kind !== 'recorded' && outcome.kind !== 'duplicate') return { ...base, message: null };
    const reply = outcome.answering ? await this.replies.waitFor(outcome.messageId, deadlineMs) : undefined;
    if (!reply) response.status(202);
    return { ...base, message: reply?.text ?? null };
  }
}
