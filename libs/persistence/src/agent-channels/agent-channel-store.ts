import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Channel, ChannelStatus } from '@voca/contracts';
import { DataSource, In, type EntityManager } from 'typeorm';
import { AgentChannel } from '../entities/agent-channel.entity.js';

/** A channel as the gateway records it: its claim on an account and its sealed credentials, pending its step. */
export interface NewChannel {
  channel: Channel;
  externalAccountId: string | null;
  credentialsCiphertext: string | null;
}

/** What the Connect step set up for one channel. */
export interface ConnectChannelOutcome {
  channel: Channel;
  status: ChannelStatus;
  phoneNumber?: string;
  instanceArn?: string;
  reason?: string;
}

/** What the ElizaOS step decided for one social channel. */
export interface SocialChannelOutcome {
  channel: Channel;
  status: ChannelStatus;
  elizaosAgentId: string;
  webhookUrl: string;
  error: string | null;
}

/**
 * The one place `agent_channels` is changed. Every app has a say in a channel's life, each through its own methods:
 * the gateway records the channel set, claims and credentials; the aws-connect-worker what it created on Connect and
 * what drifted; the elizaos-worker the social channels' outcome; context-service an operation's failed channels,
 * a deletion's release of the accounts and a platform's refusal of the credentials. Methods that take `tx` land in
 * the caller's transaction.
 */
@Injectable()
export class AgentChannelStore {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  // ----------------------------------------------------------------------------------------------------- reading

  /** The agent's channels (only `channels`, when given), read in `tx` when the caller is in a transaction. */
  of(
    agentId: string,
    { channels, tx = this.db.manager }: { channels?: readonly Channel[]; tx?: EntityManager } = {},
  ): Promise<AgentChannel[]> {
    return tx.findBy(AgentChannel, channels ? { agentId, channel: In([...channels]) } : { agentId });
  }

  ofAgents(agentIds: readonly string[]): Promise<AgentChannel[]> {
    return agentIds.length ? this.db.manager.findBy(AgentChannel, { agentId: In([...agentIds]) }) : Promise.resolve([]);
  }

  one(agentId: string, channel: Channel): Promise<AgentChannel | null> {
    return this.db.manager.findOneBy(AgentChannel, { agentId, channel });
  }

  /** The channel holding a platform account (a WhatsApp number, a Page...), whatever its agent's state. */
  holderOf(channel: Channel, externalAccountId: string, tx: EntityManager = this.db.manager) {
    return tx.findOneBy(AgentChannel, { channel, externalAccountId });
  }

  /** The live channel an inbound message for this account (or Connect number) belongs to; `agentId` narrows it. */
  live(channel: Channel, account: { externalAccountId?: string; phoneNumber?: string }, agentId?: string) {
    return this.db.manager.findOneBy(AgentChannel, {
      channel,
      ...account,
      status: 'active',
      ...(agentId ? { agentId } : {}),
    });
  }

  // ------------------------------------------------------------------------------------- gateway: what is asked for

  async add(tx: EntityManager, agentId: string, channels: readonly NewChannel[]): Promise<void> {
    if (!channels.length) return;
    await tx.insert(
      AgentChannel,
      channels.map((channel) => ({ ...channel, agentId, status: 'pending' as const })),
    );
  }

  async remove(tx: EntityManager, agentId: string, channels: readonly Channel[]): Promise<void> {
    if (channels.length) await tx.delete(AgentChannel, { agentId, channel: In([...channels]) });
  }

  /** New credentials (and the account they name); they answer a platform's refusal of the old ones. */
  async storeCredentials(
    tx: EntityManager,
    agentId: string,
    channel: Channel,
    sealed: Omit<NewChannel, 'channel'>,
    clearError: boolean,
  ): Promise<void> {
    await tx.update(AgentChannel, { agentId, channel }, { ...sealed, ...(clearError ? { error: null } : {}) });
  }

  /** A retried operation starts its failed channels again. */
  async retryFailed(tx: EntityManager, agentId: string): Promise<void> {
    await tx.update(AgentChannel, { agentId, status: 'failed' }, { status: 'pending', error: null });
  }

