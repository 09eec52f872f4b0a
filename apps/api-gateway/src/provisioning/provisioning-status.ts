import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  TERMINAL_OPERATION_STATUSES,
  TERMINAL_STEP_STATUSES,
  type ProvisioningStatusView,
  type StepView,
} from '@voca/contracts';
import { ProvisioningOperation, ProvisioningOperations, ProvisioningStep } from '@voca/persistence';
import { DataSource } from 'typeorm';
import { canSee } from '../auth/vendor-scope.js';
import type { Principal } from '../auth/principal.js';

export function isTerminal(view: Pick<ProvisioningStatusView, 'status'>): boolean {
  return TERMINAL_OPERATION_STATUSES.includes(view.status);
}

function stepView(step: ProvisioningStep): StepView {
  const view: StepView = {
    name: step.name,
    status: step.status,
    channels: step.channels,
    attempts: step.attempts,
    max_attempts: step.maxAttempts,
  };
  if (step.startedAt) view.started_at = step.startedAt.toISOString();
  if (step.finishedAt) view.finished_at = step.finishedAt.toISOString();
  if (step.startedAt && step.finishedAt) view.duration_ms = step.finishedAt.getTime() - step.startedAt.getTime();
  if (step.error) view.error = step.error;
  if (step.detail) view.detail = step.detail;
  return view;
}

/** Reads an operation's state from Postgres, the record, in the shape `GET /provisioning/{id}` answers. */
@Injectable()
export class ProvisioningStatus {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The operation as the caller may see it; another vendor's operation is reported as not found. */
  async get(operationId: string, principal: Principal): Promise<ProvisioningStatusView> {
    const operations = new ProvisioningOperations(this.db.manager);
    const operation = await operations.byId(operationId);
    if (!operation || !canSee(principal, operation.vendorId)) {
      throw new NotFoundException(`provisioning operation ${operationId} not found`);
    }
    return this.viewOf(operation, await operations.stepsOf(operationId));
  }

  private viewOf(operation: ProvisioningOperation, steps: ProvisioningStep[]): ProvisioningStatusView {
    const view: ProvisioningStatusView = {
      provisioning_id: operation.id,
      status: operation.status,
      agent_id: operation.agentId,
      percent: this.percentOf(operation, steps),
      steps: steps.map(stepView),
      created_at: operation.createdAt.toISOString(),
    };
    if (operation.startedAt) view.started_at = operation.startedAt.toISOString();
    if (operation.finishedAt) view.finished_at = operation.finishedAt.toISOString();
    if (operation.error) view.error = operation.error;
    if (operation.result) view.agent_config = operation.result;
    return view;
  }

  /** Share of steps that have finished; a finished operation is 100 whatever its outcome. */
  private percentOf(operation: ProvisioningOperation, steps: ProvisioningStep[]): number {
    if (TERMINAL_OPERATION_STATUSES.includes(operation.status)) return 100;
    if (steps.length === 0) return 0;
    const finished = steps.filter((step) => TERMINAL_STEP_STATUSES.includes(step.status)).length;
    return Math.min(99, Math.round((100 * finished) / steps.length));
  }
}
