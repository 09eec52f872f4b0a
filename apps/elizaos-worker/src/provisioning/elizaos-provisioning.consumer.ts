import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { awaitingCredentials, webhookPathOf } from '@voca/channels';
import type { ElizaosWorkerEnv } from '@voca/config';
import {
  AGENT_UNLOADED_PATTERN,
  QueueName,
  type AgentUnloadedEvent,
  type JobOf,
  plural,
  type SocialChannel,
} from '@voca/contracts';
import { buildCharacter, CharacterStore, loadEliza, RuntimeHost } from '@voca/elizaos';
import { AgentChannelStore, businessProfileOf, sortChannels } from '@voca/persistence';
import { requireAgent, StepTracker } from '@voca/provisioning';
import { EventPublisher, QueueConsumer, type JobHandlers } from '@voca/queue';
import { UnrecoverableError, type Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { CharacterEventsPublisher } from '../runtimes/character-events.js';
import { PlatformSubscriber } from './platform-subscriber.js';

/**
 * The ElizaOS step of provisioning (queue `elizaos`), run for every agent: builds the agent's character from its
 * business profile (voice and SMS turns are answered by it too), validates it with ElizaOS's own schema, stores it
 * as a new version when it changed, proves a runtime starts from it, tells the other replicas, subscribes the
 * platforms' webhooks to the social channels' accounts (when PLATFORM_SUBSCRIPTIONS is live), and records the one
 * ElizaOS identity on every social channel: active with its account, `pending_configuration` without one.
 */
@Injectable()
export class ElizaosProvisioningConsumer extends QueueConsumer<typeof QueueName.ElizaOS> {
  protected readonly queue = QueueName.ElizaOS;
  protected readonly handlers: JobHandlers<typeof QueueName.ElizaOS> = {
    'elizaos.provision': (job) => this.provision(job),
    'elizaos.deprovision': (job) => this.deprovision(job),
  };
  protected readonly defaultConcurrency = 5;
  private readonly characters: CharacterStore;

  constructor(
    private readonly tracker: StepTracker,
    private readonly host: RuntimeHost,
    private readonly events: CharacterEventsPublisher,
    private readonly publisher: EventPublisher,
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: ConfigService<ElizaosWorkerEnv, true>,
    private readonly subscriber: PlatformSubscriber,
    private readonly channels: AgentChannelStore,
  ) {
    super();
    this.characters = new CharacterStore(db);
  }

  /**
   * The deletion step: the platform subscriptions made for the agent are undone and every replica unloads its
   * runtime; its stored characters follow AGENT_RETENTION.
   */
  private deprovision(job: Job<JobOf<'elizaos.deprovision'>>) {
    return this.tracker.run(job, 'elizaos', async () => {
      const { agentId, operationId } = job.data;
      const unsubscribed = await this.subscriber.removeAll(agentId);
      const unloaded = await this.unload(agentId);
      const purge = this.config.get('AGENT_RETENTION', { infer: true }) === 'purge';
      const charactersPurged = purge ? await this.characters.purge(agentId) : 0;
      await this.tracker.detail(
        operationId,
        'elizaos',
        `runtimes unloaded; ${plural(unsubscribed, 'platform subscription')} removed; ` +
          (purge
            ? `${plural(charactersPurged, 'character version')} purged`
            : 'characters kept (AGENT_RETENTION=keep)'),
      );
      return { ...unloaded, unsubscribed, charactersPurged };
    });
  }

  private async unload(agentId: string) {
    const event: AgentUnloadedEvent = { agentId, reason: 'deleted' };
    await this.host.evict(agentId);
    if (!(await this.publisher.publish(AGENT_UNLOADED_PATTERN, event))) {
      throw new Error('could not tell the other replicas to unload the agent');
    }
    return { unloaded: true };
  }

  private provision(job: Job<JobOf<'elizaos.provision'>>) {
    const { agentId, operationId } = job.data;
    const report = (detail: string) => this.tracker.detail(operationId, 'elizaos', detail);
    return this.tracker.run(job, 'elizaos', async () => {
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
      const social = job.data.channels as SocialChannel[];
      await this.channels.recordSocialOutcome(
        agentId,
        social.map((channel) => {
          const row = rows.find((r) => r.channel === channel);
          const refused = subscriptions.get(channel)?.refused;
          const configured = Boolean(row?.externalAccountId && row.credentialsCiphertext);
          return {
            channel,
            status: refused ? 'failed' : configured ? 'active' : 'pending_configuration',
            elizaosAgentId: character.id!,
            webhookUrl: `${baseUrl}${webhookPathOf(channel, row?.externalAccountId ?? undefined)}`,
            error: refused ?? (configured ? null : awaitingCredentials(channel)),
          };
        }),
      );
      await report([`runtime ready (character v${version})`, ...notes].join('; '));
      return { elizaosAgentId: character.id, characterVersion: version };
    });
  }
}
