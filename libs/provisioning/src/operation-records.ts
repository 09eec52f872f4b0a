import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AgentStatus, OperationStatus, ProvisionedAgentView } from '@voca/contracts';
import { Agent, ProvisioningOperation, ProvisioningStep } from '@voca/persistence';
import { DataSource, In, type EntityManager } from 'typeorm';

/** How an operation ended, as its record keeps it. */
export interface OperationEnd {
  status: OperationStatus;
  error: string | null;
  result?: ProvisionedAgentView | null;
}

/**
 * What the end of an operation writes, for context-service (its finalizer and reconciler), which records outcomes
 * but does not own operations or agents (the gateway does): the steps that never finished, the operation's outcome,
 * the agent's status it leads to, and an operation handed back to the gateway's outbox. Methods taking `tx` land in
 * the caller's transaction.
 */
@Injectable()
export class OperationRecords {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Steps neither completed nor failed when the operation ends never will: they fail with `error`. */
  async failUnfinishedSteps(tx: EntityManager, steps: readonly ProvisioningStep[], error: string): Promise<void> {
    const unfinished = steps.filter(
      (step) => step.name !== 'finalize' && step.status !== 'completed' && step.status !== 'failed',
    );
    if (!unfinished.length) return;
    await tx.update(
      ProvisioningStep,
      { id: In(unfinished.map((step) => step.id)) },
      { status: 'failed', error, finishedAt: () => 'now()' },
    );
  }

  async end(tx: EntityManager, operationId: string, { status, error, result }: OperationEnd): Promise<void> {
    await tx.update(
      ProvisioningOperation,
      { id: operationId },
      { status, error, ...(result !== undefined ? { result } : {}), finishedAt: () => 'now()' },
    );
  }

  /** The agent's status an operation's outcome leads to. */
  async setAgentStatus(tx: EntityManager, agentId: string, status: AgentStatus): Promise<void> {
    await tx.update(Agent, { id: agentId }, { status });
  }

  /** A deletion that removed everything: the agent's record stays, `deleted`. */
  async markAgentDeleted(tx: EntityManager, agentId: string): Promise<void> {
    await tx.update(Agent, { id: agentId }, { status: 'deleted', deletedAt: () => 'now()' });
  }

  /**
   * An unfinished operation whose flow Redis lost goes back to the gateway's outbox, whose relay adds it again.
   * Answers whether it did (false: the operation ended meanwhile).
   */
  async returnToOutbox(operationId: string): Promise<boolean> {
    const { affected } = await this.db.manager.update(
      ProvisioningOperation,
      { id: operationId, status: In(['queued', 'in_progress']) },
      { enqueuedAt: null },
    );
    return Boolean(affected);
  }
}
