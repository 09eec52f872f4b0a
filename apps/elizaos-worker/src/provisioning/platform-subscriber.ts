import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  adapterOf,
  channelEnvFrom,
  engineSecrets,
  webhookPathOf,
  type PlatformSubscriptionClient,
  type SubscriptionTarget,
} from '@voca/channels';
import type { ElizaosWorkerEnv } from '@voca/config';
import { isSocialChannel, SOCIAL_CHANNELS, type SocialChannel } from '@voca/contracts';
import { AgentChannelStore, PlatformSubscription } from '@voca/persistence';
import { credentialCipherFrom, type CredentialBinding, type CredentialCipher } from '@voca/secrets';
import { whileHoldingLock } from '@voca/provisioning';
import { DataSource, Not, type Repository } from 'typeorm';

interface WantedSubscription extends SubscriptionTarget {
  credentialsCiphertext: string;
}

/** Per channel: subscribed (or nothing to do), or why the platform refused. */
/**
 * Per channel: subscribed (or nothing to do), why the platform refused, a note for the operator, or why the channel
 * waits (its webhook only the engine can point, and it could not).
 */
export type SubscriptionResults = Map<SocialChannel, { refused?: string; note?: string; waiting?: string }>;

const key = (channel: string, accountId: string) => `${channel}:${accountId}`;

/**
 * Keeps the platforms' webhook subscriptions in line with an agent's social channels (PLATFORM_SUBSCRIPTIONS=live):
 * each account a channel answers for is subscribed to the app's webhooks, and every subscription the engine made that
 * no channel needs any more (a channel dropped, an account replaced, the agent deleted) is undone. What was made is
 * kept in `platform_subscriptions` with the credentials it was made with, so it can be undone after the channel's
 * own credentials are gone. Agents sharing an account (two numbers of one WhatsApp Business Account) each hold the
 * subscription: the first makes it on the platform, the last undoes it. A throttled or unreachable platform throws, and
 * the step is retried (both calls are
 * idempotent).
 */
