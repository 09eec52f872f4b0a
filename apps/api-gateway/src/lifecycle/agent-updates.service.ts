import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  actionTowards,
  isSocialChannel,
  planOperation,
  unspokenVoiceLanguage,
  UPDATABLE_STATUSES,
  type AgentAction,
  type Channel,
  type CredentialChannel,
  type UpdateAgentRequestDto,
} from '@voca/contracts';
import { Agent, AgentChannelStore, auditAgentChange, type AgentChannel } from '@voca/persistence';
import { isDeepStrictEqual } from 'node:util';
import { DataSource, type EntityManager } from 'typeorm';
import { actorOf } from '../auth/actor.js';
import type { Principal } from '../auth/principal.js';
import { canSee } from '../auth/vendor-scope.js';
import { fieldError } from '../http/field-errors.js';
import { AccountClaims } from '../provisioning/account-claims.js';
import { CredentialSealer } from '../provisioning/credential-sealer.js';
import { OperationStarter } from '../provisioning/operation-starter.js';
import { AgentLifecycle, notAllowed } from './agent-lifecycle.service.js';

export interface UpdateOutcome {
  agentId: string;
  /** The transition a requested `status` made, if any. */
  action?: AgentAction;
  /** The operation that carries the change to the channels, when one was needed. */
  operationId?: string;
  /** True when the change needs provisioning beyond the record (new or dropped channels, a new profile or account). */
  provisions: boolean;
}

/** What a PUT changes besides the status and the version it is based on. */
type ProfileChange = Omit<UpdateAgentRequestDto, 'status' | 'version'>;

/** Fields an agent always has: the validation lets `null` through as "not sent", but a change cannot empty them. */
const NOT_NULLABLE = [
  'name',
  'business_type',
  'channels',
  'character_config',
  'context',
  'channel_credentials',
  'status',
  'version',
] as const;