  // --------------------------------------------------------------------------- aws-connect-worker: what Connect holds

  async recordConnectOutcome(agentId: string, outcomes: readonly ConnectChannelOutcome[]): Promise<void> {
    await this.db.transaction(async (tx) => {
      for (const outcome of outcomes) {
        await tx.update(
          AgentChannel,
          { agentId, channel: outcome.channel },
          {
            status: outcome.status,
            phoneNumber: outcome.phoneNumber ?? null,
            awsConnectInstanceId: outcome.instanceArn ?? null,
            error: outcome.reason ?? null,
            cloudCheckedAt: new Date(),
          },
        );
      }
    });
  }

  /** Adds created resources to the channels' refs in one statement, so concurrent additions never lose one. */
  async addProviderRefs(agentId: string, channels: readonly Channel[], refs: object): Promise<void> {
    await this.db.query(
      `UPDATE agent_channels SET provider_refs = provider_refs || $2::jsonb, updated_at = now()
        WHERE agent_id = $1 AND channel = ANY($3)`,
      [agentId, JSON.stringify(refs), [...channels]],
    );
  }

  /** The channels' cloud resources were removed. */
  async forgetProviderRefs(agentId: string, channels: readonly Channel[]): Promise<void> {
    await this.db.manager.update(
      AgentChannel,
      { agentId, channel: In([...channels]) },
      { providerRefs: {}, phoneNumber: null },
    );
  }

  /** The drift audit found the channels' resources in AWS. */
  async markCloudChecked(agentId: string, channels: readonly Channel[]): Promise<void> {
    await this.db.query(
      `UPDATE agent_channels SET cloud_checked_at = now() WHERE agent_id = $1 AND channel = ANY($2)`,
      [agentId, [...channels]],
    );
  }

  /** Resources vanished from the cloud and could not be re-created: the active channels fail, saying why. */
  async markVanished(agentId: string, channels: readonly Channel[], reason: string): Promise<void> {
    await this.db.query(
      `UPDATE agent_channels SET status = 'failed', error = $2, cloud_checked_at = now(), updated_at = now()
        WHERE agent_id = $1 AND channel = ANY($3) AND status = 'active'`,
      [agentId, reason, [...channels]],
    );
  }

  // ------------------------------------------------------------------------- elizaos-worker: the social channels

  async recordSocialOutcome(agentId: string, outcomes: readonly SocialChannelOutcome[]): Promise<void> {
    await this.db.transaction(async (tx) => {
      for (const { channel, ...fields } of outcomes) await tx.update(AgentChannel, { agentId, channel }, fields);
    });
  }

  // -------------------------------------------------------------------- context-service: outcomes and refusals

  /** An operation's outcome: these channels failed, each with its reason. */
  async markFailed(tx: EntityManager, agentId: string, failed: ReadonlyMap<Channel, string>): Promise<void> {
    for (const [channel, error] of failed) {
      await tx.update(AgentChannel, { agentId, channel }, { status: 'failed', error });
    }
  }

  /** A finished deletion: the accounts are free for other agents, the credentials and cloud refs forgotten. */
  async releaseDeleted(tx: EntityManager, agentId: string): Promise<void> {
    await tx.update(
      AgentChannel,
      { agentId },
      {
        externalAccountId: null,
        credentialsCiphertext: null,
        phoneNumber: null,
        providerRefs: {},
        status: 'failed',
        error: 'deleted',
      },
    );
  }

  /** The platform refused the channel's credentials; answers whether this is news (not the refusal already noted). */
  async flagRefusedCredentials(tx: EntityManager, agentId: string, channel: Channel, error: string): Promise<boolean> {
    const flagged = await tx
      .createQueryBuilder()
      .update(AgentChannel)
      .set({ error })
      .where('agent_id = :agentId AND channel = :channel AND error IS DISTINCT FROM :error', {
        agentId,
        channel,
        error,
      })
      .execute();
    return Boolean(flagged.affected);
  }
}
