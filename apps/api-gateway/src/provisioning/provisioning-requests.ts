import { ConflictException, Injectable, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { planOperation, type AgentConfigDto, type CredentialChannel, type OperationStatus } from '@voca/contracts';
import { externalAccountIdOf } from '@voca/channels';
import { Agent, AgentChannelStore, auditAgentChange, IdempotencyKey, ProvisioningOperation } from '@voca/persistence';
import { randomUUID } from 'node:crypto';
import { DataSource, QueryFailedError, type EntityManager } from 'typeorm';
import { fieldError } from '../http/field-errors.js';
import { AccountClaims } from './account-claims.js';
import { CredentialSealer } from './credential-sealer.js';
import { OperationStarter } from './operation-starter.js';

export interface ProvisionCommand {
  vendorId: string;
  config: AgentConfigDto;
  requestId: string;
  /** Who asked, for the audit trail. */
  actor: string;
  /** Where the profile sits in the request body (`agent_config.` or top level), for naming fields in errors. */
  fieldPrefix: string;
  idempotency?: { key: string; requestHash: string };
}

export interface ProvisionOutcome {
  operationId: string;
  agentId: string;
  status: OperationStatus;
  /** True when an earlier request with the same Idempotency-Key created the operation. */
  replayed: boolean;
}

const UNIQUE_VIOLATION = '23505';

function violatedConstraint(error: unknown): string | undefined {
  if (!(error instanceof QueryFailedError)) return undefined;
  const driverError = error.driverError as { code?: string; constraint?: string };
  return driverError.code === UNIQUE_VIOLATION ? driverError.constraint : undefined;
}

/**
 * Turns a provisioning request into records and jobs: the agent, its channels, the operation and its steps are
 * written in one transaction (with the idempotency key, if any), then the operation's flow is added to BullMQ.
 * If Redis refuses the flow, the operation stays recorded and the outbox relay adds it later.
 */
@Injectable()
export class ProvisioningRequests {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly channels: AgentChannelStore,
    private readonly operations: OperationStarter,
    private readonly sealer: CredentialSealer,
    private readonly claims: AccountClaims,
  ) {}

  async submit(command: ProvisionCommand): Promise<ProvisionOutcome> {
    const earlier = await this.replay(command);
    if (earlier) return earlier;
    await this.claims.prove(command.config.channel_credentials, command.fieldPrefix);
    let outcome: ProvisionOutcome;
    try {
      outcome = await this.db.transaction((tx) => this.record(tx, command));
    } catch (error) {
      const constraint = violatedConstraint(error);
      if (constraint === 'pk_idempotency_keys') {
        const concurrent = await this.replay(command);
        if (concurrent) return concurrent;
      }
      if (constraint === 'uq_agent_channels_external_account') {
        throw new ConflictException('a platform account in channel_credentials already belongs to another agent');
      }
      throw error;
    }
    await this.operations.enqueue(outcome.operationId);
    return outcome;
  }

  /** The operation an earlier request with the same key created, or a 422 when that request had another body. */
  private async replay(command: ProvisionCommand): Promise<ProvisionOutcome | undefined> {
    if (!command.idempotency) return undefined;
    const { key, requestHash } = command.idempotency;
    const used = await this.db.getRepository(IdempotencyKey).findOneBy({ vendorId: command.vendorId, key });
    if (!used) return undefined;
    if (used.requestHash !== requestHash) {
      throw new UnprocessableEntityException('this Idempotency-Key was already used with a different request');
    }
    const operation = await this.db.getRepository(ProvisioningOperation).findOneByOrFail({ id: used.operationId });
    return { operationId: operation.id, agentId: operation.agentId, status: operation.status, replayed: true };
  }

  private async record(tx: EntityManager, command: ProvisionCommand): Promise<ProvisionOutcome> {
    const { config, vendorId } = command;
    await this.refuseTakenAccounts(tx, command);
    const agentId = randomUUID();

    await tx.insert(Agent, {
      id: agentId,
      vendorId,
      name: config.name,
      description: config.description ?? null,
      businessType: config.business_type,
      status: 'provisioning',
      characterConfig: { ...config.character_config },
      context: { ...config.context },
      version: 1,
    });
    await this.channels.add(
      tx,
      agentId,
      config.channels.map((channel) => ({
        channel,
        ...this.sealer.seal(config.channel_credentials, channel, agentId),
      })),
    );
    const operationId = await this.operations.write(tx, {
      agentId,
      vendorId,
      kind: 'provision',
      steps: planOperation({ kind: 'provision', channels: config.channels }),
      requestId: command.requestId,
      capacity: 'checked',
    });
    await auditAgentChange(tx, {
      agentId,
      action: 'created',
      toStatus: 'provisioning',
      actor: command.actor,
      requestId: command.requestId,
      details: { operationId, channels: config.channels },
    });
    if (command.idempotency) {
      await tx.insert(IdempotencyKey, {
        vendorId,
        key: command.idempotency.key,
        requestHash: command.idempotency.requestHash,
        operationId,
      });
    }
    return { operationId, agentId, status: 'queued', replayed: false };
  }

  /** A platform account (WhatsApp number, Page, ...) routes to one agent only. */
  private async refuseTakenAccounts(tx: EntityManager, { config, fieldPrefix }: ProvisionCommand): Promise<void> {
    for (const channel of Object.keys(config.channel_credentials ?? {}) as CredentialChannel[]) {
      const externalAccountId = externalAccountIdOf(channel, config.channel_credentials!);
      if (!externalAccountId) continue;
      const taken = await this.channels.holderOf(channel, externalAccountId, tx);
      if (taken) {
        const field = `${fieldPrefix}channel_credentials.${channel}`;
        throw new ConflictException(fieldError(field, `this ${channel} account already belongs to another agent`));
      }
    }
  }
}