function refuseNulls(change: UpdateAgentRequestDto): void {
  const nulled = NOT_NULLABLE.filter((field) => (change as Record<string, unknown>)[field] === null);
  if (nulled.length === 0) return;
  throw new BadRequestException({
    message: nulled.map((field) => `${field}: ${field} cannot be null (leave it out to keep it)`).join(' | '),
    fields: nulled.map((field) => ({ field, messages: [`${field} cannot be null (leave it out to keep it)`] })),
  });
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
 * re-runs its step, which moves the webhook subscription to it, and so do the credentials a channel waiting for
 * configuration needed, which make it active.
 */
@Injectable()
export class AgentUpdates {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly channels: AgentChannelStore,
    private readonly operations: OperationStarter,
    private readonly sealer: CredentialSealer,
    private readonly lifecycle: AgentLifecycle,
    private readonly claims: AccountClaims,
  ) {}

  /** Applies a change, and the transition a requested `status` needs, in one transaction. */
  async update(
    agentId: string,
    change: UpdateAgentRequestDto,
    principal: Principal,
    requestId: string,
  ): Promise<UpdateOutcome> {
    const { status, version, ...edits } = change;
    if (status === undefined && Object.keys(edits).length === 0) {
      throw new BadRequestException(
        'the body changes nothing: send the name, status or another field of the agent to change',
      );
    }
    refuseNulls(change);
    await this.claims.prove(edits.channel_credentials, '');
    const outcome = await this.db.transaction(async (tx) => {
      const agent = await tx.findOne(Agent, { where: { id: agentId }, lock: { mode: 'pessimistic_write' } });
      if (!agent || !canSee(principal, agent.vendorId)) throw new NotFoundException(`agent ${agentId} not found`);
      if (version !== undefined && version !== agent.version) {
        throw new ConflictException({
          message: `the agent changed since version ${version}; read it again (version ${agent.version}) and retry`,
          version: agent.version,
        });
      }
      const action = status ? (actionTowards(agent.status, status) ?? undefined) : undefined;
      // The spec's `{status}` alone is a transition, like the action routes: it is not an edit of the profile.
      const edited = Object.keys(edits).length > 0;
      const recorded = edited
        ? await this.record(tx, agent, edits, principal, requestId)
        : { agentId, provisions: false };
      if (action) await this.lifecycle.apply(tx, agent, action, principal, requestId);
      return { ...recorded, action };
    });
    const { operationId } = outcome;
    if (operationId) await this.operations.enqueue(operationId);
    if (outcome.action) await this.lifecycle.afterCommit(agentId, outcome.action, requestId);
    return outcome;
  }

  private async record(
    tx: EntityManager,
    agent: Agent,
    change: ProfileChange,
    principal: Principal,
    requestId: string,
  ): Promise<UpdateOutcome> {
    const agentId = agent.id;
    if (!UPDATABLE_STATUSES.includes(agent.status)) throw notAllowed('update', agent.status);

    const rows = await this.channels.of(agentId, { tx });
    const before = rows.map((row) => row.channel);
    const after = change.channels ?? before;
    // A voice agent speaks a language the engine speaks on the phone, whichever of the two this change moves.
    if (change.channels !== undefined || change.character_config !== undefined) {
      const unspoken = unspokenVoiceLanguage(after, (change.character_config ?? agent.characterConfig)?.language);
      if (unspoken) throw new BadRequestException(fieldError('character_config.language', unspoken));
    }
    const added = after.filter((channel) => !before.includes(channel));
    const dropped = before.filter((channel) => !after.includes(channel));
    const nameChanged = change.name !== undefined && change.name !== agent.name;
    const profileChanged = PROFILE_FIELDS.some(
      ({ field, column }) =>
        change[field] !== undefined && !isDeepStrictEqual({ ...(change[field] as object) }, agent[column]),
    );

    const rehomed = await this.applyCredentials(tx, agentId, rows, change, after);
    await this.channels.remove(tx, agentId, dropped);
    await this.channels.add(
      tx,
      agentId,
      added.map((channel) => ({ channel, ...this.sealer.seal(change.channel_credentials, channel, agentId) })),
    );
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
    // Each step of the difference runs with its group's full new set (planOperation).
    const operationId = needsOperation
      ? await this.operations.write(tx, {
          agentId,
          vendorId: agent.vendorId,
          kind: 'update',
          steps: planOperation({ kind: 'update', before, after }),
          requestId,
          capacity: 'checked',
        })
      : undefined;
    await auditAgentChange(tx, {
      agentId,
      action: 'updated',
      fromStatus: agent.status,
      toStatus: agent.status,
      actor: actorOf(principal),
      requestId,
      details: {
        fields: Object.keys(change).filter((key) => key !== 'channel_credentials'),
        credentials: Object.keys(change.channel_credentials ?? {}),
        added,
        dropped,
        ...(operationId ? { operationId } : {}),
      },
    });
    return {
      agentId,
      operationId,
      provisions: Boolean(added.length || dropped.length || rehomed.length || profileChanged),
    };
  }

  /** Stores new credentials; answers the channels whose step must run again (configured now, or moved). */
  private async applyCredentials(
    tx: EntityManager,
    agentId: string,
    rows: AgentChannel[],
    change: ProfileChange,
    channels: Channel[],
  ): Promise<Channel[]> {
    const rehomed: Channel[] = [];
    for (const channel of Object.keys(change.channel_credentials ?? {}) as CredentialChannel[]) {
      if (change.channel_credentials?.[channel] === undefined) continue;
      if (!channels.includes(channel)) {
        throw new BadRequestException(
          fieldError(`channel_credentials.${channel}`, `the agent has no ${channel} channel`),
        );
      }
      const { externalAccountId, credentialsCiphertext } = this.sealer.seal(
        change.channel_credentials,
        channel,
        agentId,
      );
      const taken = externalAccountId ? await this.channels.holderOf(channel, externalAccountId, tx) : null;
      if (taken && taken.agentId !== agentId) {
        throw new ConflictException(
          fieldError(`channel_credentials.${channel}`, `this ${channel} account already belongs to another agent`),
        );
      }
      const row = rows.find((r) => r.channel === channel);
      // A channel waiting for these credentials runs its step now; a social channel moved to another account too.
      const waiting = row?.status === 'pending_configuration';
      if (
        row &&
        (waiting ||
          (isSocialChannel(channel) && this.sealer.namesAnotherAccount(channel, row, change.channel_credentials!)))
      ) {
        rehomed.push(channel);
      }
      // New credentials answer a platform's refusal of the old ones (the error an active channel can carry).
      const clearError = row?.status === 'active';
      await this.channels.storeCredentials(
        tx,
        agentId,
        channel,
        { externalAccountId, credentialsCiphertext },
        clearError,
      );
    }
    return rehomed;
  }
}
