import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { adapterOf, CHANNEL_ADAPTERS, channelEnvFrom, type PlatformSender, type SendOutcome } from '@voca/channels';
import type { ContextServiceEnv } from '@voca/config';
import {
  CONVERSATION_REPLIED_PATTERN,
  isSocialChannel,
  type ConversationRepliedEvent,
  type SocialChannel,
} from '@voca/contracts';
import { AgentChannelStore, ConversationMessage, ConversationMessages, recordEvent } from '@voca/persistence';
import { InjectMetric } from '@voca/observability';
import { EventPublisher } from '@voca/queue';
import { credentialCipherFrom, type CredentialCipher } from '@voca/secrets';
import type { Counter, Histogram } from 'prom-client';
import { DataSource } from 'typeorm';
import { PLATFORM_SEND_ERRORS, PLATFORM_SEND_SECONDS, REPLIES, TURN_SECONDS } from './conversation-metrics.js';
import { handToPerson } from './hand-to-person.js';
import { SendRateLimits } from './send-rate-limits.js';

/** Where a reply's delivery ends. */
const FINAL: readonly ConversationMessage['status'][] = ['sent', 'failed', 'unknown', 'needs_template', 'expired'];

/** Reply outcomes that leave the customer without an answer unless a person steps in. */
const PERSON_NEEDED: readonly ConversationMessage['status'][] = ['needs_template', 'unknown', 'failed'];

/** What delivering a reply came to; `retry` asks the job to try again later (nothing was sent). */
export type Delivery = { done: true } | { done: false; retryAfterMs: number; reason: string };

/**
 * Delivers a recorded reply exactly once at most. A reply to a webhook still waiting for it (voice, the generic
 * webhook) is handed to that webhook; any other goes out through the platform's API with the business's token,
 * guarded by compare-and-set on the reply's status, so a retried or duplicated job never sends it twice.
 */
