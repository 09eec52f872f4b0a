import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  CONNECT_PROVISIONER,
  type ConnectChannel,
  type ConnectChannelResult,
  type ConnectProvisioner,
  type ConnectRefs,
} from '@voca/aws-connect';
import { CONNECT_CHANNELS, type AgentStatus } from '@voca/contracts';
import { AgentChannelStore, businessProfileOf, type Agent, type AgentChannel } from '@voca/persistence';
import { requireAgent, whileHoldingLock } from '@voca/provisioning';
import { DataSource } from 'typeorm';

type Report = (detail: string) => Promise<void>;

/** Agents whose cloud resources are kept (and so re-created when they vanish); others are provisioning or gone. */
export const HEALED_AGENT_STATUSES: readonly AgentStatus[] = ['active', 'partially_active', 'paused', 'stopped'];

/**
 * An agent's voice and SMS channels on Amazon Connect, as the engine records them: brought to what the agent's
 * channels and profile ask for, or torn down. One run at a time per agent, whichever job or worker it is.
 */
@Injectable()
export class AgentConnectChannels {
  constructor(
    @Inject(CONNECT_PROVISIONER) private readonly provisioner: ConnectProvisioner,
    @InjectDataSource() private readonly db: DataSource,
    private readonly store: AgentChannelStore,
  ) {}

  get mode(): string {
    return this.provisioner.mode;
  }

  /** Provisions `channels` (all of the agent's Connect channels; none tears them down) and records the result. */
  provision(agentId: string, channels: ConnectChannel[], report: Report): Promise<ConnectChannelResult[]> {
    return this.exclusively(agentId, async () => {
      const agent = await requireAgent(this.db.manager, agentId);
      return this.provisionHeld(agent, await this.rowsOf(agentId), channels, report);
    });
  }

  /**
   * Provisions again the Connect channels an agent has, to re-create what vanished from the cloud; nothing when the
   * agent was deleted, or its channels stopped being active, meanwhile.
   */
  heal(agentId: string, report: Report): Promise<ConnectChannelResult[] | undefined> {
    return this.exclusively(agentId, async () => {
      const agent = await requireAgent(this.db.manager, agentId);
      const rows = await this.rowsOf(agentId);
      if (!HEALED_AGENT_STATUSES.includes(agent.status) || !rows.some((row) => row.status === 'active'))
        return undefined;
      return this.provisionHeld(
        agent,
        rows,
        rows.map((row) => row.channel as ConnectChannel),
        report,
      );
    });
  }

  private async provisionHeld(
    agent: Agent,
    rows: AgentChannel[],
    channels: ConnectChannel[],
    report: Report,
  ): Promise<ConnectChannelResult[]> {
    const agentId = agent.id;
    if (channels.length === 0) {
      // An update dropped every Connect channel: tear down what the agent had there.
      await this.provisioner.deprovision({ agentId, vendorId: agent.vendorId, known: knownRefs(rows), report });
      return [];
    }
    const results = await this.provisioner.provision({
      agentId,
      vendorId: agent.vendorId,
      channels,
      profile: businessProfileOf(agent),
      smsSourcePhoneNumberArn: rows.find((row) => row.channel === 'sms')?.externalAccountId ?? undefined,
      known: knownRefs(rows),
      record: (refs) => this.record(agentId, refs),
      report,
    });
    await this.store.recordConnectOutcome(agentId, results);
    return results;
  }

  /**
   * Removes what the agent had on Connect and forgets its refs; safe to repeat. `onlyIfFailed` (compensation after an
   * operation whose Connect channels failed): nothing is removed if a Connect channel is no longer failed when this
   * runs, since a later operation (a retry, an update) has taken the resources over. Answers whether it removed.
   */
  teardown(agentId: string, vendorId: string, report: Report, onlyIfFailed = false): Promise<boolean> {
    return this.exclusively(agentId, async () => {
      const rows = await this.rowsOf(agentId);
      if (onlyIfFailed && rows.some((row) => row.status !== 'failed')) return false;
      await this.provisioner.deprovision({ agentId, vendorId, known: knownRefs(rows), report });
      await this.store.forgetProviderRefs(agentId, CONNECT_CHANNELS);
      return true;
    });
  }

  /** What the agent's recorded refs name that the cloud no longer has (see ConnectProvisioner.vanished). */
  vanished(known: ConnectRefs): Promise<string[]> {
    return this.provisioner.vanished(known);
  }

  forgetVerified(): void {
    this.provisioner.forgetVerified();
  }

  rowsOf(agentId: string): Promise<AgentChannel[]> {
    return this.store.of(agentId, { channels: CONNECT_CHANNELS });
  }

  exclusively<T>(agentId: string, work: () => Promise<T>): Promise<T> {
    return whileHoldingLock(this.db, `aws-connect:${agentId}`, work);
  }

  private record(agentId: string, refs: ConnectRefs): Promise<void> {
    return this.store.addProviderRefs(agentId, CONNECT_CHANNELS, refs);
  }
}

export function knownRefs(rows: AgentChannel[]): ConnectRefs {
  return Object.assign({}, ...rows.map((row) => row.providerRefs));
}
