import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { InjectQueue } from '@nestjs/bullmq';
import {
  compensationJobId,
  CONNECT_CHANNELS,
  QueueName,
  TERMINAL_OPERATION_STATUSES,
  type AgentStatus,
  type ConnectDeprovisionJobData,
  type JobOf,
  type OperationStatus,
  type ProvisionedAgentView,
} from '@voca/contracts';
import {
  Agent,
  AgentChannelStore,
  auditAgentChange,
  channelView,
  ProvisioningOperation,
  ProvisioningStep,
  recordEvent,
  sortChannels,
} from '@voca/persistence';
import { InjectMetric } from '@voca/observability';
import { OperationRecords, ProgressPublisher, StepTracker } from '@voca/provisioning';
import { JOB_PRESETS } from '@voca/queue';
import type { Queue } from 'bullmq';
import type { Counter, Histogram } from 'prom-client';
import { DataSource, type EntityManager } from 'typeorm';
import { OPERATION_SECONDS, OPERATIONS } from './operation-metrics.js';
import { cancelledOutcome, decideOutcome, LOST_STEP_ERROR } from './operation-outcome.js';

const KEPT_STATUSES: readonly AgentStatus[] = ['paused', 'stopped', 'deleting', 'deleted'];

/** What an `operation.*` event says: the operation's final status, with the status route's field names. */
function operationEventData(
  operation: ProvisioningOperation,
  status: OperationStatus,
  error: string | null,
  agentConfig: ProvisionedAgentView | null,
): Record<string, unknown> {
  return {
    provisioning_id: operation.id,
    kind: operation.kind,
    status,
    agent_id: operation.agentId,
    ...(error ? { error } : {}),
    ...(agentConfig ? { agent_config: agentConfig } : {}),
  };
}

/**
 * How an operation ends, once each channel step has completed or failed for good: records the outcome, marks the
 * agent active, partially active or failed, and stores the final configuration. Cloud resources created for channels
 * that ended failed are then removed (compensation), so nothing is left behind. A provisioning cancelled on request
 * ends `cancelled`, every channel failed, so what its steps created is removed too. The finalize job runs it last in
 * every flow; the reconciler settles with it an operation whose flow can no longer end it.
 */
@Injectable()
export class OperationFinalization {
  constructor(
    private readonly tracker: StepTracker,
    private readonly progress: ProgressPublisher,
    @InjectDataSource() private readonly db: DataSource,
    private readonly channels: AgentChannelStore,
    private readonly records: OperationRecords,
    @InjectQueue(QueueName.AwsConnect) private readonly awsConnect: Queue<ConnectDeprovisionJobData>,
    @InjectMetric(OPERATIONS) private readonly operations: Counter<'kind' | 'outcome'>,
    @InjectMetric(OPERATION_SECONDS) private readonly operationSeconds: Histogram<'kind' | 'outcome'>,
  ) {}

  /**
   * Ends an operation whose flow can no longer end it (its finalize job failed for good, or its jobs vanished):
   * steps that never finished count as failed, so the operation, the agent and the vendor's slot are released.
   */
  async settle(operationId: string): Promise<OperationStatus | undefined> {
    const operation = await this.db.getRepository(ProvisioningOperation).findOneBy({ id: operationId });
    if (!operation) return undefined;
    const { agentId, vendorId, requestId } = operation;
    return (await this.conclude({ operationId, agentId, vendorId, requestId })).status;
  }

  /** Ends the operation (once; a repeat finds it ended), compensates, and says so on the progress channel. */
  async conclude(data: JobOf<'provisioning.finalize'>): Promise<{ status: OperationStatus; compensated: boolean }> {
    const { operationId } = data;
    const { status, ended } = await this.db.transaction((tx) => this.record(tx, operationId));
    // Only the run that ended the operation counts it (the operation's row lock makes that one run).
    if (ended) {
      const labels = { kind: ended.kind, outcome: status };
      this.operations.inc(labels);
      this.operationSeconds.observe(labels, (Date.now() - ended.createdAt.getTime()) / 1000);
    }
    const compensated = await this.compensate(data);
    await this.progress.publish({ operationId, step: 'finalize', stepStatus: 'completed', operationStatus: status });
    return { status, compensated };
  }

  /**
   * Asks the aws-connect worker to remove what was created for Connect channels that ended failed. Checked on every
   * run (a retry after the record was written still compensates); the job id makes it happen once.
   */
  private async compensate(data: JobOf<'provisioning.finalize'>): Promise<boolean> {
    const operation = await this.db.getRepository(ProvisioningOperation).findOneBy({ id: data.operationId });
    if (!operation || operation.kind === 'deprovision') return false;
    const connect = await this.channels.of(data.agentId, { channels: CONNECT_CHANNELS });
    const failed = connect.filter((channel) => channel.status === 'failed');
    if (!failed.some((channel) => Object.keys(channel.providerRefs).length > 0)) return false;
    await this.awsConnect.add(
      'connect.deprovision',
      {
        agentId: data.agentId,
        vendorId: data.vendorId,
        requestId: data.requestId,
        operationId: data.operationId,
        reason: 'compensation',
      },
      { ...JOB_PRESETS.compensation, jobId: compensationJobId(data.operationId, data.agentId) },
    );
    return true;
  }

