import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { QueueName, TERMINAL_OPERATION_STATUSES, type JobOf, type ProvisionedAgentView } from '@voca/contracts';
import {
  Agent,
  AgentChannel,
  channelView,
  ProvisioningOperation,
  ProvisioningStep,
  sortChannels,
} from '@voca/persistence';
import { ProgressPublisher, StepTracker } from '@voca/provisioning';
import { QueueConsumer, type JobHandlers } from '@voca/queue';
import type { Job } from 'bullmq';
import { DataSource, type EntityManager } from 'typeorm';
import { decideOutcome, LOST_STEP_ERROR } from './operation-outcome.js';

/**
 * Runs last in every provisioning flow, after each channel step has completed or failed for good: records how the
 * operation ended, marks the agent active, partially active or failed, and stores the final configuration.
 */
@Injectable()
export class ProvisioningFinalizer extends QueueConsumer<typeof QueueName.Provisioning> {
  protected readonly queue = QueueName.Provisioning;
  protected readonly handlers: JobHandlers<typeof QueueName.Provisioning> = {
    'provisioning.finalize': (job) => this.finalize(job),
  };
  protected readonly defaultConcurrency = 10;

  constructor(
    private readonly tracker: StepTracker,
    private readonly progress: ProgressPublisher,
    @InjectDataSource() private readonly db: DataSource,
  ) {
    super();
  }

  private async finalize(job: Job<JobOf<'provisioning.finalize'>>) {
    const { operationId } = job.data;
    await this.tracker.begin(job, 'finalize');
    try {
      const status = await this.db.transaction((tx) => this.record(tx, operationId));
      await this.progress.publish({ operationId, step: 'finalize', stepStatus: 'completed', operationStatus: status });
      return { status };
    } catch (error) {
      await this.tracker.fail(job, 'finalize', error, this.tracker.isFinalAttempt(job, error));
      throw error;
    }
  }

  private async record(tx: EntityManager, operationId: string) {
    const operation = await tx.findOne(ProvisioningOperation, {
      where: { id: operationId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!operation) return 'failed' as const;
    if (TERMINAL_OPERATION_STATUSES.includes(operation.status)) return operation.status;

    const steps = await tx.findBy(ProvisioningStep, { operationId });
    const channels = await tx.findBy(AgentChannel, { agentId: operation.agentId });
    const outcome = decideOutcome(steps, channels);

    for (const step of steps) {
      if (step.name !== 'finalize' && step.status !== 'completed' && step.status !== 'failed') {
        await tx.update(ProvisioningStep, { id: step.id }, { status: 'failed', error: LOST_STEP_ERROR, finishedAt: () => 'now()' });
      }
    }
    for (const channel of channels) {
      const error = outcome.failedChannels.get(channel.channel);
      if (error) {
        channel.status = 'failed';
        channel.error = error;
        await tx.update(AgentChannel, { id: channel.id }, { status: 'failed', error });
      }
    }
    const agent = await tx.findOneByOrFail(Agent, { id: operation.agentId });
    await tx.update(Agent, { id: agent.id }, { status: outcome.agent });
    const result: ProvisionedAgentView = {
      id: agent.id,
      name: agent.name,
      status: outcome.agent,
      channels: sortChannels(channels).map(channelView),
      provisioning_complete: true,
    };
    await tx.update(
      ProvisioningOperation,
      { id: operationId },
      { status: outcome.operation, error: outcome.error, result, finishedAt: () => 'now()' },
    );
    await this.tracker.markCompleted(tx, operationId, 'finalize');
    return outcome.operation;
  }
}
