import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  planOperation,
  TERMINAL_OPERATION_STATUSES,
  type OperationPageView,
  type OperationStatus,
  type OperationSummaryView,
  type PlannedStep,
} from '@voca/contracts';
import {
  Agent,
  AgentChannelStore,
  auditAgentChange,
  ProvisioningOperation,
  ProvisioningOperations,
} from '@voca/persistence';
import { DataSource, type EntityManager } from 'typeorm';
import { actorOf } from '../auth/actor.js';
import type { Principal } from '../auth/principal.js';
import { canSee } from '../auth/vendor-scope.js';
import { OperationStarter } from '../provisioning/operation-starter.js';
import { cursorPage } from '../http/cursor-page.js';

/** Operations that ended with something left to do. */
const RETRYABLE: readonly OperationStatus[] = ['failed', 'partially_completed'];

export interface OperationFilter {
  limit: number;
  /** An operation id: list those created before it. */
  before?: string;
}

/** An agent's operations, and retrying one that ended with failures. */
@Injectable()
export class AgentOperations {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly channels: AgentChannelStore,
    private readonly operations: OperationStarter,
  ) {}

  async list(agentId: string, principal: Principal, filter: OperationFilter): Promise<OperationPageView> {
    const agent = await this.db.getRepository(Agent).findOneBy({ id: agentId });
    if (!agent || !canSee(principal, agent.vendorId)) throw new NotFoundException(`agent ${agentId} not found`);
    const page = await new ProvisioningOperations(this.db.manager).pageOf(agentId, {
      limit: filter.limit + 1,
      ...(filter.before ? { before: filter.before } : {}),
    });
    return cursorPage(page.map(summaryOf), filter.limit, (item) => item.provisioning_id);
  }

  /**
   * A new operation that runs again what the failed one did not finish: each step group (Amazon Connect, ElizaOS,
   * context) that failed, or that owns a channel left failed, with the group's full set of channels (steps are
   * idempotent, as for an update). The failed channels go back to `pending` meanwhile; the agent keeps answering on
   * the others. Only the agent's latest operation can be retried (a later one superseded it), and a deletion is
   * retried by deleting again.
   */
  async retry(
    operationId: string,
    principal: Principal,
    requestId: string,
  ): Promise<{ operationId: string; agentId: string }> {
    const created = await this.db.transaction(async (tx) => {
      const failed = await new ProvisioningOperations(tx).lockedById(operationId);
      if (!failed || !canSee(principal, failed.vendorId))
        throw new NotFoundException(`provisioning operation ${operationId} not found`);
      const agent = await tx.findOneOrFail(Agent, {
        where: { id: failed.agentId },
        lock: { mode: 'pessimistic_write' },
      });
      if (failed.kind === 'deprovision') {
        throw new ConflictException('a deletion is retried by deleting again: DELETE /api/v1/agents/{id}');
      }
      if (!RETRYABLE.includes(failed.status)) {
        throw new ConflictException(
          `operation ${operationId} is ${failed.status}: only a failed or partially completed operation can be retried`,
        );
      }
      if (agent.status === 'deleting' || agent.status === 'deleted')
        throw new ConflictException(`agent ${agent.id} is ${agent.status}`);
      const latest = await new ProvisioningOperations(tx).latestOf(agent.id);
      if (latest && latest.id !== failed.id) {
        throw new ConflictException(`operation ${latest.id} came after this one: retry that one if it failed`);
      }
      const steps = await this.stepsToRerun(tx, failed);
      const newId = await this.operations.write(tx, {
        agentId: failed.agentId,
        vendorId: failed.vendorId,
        kind: failed.kind,
        steps,
        requestId,
        retryOf: failed.id,
        capacity: 'checked',
      });
      await this.channels.retryFailed(tx, agent.id);
      await auditAgentChange(tx, {
        agentId: agent.id,
        action: 'retry',
        fromStatus: agent.status,
        toStatus: agent.status,
        actor: actorOf(principal),
        requestId,
        details: { operationId: newId, retryOf: failed.id, steps: steps.map((step) => step.name) },
      });
      return { operationId: newId, agentId: agent.id };
    });
    await this.operations.enqueue(created.operationId);
    return created;
  }

  /**
   * Asks a provisioning to stop: its steps that have not started do nothing, and when the running ones end the
   * operation ends `cancelled`, every channel failed, and what was created is removed (compensation). Asking again
   * changes nothing. Only a new agent's provisioning can be cancelled: an update is undone by another change, and a
   * deletion is not undone.
   */
  async cancel(
    operationId: string,
    principal: Principal,
    requestId: string,
  ): Promise<{ operationId: string; agentId: string; status: OperationStatus }> {
    return this.db.transaction(async (tx) => {
      const operation = await new ProvisioningOperations(tx).lockedById(operationId);
      if (!operation || !canSee(principal, operation.vendorId))
        throw new NotFoundException(`provisioning operation ${operationId} not found`);
      if (operation.kind !== 'provision') {
        throw new ConflictException(
          `only a new agent's provisioning can be cancelled; this is ${operation.kind === 'update' ? 'an update' : 'a deletion'}`,
        );
      }
      if (TERMINAL_OPERATION_STATUSES.includes(operation.status))
        throw new ConflictException(`operation ${operationId} is already ${operation.status}`);
      if (!operation.cancelRequestedAt) {
        await new ProvisioningOperations(tx).requestCancel(operationId);
        const agent = await tx.findOneOrFail(Agent, {
          where: { id: operation.agentId },
          lock: { mode: 'pessimistic_write' },
        });
        await auditAgentChange(tx, {
          agentId: agent.id,
          action: 'cancel',
          fromStatus: agent.status,
          toStatus: agent.status,
          actor: actorOf(principal),
          requestId,
          details: { operationId },
        });
      }
      return { operationId, agentId: operation.agentId, status: operation.status };
    });
  }

  private async stepsToRerun(tx: EntityManager, failed: ProvisioningOperation): Promise<PlannedStep[]> {
    const steps = await new ProvisioningOperations(tx).stepsOf(failed.id);
    const unfinished = new Set(
      steps.filter((step) => step.name !== 'finalize' && step.status !== 'completed').map((step) => step.name),
    );
    const channels = await this.channels.of(failed.agentId, { tx });
    const plan = planOperation({
      kind: 'retry',
      channels: channels.map((channel) => channel.channel),
      failedChannels: channels.filter((channel) => channel.status === 'failed').map((channel) => channel.channel),
      unfinished,
    });
    if (plan.length === 0) throw new ConflictException(`operation ${failed.id} left nothing failed to run again`);
    return plan;
  }
}

function summaryOf(operation: ProvisioningOperation): OperationSummaryView {
  const statusUrl = `/api/v1/provisioning/${operation.id}`;
  const view: OperationSummaryView = {
    provisioning_id: operation.id,
    agent_id: operation.agentId,
    kind: operation.kind,
    status: operation.status,
    created_at: operation.createdAt.toISOString(),
    status_url: statusUrl,
  };
  if (operation.startedAt) view.started_at = operation.startedAt.toISOString();
  if (operation.finishedAt) view.finished_at = operation.finishedAt.toISOString();
  if (operation.error) view.error = operation.error;
  if (operation.retryOf) view.retry_of = operation.retryOf;
  return view;
}