@Injectable()
export class PlatformSubscriber {
  private readonly logger = new Logger(PlatformSubscriber.name);
  private readonly live: boolean;
  private readonly cipher?: CredentialCipher;
  private readonly clients: Map<SocialChannel, PlatformSubscriptionClient>;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly channels: AgentChannelStore,
    config: ConfigService<ElizaosWorkerEnv, true>,
  ) {
    this.live = config.get('PLATFORM_SUBSCRIPTIONS', { infer: true }) === 'live';
    if (config.get('CREDENTIALS_ENCRYPTION_KEY', { infer: true })) this.cipher = credentialCipherFrom(config);
    const env = channelEnvFrom((key) => config.get(key as keyof ElizaosWorkerEnv));
    const timeoutMs = config.get('SUBSCRIPTION_TIMEOUT_MS', { infer: true });
    const baseUrl = config.get('PUBLIC_BASE_URL', { infer: true }).replace(/\/$/, '');
    const secrets = engineSecrets(config.get('WEBHOOK_SECRET', { infer: true }));
    this.clients = new Map(
      SOCIAL_CHANNELS.map((channel) => [
        channel,
        adapterOf(channel).subscriptions(env, {
          timeoutMs,
          secrets,
          webhookUrlOf: (accountId) => `${baseUrl}${webhookPathOf(channel, accountId)}`,
        }),
      ]),
    );
  }

  /** Subscribes the accounts of the agent's social channels and undoes the subscriptions none of them needs. */
  async reconcile(agentId: string): Promise<SubscriptionResults> {
    const results: SubscriptionResults = new Map();
    if (!this.live) return this.unsubscribable(agentId, results);
    const wanted = await this.wanted(agentId, results);
    const made = await this.db.getRepository(PlatformSubscription).findBy({ agentId });
    const wantedKeys = new Set(wanted.map((w) => key(w.channel, w.accountId)));
    for (const subscription of made) {
      if (!wantedKeys.has(key(subscription.channel, subscription.accountId))) await this.undo(subscription);
    }
    const madeKeys = new Set(made.map((m) => key(m.channel, m.accountId)));
    for (const target of wanted) {
      if (madeKeys.has(key(target.channel, target.accountId))) continue;
      const outcome = await this.hold(agentId, target);
      if (outcome) results.set(target.channel, outcome);
    }
    return results;
  }

  /**
   * Without subscriptions, the channels whose webhook only the engine can point (Telegram's secret token is the
   * engine's) cannot receive: they wait, saying why.
   */
  private async unsubscribable(agentId: string, results: SubscriptionResults): Promise<SubscriptionResults> {
    const engineSet = SOCIAL_CHANNELS.filter((channel) => adapterOf(channel).webhookSetBy === 'engine');
    if (engineSet.length === 0) return results;
    for (const row of await this.channels.of(agentId, { channels: engineSet })) {
      if (!isSocialChannel(row.channel) || !row.externalAccountId) continue;
      results.set(row.channel, {
        waiting: `only the engine can point ${row.channel}'s webhook at its route: set PLATFORM_SUBSCRIPTIONS=live on the elizaos-worker`,
      });
    }
    return results;
  }

  /** Undoes every subscription made for the agent (its deletion). */
  async removeAll(agentId: string): Promise<number> {
    const made = await this.db.getRepository(PlatformSubscription).findBy({ agentId });
    for (const subscription of made) await this.undo(subscription);
    return made.length;
  }

  private async wanted(agentId: string, results: SubscriptionResults): Promise<WantedSubscription[]> {
    const rows = await this.channels.of(agentId, { channels: SOCIAL_CHANNELS });
    const wanted: WantedSubscription[] = [];
    for (const row of rows) {
      if (!isSocialChannel(row.channel) || !row.credentialsCiphertext || !row.externalAccountId) continue;
      const schema = adapterOf(row.channel).credentials;
      const credentials = this.credentialsOf(row.credentialsCiphertext, { agentId, channel: row.channel });
      const accessToken = schema.tokenOf(credentials);
      if (!accessToken) continue;
      const accountId = schema.subscriptionAccountOf(credentials, row.externalAccountId);
      if (typeof accountId !== 'string') {
        results.set(row.channel, { note: accountId.note });
        continue;
      }
      wanted.push({
        channel: row.channel,
        accountId,
        accessToken,
        credentialsCiphertext: row.credentialsCiphertext,
      });
    }
    return wanted;
  }

  /**
   * The agent takes hold of the account's subscription: made on the platform unless another agent already holds it.
   * Undefined when held; else why not (refused, or nothing the engine can do).
   */
  private hold(agentId: string, target: WantedSubscription): Promise<{ refused?: string; note?: string } | undefined> {
    return this.forAccount(target, async (repository) => {
      if (!(await repository.existsBy({ channel: target.channel, accountId: target.accountId }))) {
        const outcome = await this.clients.get(target.channel)!.subscribe(target);
        if (outcome.kind === 'retry') throw new Error(`${target.channel} subscription: ${outcome.reason}`);
        if (outcome.kind === 'rejected')
          return { refused: `the platform refused the webhook subscription: ${outcome.reason}` };
        if (outcome.kind === 'skipped') {
          return adapterOf(target.channel).webhookSetBy === 'engine'
            ? { waiting: outcome.reason }
            : { note: outcome.reason };
        }
        this.logger.log({ agentId, channel: target.channel, accountId: target.accountId }, 'webhooks subscribed');
      }
      await repository
        .createQueryBuilder()
        .insert()
        .values({
          agentId,
          channel: target.channel,
          accountId: target.accountId,
          credentialsCiphertext: target.credentialsCiphertext,
        })
        .orIgnore()
        .execute();
      return undefined;
    });
  }

  /** The agent lets go of a subscription; the last agent holding it undoes it on the platform. */
  private async undo(subscription: PlatformSubscription): Promise<void> {
    const { agentId, channel, accountId } = subscription;
    await this.forAccount(subscription, async (repository) => {
      const others = await repository.countBy({ channel, accountId, agentId: Not(agentId) });
      if (others === 0) {
        const credentials = this.credentialsOf(subscription.credentialsCiphertext, { agentId, channel });
        const token = adapterOf(channel).credentials.tokenOf(credentials) ?? '';
        const outcome = await this.clients.get(channel)!.unsubscribe({ channel, accountId, accessToken: token });
        if (outcome.kind === 'retry') throw new Error(`${channel} unsubscription: ${outcome.reason}`);
        // A refusal (a revoked token, an account gone) leaves nothing the engine could still undo.
        if (outcome.kind !== 'done')
          this.logger.warn({ agentId, channel, accountId, reason: outcome.reason }, 'webhook subscription not undone');
        else this.logger.log({ agentId, channel, accountId }, 'webhooks unsubscribed');
      } else {
        this.logger.log(
          { agentId, channel, accountId, others },
          'webhook subscription kept for the other agents on the account',
        );
      }
      await repository.delete({ id: subscription.id });
    });
  }

  /** One change at a time per platform account, whichever agent and replica makes it. */
  private forAccount<T>(
    account: { channel: string; accountId: string },
    work: (repository: Repository<PlatformSubscription>) => Promise<T>,
  ) {
    return whileHoldingLock(this.db, `subscription:${account.channel}:${account.accountId}`, () =>
      work(this.db.getRepository(PlatformSubscription)),
    );
  }

  private credentialsOf(ciphertext: string, binding: CredentialBinding): object {
    if (!this.cipher) throw new Error('CREDENTIALS_ENCRYPTION_KEY is required when PLATFORM_SUBSCRIPTIONS is live');
    return this.cipher.decrypt<object>(ciphertext, binding);
  }
}