  /** Records how the operation ended; `ended` when this run ended it (not when it had ended already). */
  private async record(
    tx: EntityManager,
    operationId: string,
  ): Promise<{ status: OperationStatus; ended?: ProvisioningOperation }> {
    const operation = await tx.findOne(ProvisioningOperation, {
      where: { id: operationId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!operation) return { status: 'failed' as const };
    if (TERMINAL_OPERATION_STATUSES.includes(operation.status)) return { status: operation.status };

    // The agent is locked before its status is read: a transition committed meanwhile (a stop, a pause) would
    // otherwise be overwritten by the status the operation's outcome gives.
    const agent = await tx.findOneOrFail(Agent, {
      where: { id: operation.agentId },
      lock: { mode: 'pessimistic_write' },
    });
    const steps = await tx.findBy(ProvisioningStep, { operationId });
    if (operation.kind === 'deprovision')
      return { status: await this.recordDeletion(tx, operation, steps), ended: operation };
    const channels = await this.channels.of(operation.agentId, { tx });
    const outcome = operation.cancelRequestedAt ? cancelledOutcome(channels) : decideOutcome(steps, channels);

    await this.records.failUnfinishedSteps(tx, steps, LOST_STEP_ERROR);
    await this.channels.markFailed(tx, agent.id, outcome.failedChannels);
    for (const channel of channels) {
      const error = outcome.failedChannels.get(channel.channel);
      if (error) Object.assign(channel, { status: 'failed', error });
    }
    // An agent paused, stopped or being deleted meanwhile keeps that status: the operation only sets up channels.
    const status = KEPT_STATUSES.includes(agent.status) ? agent.status : outcome.agent;
    await this.records.setAgentStatus(tx, agent.id, status);
    const result: ProvisionedAgentView = {
      id: agent.id,
      name: agent.name,
      status,
      channels: sortChannels(channels).map(channelView),
      provisioning_complete: true,
    };
    await this.records.end(tx, operationId, { status: outcome.operation, error: outcome.error, result });
    await this.tracker.markCompleted(tx, operationId, 'finalize');
    for (const [channel, error] of outcome.operation === 'cancelled' ? [] : outcome.failedChannels) {
      await recordEvent(tx, {
        type: 'channel.failed',
        agentId: agent.id,
        data: { channel_type: channel, error, provisioning_id: operationId },
      });
    }
    await auditAgentChange(tx, {
      agentId: agent.id,
      action: 'provisioned',
      fromStatus: agent.status,
      toStatus: status,
      actor: 'engine',
      requestId: operation.requestId,
      details: { operationId, kind: operation.kind, outcome: outcome.operation },
    });
    await recordEvent(tx, {
      type: `operation.${outcome.operation}`,
      agentId: agent.id,
      data: operationEventData(operation, outcome.operation, outcome.error, result),
    });
    return { status: outcome.operation, ended: operation };
  }

  /**
   * A deletion ends with the agent `deleted` once every teardown step completed: its platform accounts are released
   * (another agent may take them) and its credentials dropped. If a step failed, the agent stays `deleting` and the
   * operation `failed`, so deleting again retries what is left.
   */
  private async recordDeletion(tx: EntityManager, operation: ProvisioningOperation, steps: ProvisioningStep[]) {
    const failed = steps.filter((step) => step.name !== 'finalize' && step.status !== 'completed');
    const error = failed.length
      ? failed.map((step) => `${step.name}: ${step.error ?? LOST_STEP_ERROR}`).join('; ')
      : null;
    if (!failed.length) {
      await this.channels.releaseDeleted(tx, operation.agentId);
      await this.records.markAgentDeleted(tx, operation.agentId);
    }
    const status = failed.length ? ('failed' as const) : ('completed' as const);
    await this.records.end(tx, operation.id, { status, error });
    await this.tracker.markCompleted(tx, operation.id, 'finalize');
    if (!failed.length) {
      await auditAgentChange(tx, {
        agentId: operation.agentId,
        action: 'deleted',
        fromStatus: 'deleting',
        toStatus: 'deleted',
        actor: 'engine',
        requestId: operation.requestId,
        details: { operationId: operation.id },
      });
    }
    await recordEvent(tx, {
      type: `operation.${status}`,
      agentId: operation.agentId,
      data: operationEventData(operation, status, error, null),
    });
    return status;
  }
}