@Injectable()
export class ReplyDelivery {
  private readonly logger = new Logger(ReplyDelivery.name);
  private readonly senders: Map<SocialChannel, PlatformSender>;
  private readonly cipher: CredentialCipher;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly channels: AgentChannelStore,
    private readonly events: EventPublisher,
    private readonly limits: SendRateLimits,
    config: ConfigService<ContextServiceEnv, true>,
    @InjectMetric(REPLIES) private readonly replies: Counter<'channel' | 'author' | 'outcome'>,
    @InjectMetric(TURN_SECONDS) private readonly turnSeconds: Histogram<'channel'>,
    @InjectMetric(PLATFORM_SEND_SECONDS) private readonly sendSeconds: Histogram<'channel' | 'outcome'>,
    @InjectMetric(PLATFORM_SEND_ERRORS) private readonly sendErrors: Counter<'channel' | 'reason'>,
  ) {
    const env = channelEnvFrom((key) => config.get(key as keyof ContextServiceEnv));
    const options = { timeoutMs: config.get('SEND_TIMEOUT_MS', { infer: true }) };
    this.senders = new Map(
      (Object.keys(CHANNEL_ADAPTERS) as SocialChannel[]).map((channel) => [
        channel,
        CHANNEL_ADAPTERS[channel].sender(env, options),
      ]),
    );
    this.cipher = credentialCipherFrom(config);
  }

  async deliver(inbound: ConversationMessage, reply: ConversationMessage): Promise<Delivery> {
    if (inbound.replyDeadlineAt) {
      if (Date.now() <= inbound.replyDeadlineAt.getTime()) return this.handToWaitingWebhook(inbound, reply);
      if (!isSocialChannel(reply.channel))
        return this.settle(inbound, reply, 'pending', { status: 'expired', error: 'the caller had moved on' });
    }
    if (!isSocialChannel(reply.channel)) {
      return this.settle(inbound, reply, 'pending', {
        status: 'failed',
        error: `no sender for ${reply.channel} replies`,
      });
    }
    return this.send(inbound, reply, reply.channel);
  }

  private async handToWaitingWebhook(inbound: ConversationMessage, reply: ConversationMessage): Promise<Delivery> {
    // A retried job finds the reply handed over already: the waiting request has its answer.
    if (reply.status !== 'pending') return { done: true };
    const event: ConversationRepliedEvent = { inboundMessageId: inbound.id, text: reply.text, handoff: reply.handoff };
    if (!(await this.events.publish(CONVERSATION_REPLIED_PATTERN, event)))
      throw new Error('the reply could not be handed to its webhook');
    return this.settle(inbound, reply, 'pending', { status: 'sent', sentAt: new Date() });
  }

  /** `current`: the reply as just read or written by this job. */
  private async send(
    inbound: ConversationMessage,
    current: ConversationMessage,
    channel: SocialChannel,
  ): Promise<Delivery> {
    if (current.status === 'sending') {
      // A previous attempt died mid-send: the platform may have the message. Never send twice.
      return this.settle(inbound, current, 'sending', {
        status: 'unknown',
        error: 'the send was interrupted; it may have been delivered',
      });
    }
    if (current.status !== 'pending') return { done: true };

    const window = CHANNEL_ADAPTERS[channel].replyWindowMs;
    if (window !== undefined && inbound.sentAt && Date.now() - inbound.sentAt.getTime() > window) {
      return this.settle(inbound, current, 'pending', {
        status: 'needs_template',
        error: 'outside the 24-hour reply window: a template message or a person is needed',
      });
    }
    const waitMs = await this.limits.reserve(channel, current.businessAccountId);
    if (waitMs > 0) return { done: false, retryAfterMs: waitMs, reason: 'send rate limit of the account' };

    const accessToken = await this.tokenOf(current.agentId, channel);
    if (!accessToken) {
      return this.settle(inbound, current, 'pending', {
        status: 'failed',
        error: `no ${channel} credentials for this agent`,
      });
    }
    if (!(await new ConversationMessages(this.db.manager).takeForSending(current.id))) return { done: true };

    const sending = this.sendSeconds.startTimer({ channel });
    const outcome = await this.senders.get(channel)!.send({
      channel,
      businessAccountId: current.businessAccountId,
      recipientId: current.counterpartId,
      text: current.text,
      accessToken,
    });
    sending({ outcome: outcome.kind });
    if (outcome.kind !== 'sent') {
      const reason = outcome.kind === 'rejected' && outcome.credentialsInvalid ? 'credentials_invalid' : outcome.kind;
      this.sendErrors.inc({ channel, reason });
    }
    this.logger.log({ agentId: current.agentId, channel, replyId: current.id, outcome: outcome.kind }, 'reply send');
    return this.record(inbound, current, outcome);
  }

  private async record(
    inbound: ConversationMessage,
    reply: ConversationMessage,
    outcome: SendOutcome,
  ): Promise<Delivery> {
    switch (outcome.kind) {
      case 'sent':
        return this.settle(inbound, reply, 'sending', {
          status: 'sent',
          platformMessageId: outcome.platformMessageId,
          sentAt: new Date(),
        });
      case 'retry':
        await this.settle(inbound, reply, 'sending', { status: 'pending', error: outcome.reason });
        return { done: false, retryAfterMs: outcome.retryAfterMs ?? 0, reason: outcome.reason };
      case 'outside_window':
        return this.settle(inbound, reply, 'sending', { status: 'needs_template', error: outcome.reason });
      case 'rejected':
        if (outcome.credentialsInvalid) await this.credentialsRejected(reply, outcome.reason);
        return this.settle(inbound, reply, 'sending', { status: 'failed', error: outcome.reason });
      case 'unknown':
        return this.settle(inbound, reply, 'sending', { status: 'unknown', error: outcome.reason });
    }
  }

  /**
   * Moves the reply from `from` to its next state; a reply another job already moved is left alone. A reply that did
   * not reach the customer (and never will by itself) is a `message.follow_up` event, recorded with the move.
   */
  private async settle(
    inbound: ConversationMessage,
    reply: ConversationMessage,
    from: ConversationMessage['status'],
    changes: Parameters<ConversationMessages['moveDelivery']>[2],
  ): Promise<Delivery> {
    if (!changes.status || !PERSON_NEEDED.includes(changes.status)) {
      const moved = await new ConversationMessages(this.db.manager).moveDelivery(reply.id, from, changes);
      if (moved) this.measure(inbound, reply, changes.status);
      return { done: true };
    }
    const moved = await this.db.transaction(async (tx) => {
      if (!(await new ConversationMessages(tx).moveDelivery(reply.id, from, changes))) return false;
      const reason = changes.error ?? `the reply is ${changes.status}`;
      await handToPerson(tx, 'message.follow_up', inbound, { reason, status: changes.status!, reply });
      return true;
    });
    if (moved) this.measure(inbound, reply, changes.status);
    return { done: true };
  }

  /** Counted once, by the job that moved the reply to where its delivery ends; a turn ends when the agent's is sent. */
  private measure(
    inbound: ConversationMessage,
    reply: ConversationMessage,
    status: ConversationMessage['status'] | undefined,
  ): void {
    if (!status || !FINAL.includes(status)) return;
    const author = reply.author ? 'person' : 'agent';
    this.replies.inc({ channel: reply.channel, author, outcome: status });
    if (status === 'sent' && author === 'agent')
      this.turnSeconds.observe({ channel: reply.channel }, (Date.now() - inbound.createdAt.getTime()) / 1000);
  }

  /**
   * The platform refused the channel's token: the channel says so (its `error`), and the backend hears it once per
   * distinct refusal (`channel.credentials_invalid`), not once per reply.
   */
  private async credentialsRejected(reply: ConversationMessage, reason: string): Promise<void> {
    const error = `the platform refused the stored credentials: ${reason}`.slice(0, 500);
    await this.db.transaction(async (tx) => {
      if (!(await this.channels.flagRefusedCredentials(tx, reply.agentId, reply.channel, error))) return;
      await recordEvent(tx, {
        type: 'channel.credentials_invalid',
        agentId: reply.agentId,
        data: { channel_type: reply.channel, error },
      });
    });
  }

  private async tokenOf(agentId: string, channel: SocialChannel): Promise<string | undefined> {
    const row = await this.channels.one(agentId, channel);
    if (!row?.credentialsCiphertext) return undefined;
    const credentials = this.cipher.decrypt<object>(row.credentialsCiphertext, { agentId, channel });
    return adapterOf(channel).credentials.tokenOf(credentials);
  }
}
