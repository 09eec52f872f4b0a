import { BadRequestException, ConflictException, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import type { GatewayEnv } from '@voca/config';
import {
  allowedActions,
  isConnectChannel,
  isSocialChannel,
  UPDATABLE_STATUSES,
  type Channel,
  type CredentialChannel,
  type UpdateAgentRequestDto,
} from '@voca/contracts';
import { Agent, AgentChannel, AgentEvent, ProvisioningOperation, ProvisioningStep } from '@voca/persistence';
import { isDeepStrictEqual } from 'node:util';
import { randomUUID } from 'node:crypto';
import { DataSource, In, type EntityManager } from 'typeorm';
import { actorOf } from '../auth/actor.js';
import type { Principal } from '../auth/principal.js';
import { canSee } from '../auth/vendor-scope.js';
import { fieldError } from '../http/field-errors.js';
import { CredentialSealer } from '../provisioning/credential-sealer.js';
import { ProvisioningFlow } from '../provisioning/provisioning-flow.js';
import { ensureVendorCapacity } from '../provisioning/vendor-capacity.js';

export interface UpdateOutcome {
  agentId: string;
  /** The operation that carries the change to the channels, when one was needed. */
  operationId?: string;
  /** True when the change needs provisioning beyond the record (new or dropped channels, a new profile or account). */
  provisions: boolean;
}

type ProfileField = 'description' | 'business_type' | 'character_config' | 'context';
const PROFILE_FIELDS: { field: ProfileField; column: keyof Agent }[] = [
  { field: 'description', column: 'description' },
  { field: 'business_type', column: 'businessType' },
  { field: 'character_config', column: 'characterConfig' },
  { field: 'context', column: 'context' },
];

/**
 * Changes an agent. The record changes at once, under optimistic versioning (a write based on a stale version is
 * 409); what the change means for the channels runs as an operation for the difference only: new channels are
 * provisioned, dropped ones torn down, and a new profile (or name) re-renders the character, the Connect flow and
 * the context. New credentials for the same accounts need no operation; another account for a social channel
 * re-runs its step, which moves the webhook subscription to it.
 */
@Injectable()
export class AgentUpdates {
  private readonly logger = new Logger(AgentUpdates.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly flow: ProvisioningFlow,
    private readonly config: ConfigService<GatewayEnv, true>,
    private readonly sealer: CredentialSealer,
  ) {}

  async update(agentId: string, change: UpdateAgentRequestDto, principal: Principal, requestId: string): Promise<UpdateOutcome> {
    const outcome = await this.db.transaction((tx) => this.record(tx, agentId, change, principal, requestId));
    if (outcome.operationId) {
      try {
        await this.flow.enqueue(outcome.operationId);
      } catch (error) {
        this.logger.warn({ operationId: outcome.operationId, err: error }, 'update flow not added yet; the outbox relay will retry');
      }
    }
    return outcome;
  }

  private async record(
    tx: EntityManager,
    agentId: string,
    change: UpdateAgentRequestDto,
    principal: Principal,
    requestId: string,
  ): Promise<UpdateOutcome> {
    const agent = await tx.findOne(Agent, { where: { id: agentId }, lock: { mode: 'pessimistic_write' } });
    if (!agent || !canSee(principal, agent.vendorId)) throw new NotFoundException(`agent ${agentId} not found`);
    if (!UPDATABLE_STATUSES.includes(agent.status)) {
      const allowed = allowedActions(agent.status);
      throw new ConflictException({ message: `cannot update an agent that is ${agent.status}`, status: agent.status, allowed });
    }
    if (change.version !== agent.version) {
      throw new ConflictException({
        message: `the agent changed since version ${change.version}; read it again (version ${agent.version}) and retry`,
        version: agent.version,
      });
    }

    const rows = await tx.findBy(AgentChannel, { agentId });
    const before = rows.map((row) => row.channel);
    const after = change.channels ?? before;
    const added = after.filter((channel) => !before.includes(channel));
    const dropped = before.filter((channel) => !after.includes(channel));
    const nameChanged = change.name !== undefined && change.name !== agent.name;
    const profileChanged = PROFILE_FIELDS.some(
      ({ field, column }) => change[field] !== undefined && !isDeepStrictEqual({ ...(change[field] as object) }, agent[column]),
    );

    const rehomed = await this.applyCredentials(tx, agentId, rows, change, after);
    if (dropped.length) await tx.delete(AgentChannel, { agentId, channel: In(dropped) });
    if (added.length) {
      await tx.insert(
        AgentChannel,
        added.map((channel) => ({ agentId, channel, status: 'pending' as const, ...this.sealer.seal(change.channel_credentials, channel) })),
      );
    }
    await tx.update(
      Agent,
      { id: agentId },
      {
        ...(change.name !== undefined ? { name: change.name } : {}),
        ...(change.description !== undefined ? { description: change.description } : {}),
        ...(change.business_type !== undefined ? { businessType: change.business_type } : {}),
        ...(change.character_config !== undefined ? { characterConfig: { ...change.character_config } } : {}),
        ...(change.context !== undefined ? { context: { ...change.context } } : {}),
        version: () => 'version + 1',
      },
    );

    const needsOperation = added.length || dropped.length || rehomed.length || profileChanged || nameChanged;
    if (needsOperation) await ensureVendorCapacity(tx, agent.vendorId, this.config.get('MAX_OPERATIONS_PER_VENDOR', { infer: true }));
    const operationId = needsOperation
      ? await this.writeUpdateOperation(tx, agent, before, after, [...added, ...dropped, ...rehomed], requestId)
      : undefined;
    await tx.save(AgentEvent, {
      agentId,
      action: 'updated',
      fromStatus: agent.status,
      toStatus: agent.status,
      actor: actorOf(principal),
      requestId,
      details: {
        fields: Object.keys(change).filter((key) => key !== 'version' && key !== 'channel_credentials'),
        credentials: Object.keys(change.channel_credentials ?? {}),
        added,
        dropped,
        ...(operationId ? { operationId } : {}),
      },
    });
    return { agentId, operationId, provisions: Boolean(added.length || dropped.length || rehomed.length || profileChanged) };
  }

  /**
   * The steps of the difference: each channel group whose channels or rendering changed runs again with the group's
   * full new set (an empty set tears the group down); the context is rebuilt when the profile changed.
   */
  private async writeUpdateOperation(
    tx: EntityManager,
    agent: Agent,
    before: Channel[],
    after: Channel[],
    touched: Channel[],
    requestId: string,
  ): Promise<string> {
    const operationId = randomUUID();
    await tx.insert(ProvisioningOperation, { id: operationId, agentId: agent.id, vendorId: agent.vendorId, kind: 'update', status: 'queued', requestId });
    const groups = [
      { name: 'aws_connect' as const, member: isConnectChannel },
      { name: 'elizaos' as const, member: isSocialChannel },
    ];
    const steps: { name: ProvisioningStep['name']; channels: Channel[] }[] = [];
    for (const group of groups) {
      const had = before.some(group.member);
      const has = after.filter(group.member);
      // Every group that exists re-renders (new profile or name); one that is gone is torn down (empty set).
      if (had || has.length || touched.some(group.member)) steps.push({ name: group.name, channels: has });
    }
    steps.push({ name: 'context', channels: after }, { name: 'finalize', channels: [] });
    const maxAttempts = this.config.get('STEP_ATTEMPTS', { infer: true });
    await tx.insert(
      ProvisioningStep,
      steps.map((step, position) => ({ operationId, name: step.name, channels: step.channels, position, maxAttempts })),
    );
    return operationId;
  }

  /** Stores new credentials; answers the social channels they move to another platform account. */
  private async applyCredentials(
    tx: EntityManager,
    agentId: string,
    rows: AgentChannel[],
    change: UpdateAgentRequestDto,
    channels: Channel[],
  ): Promise<Channel[]> {
    const rehomed: Channel[] = [];
    for (const channel of Object.keys(change.channel_credentials ?? {}) as CredentialChannel[]) {
      if (change.channel_credentials?.[channel] === undefined) continue;
      if (!channels.includes(channel)) {
        throw new BadRequestException(fieldError(`channel_credentials.${channel}`, `the agent has no ${channel} channel`));
      }
      const { externalAccountId, credentialsCiphertext } = this.sealer.seal(change.channel_credentials, channel);
      const taken = externalAccountId
        ? await tx.getRepository(AgentChannel).findOneBy({ channel, externalAccountId })
        : null;
      if (taken && taken.agentId !== agentId) {
        throw new ConflictException(fieldError(`channel_credentials.${channel}`, `this ${channel} account already belongs to another agent`));
      }
      const row = rows.find((r) => r.channel === channel);
      if (row && isSocialChannel(channel) && this.sealer.namesAnotherAccount(channel, row, change.channel_credentials!)) rehomed.push(channel);
      await tx.update(AgentChannel, { agentId, channel }, { externalAccountId, credentialsCiphertext });
    }
    return rehomed;
  }

}
