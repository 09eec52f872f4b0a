import type { OperationKind, PlannedStep } from '@voca/contracts';
import { randomUUID } from 'node:crypto';
import { IsNull, type EntityManager } from 'typeorm';
import { ProvisioningOperation } from '../entities/provisioning-operation.entity.js';
import { ProvisioningStep } from '../entities/provisioning-step.entity.js';

/** An operation about to be recorded, with the channel steps planned for it. */
export interface NewOperation {
  agentId: string;
  vendorId: string;
  kind: OperationKind;
  steps: PlannedStep[];
  requestId: string;
  maxAttempts: number;
  /** The failed operation this one runs again. */
  retryOf?: string;
}

/**
 * The provisioning operations and their steps, as the gateway (their owner) reads and writes them: each statement
 * named by what it does. Pass a transaction's EntityManager to read or write within it.
 */
export class ProvisioningOperations {
  constructor(private readonly db: EntityManager) {}

  /** Records a queued operation and its steps (its channel steps, then finalize); returns its id. */
  async create(operation: NewOperation): Promise<string> {
    const id = randomUUID();
    await this.db.insert(ProvisioningOperation, {
      id,
      agentId: operation.agentId,
      vendorId: operation.vendorId,
      kind: operation.kind,
      status: 'queued',
      requestId: operation.requestId,
      retryOf: operation.retryOf ?? null,
    });
    await this.db.insert(
      ProvisioningStep,
      [...operation.steps, { name: 'finalize' as const, channels: [] }].map((step, position) => ({
        operationId: id,
        name: step.name,
        channels: step.channels,
        position,
        maxAttempts: operation.maxAttempts,
      })),
    );
    return id;
  }

  byId(operationId: string): Promise<ProvisioningOperation | null> {
    return this.db.findOneBy(ProvisioningOperation, { id: operationId });
  }

  /** The operation, locked until the transaction ends (a retry or a cancel decides on it). */
  lockedById(operationId: string): Promise<ProvisioningOperation | null> {
    return this.db.findOne(ProvisioningOperation, { where: { id: operationId }, lock: { mode: 'pessimistic_write' } });
  }

  /** A page of the agent's operations, newest first, after the operation `before` (a cursor) when given. */
  pageOf(agentId: string, { limit, before }: { limit: number; before?: string }): Promise<ProvisioningOperation[]> {
    const query = this.db
      .getRepository(ProvisioningOperation)
      .createQueryBuilder('o')
      .where('o.agent_id = :agentId', { agentId })
      .orderBy('o.created_at', 'DESC')
      .addOrderBy('o.id', 'DESC')
      .limit(limit);
    if (before) {
      query.andWhere('(o.created_at, o.id) < (SELECT created_at, id FROM provisioning_operations WHERE id = :before)', {
        before,
      });
    }
    return query.getMany();
  }

  /** Asks the operation to stop (the finalizer ends it cancelled); asking again changes nothing. */
  async requestCancel(operationId: string): Promise<void> {
    await this.db.update(
      ProvisioningOperation,
      { id: operationId, cancelRequestedAt: IsNull() },
      { cancelRequestedAt: () => 'now()' },
    );
  }

  /** The operation's steps in the order they run. */
  stepsOf(operationId: string): Promise<ProvisioningStep[]> {
    return this.db.find(ProvisioningStep, { where: { operationId }, order: { position: 'ASC' } });
  }

  /**
   * Operations whose flow never reached BullMQ (Redis refused it) for longer than `olderThanMs`, oldest first, locked
   * and skipped by another relay pass meanwhile: the outbox.
   */
  async unenqueued(olderThanMs: number, limit: number): Promise<string[]> {
    const rows: { id: string }[] = await this.db.query(
      `SELECT id FROM provisioning_operations
        WHERE enqueued_at IS NULL AND created_at < now() - make_interval(secs => $1)
        ORDER BY created_at LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [olderThanMs / 1000, limit],
    );
    return rows.map((row) => row.id);
  }

  /** Notes that the operation's flow is on BullMQ (the outbox relay adds the flows of those not noted). */
  async markEnqueued(operationId: string): Promise<void> {
    await this.db.update(
      ProvisioningOperation,
      { id: operationId, enqueuedAt: IsNull() },
      { enqueuedAt: () => 'now()' },
    );
  }

  /** The agent's newest operation (of one kind, when given). */
  latestOf(agentId: string, kind?: OperationKind): Promise<ProvisioningOperation | null> {
    return this.db.findOne(ProvisioningOperation, {
      where: { agentId, ...(kind ? { kind } : {}) },
      order: { createdAt: 'DESC', id: 'DESC' },
    });
  }
}
