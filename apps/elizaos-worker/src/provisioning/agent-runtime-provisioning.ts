import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { awaitingCredentials, webhookPathOf } from '@voca/channels';
import type { ElizaosWorkerEnv } from '@voca/config';
import { AGENT_UNLOADED_PATTERN, plural, type AgentUnloadedEvent, type SocialChannel } from '@voca/contracts';
import { buildCharacter, CharacterStore, loadEliza, RuntimeHost } from '@voca/elizaos';
import { AgentChannelStore, businessProfileOf, sortChannels } from '@voca/persistence';
import { requireAgent } from '@voca/provisioning';
import { EventPublisher } from '@voca/queue';
import { UnrecoverableError } from 'bullmq';
import { DataSource } from 'typeorm';
import { CharacterEventsPublisher } from '../runtimes/character-events.js';
import { PlatformSubscriber } from './platform-subscriber.js';

/**
 * The agent's ElizaOS side, made and unmade (the `elizaos` step of provisioning, run for every agent): its character
 * built from its business profile (voice and SMS turns are answered by it too), validated with ElizaOS's own schema,
 * stored as a new version when it changed, a runtime proved to start from it, the other replicas told, the platforms'
 * webhooks subscribed to the messaging channels' accounts (PLATFORM_SUBSCRIPTIONS=live), and the one ElizaOS identity
 * recorded on every messaging channel: active with its account, `pending_configuration` without one.
 */
@Injectable()
export class AgentRuntimeProvisioning {
  private readonly characters: CharacterStore;

  constructor(
    private readonly host: RuntimeHost,
    private readonly events: CharacterEventsPublisher,
    private readonly publisher: EventPublisher,
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: ConfigService<ElizaosWorkerEnv, true>,
    private readonly subscriber: PlatformSubscriber,
    private readonly channels: AgentChannelStore,
  ) {
    this.characters = new CharacterStore(db);
  }

  /** `report`: what the step is doing, for its detail. */
  async provision(agentId: string, channels: readonly SocialChannel[], report: (detail: string) => Promise<void>) {
    const agent = await requireAgent(this.db.manager, agentId);
    const rows = await this.channels.of(agentId);
    await report('writing the character');
    const character = buildCharacter(
      agentId,
      businessProfileOf(agent),
      sortChannels(rows).map((row) => row.channel),
    );
    const { core } = await loadEliza();
    const validation = core.validateCharacter(character);
    if (!validation.success) {
      const issues = validation.error?.issues?.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
      throw new UnrecoverableError(`ElizaOS refused the character: ${issues ?? validation.error?.message}`);
    }
    const { version, changed } = await this.characters.save(agentId, character);
    await report(`starting the agent runtime (character v${version})`);
    await this.host.warm(agentId);
    if (changed) await this.events.characterUpdated({ agentId, version });
    const subscriptions = await this.subscriber.reconcile(agentId);
    const notes = [...subscriptions].flatMap(([channel, { note }]) => (note ? [`${channel}: ${note}`] : []));

    const baseUrl = this.config.get('PUBLIC_BASE_URL', { infer: true }).replace(/\/$/, '');
    await this.channels.recordSocialOutcome(
      agentId,
      channels.map((channel) => {
        const row = rows.find((r) => r.channel === channel);
        const { refused, waiting } = subscriptions.get(channel) ?? {};
        const configured = Boolean(row?.externalAccountId && row.credentialsCiphertext);
        return {
          channel,
          status: refused ? 'failed' : configured && !waiting ? 'active' : 'pending_configuration',
          elizaosAgentId: character.id!,
          webhookUrl: `${baseUrl}${webhookPathOf(channel, row?.externalAccountId ?? undefined)}`,
          error: refused ?? waiting ?? (configured ? null : awaitingCredentials(channel)),
        };
      }),
    );
    await report([`runtime ready (character v${version})`, ...notes].join('; '));
    return { elizaosAgentId: character.id, characterVersion: version };
  }

  /**
   * The deletion step: the platform subscriptions made for the agent are undone and every replica unloads its
   * runtime; its stored characters follow AGENT_RETENTION. Returns the step's detail with what it removed.
   */
  async deprovision(agentId: string) {
    const unsubscribed = await this.subscriber.removeAll(agentId);
    await this.unload(agentId);
    const purge = this.config.get('AGENT_RETENTION', { infer: true }) === 'purge';
    const charactersPurged = purge ? await this.characters.purge(agentId) : 0;
    const detail =
      `runtimes unloaded; ${plural(unsubscribed, 'platform subscription')} removed; ` +
      (purge ? `${plural(charactersPurged, 'character version')} purged` : 'characters kept (AGENT_RETENTION=keep)');
    return { detail, result: { unloaded: true, unsubscribed, charactersPurged } };
  }

  private async unload(agentId: string): Promise<void> {
    const event: AgentUnloadedEvent = { agentId, reason: 'deleted' };
    await this.host.evict(agentId);
    if (!(await this.publisher.publish(AGENT_UNLOADED_PATTERN, event))) {
      throw new Error('could not tell the other replicas to unload the agent');
    }
  }
}
