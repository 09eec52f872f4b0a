import { InjectFlowProducer } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ConfigService } from '@nestjs/config';
import type { GatewayEnv } from '@voca/config';
import {
  DEPROVISION_STEP_JOBS,
  provisioningJobId,
  STEP_JOBS,
  type ChannelStepJobData,
  type ChannelStepName,
  type ProvisioningJobData,
} from '@voca/contracts';
import { ProvisioningOperation, ProvisioningOperations, ProvisioningStep } from '@voca/persistence';
import { JOB_PRESETS, PROVISIONING_FLOW } from '@voca/queue';
import type { FlowJob, FlowProducer, JobsOptions } from 'bullmq';
import { DataSource, type EntityManager } from 'typeorm';

/**
 * Adds an operation's BullMQ flow: the finalize job as parent, one child per channel step on its worker's queue.
 * Job ids are deterministic, so adding the same operation twice never runs a step twice.
 */
@Injectable()
export class ProvisioningFlow {
  constructor(
    @InjectFlowProducer(PROVISIONING_FLOW) private readonly producer: FlowProducer,
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: ConfigService<GatewayEnv, true>,
  ) {}

  /** Adds the flow of an operation recorded in Postgres and marks it enqueued. */
  async enqueue(operationId: string, manager: EntityManager = this.db.manager): Promise<void> {
    const operations = new ProvisioningOperations(manager);
    const operation = await operations.byId(operationId);
    if (!operation) throw new Error(`provisioning operation ${operationId} is not recorded`);
    await this.producer.add(this.flowOf(operation, await operations.stepsOf(operationId)));
    await operations.markEnqueued(operationId);
  }

  private flowOf(operation: ProvisioningOperation, steps: ProvisioningStep[]): FlowJob {
    const base: ProvisioningJobData = {
      operationId: operation.id,
      agentId: operation.agentId,
      vendorId: operation.vendorId,
      requestId: operation.requestId,
    };
    const jobs = operation.kind === 'deprovision' ? DEPROVISION_STEP_JOBS : STEP_JOBS;
    const children: FlowJob[] = steps
      .filter((step): step is ProvisioningStep & { name: ChannelStepName } => step.name !== 'finalize')
      .map((step) => {
        const job = jobs[step.name];
        const data: ChannelStepJobData & { reason?: 'deletion' } = {
          ...base,
          step: step.name,
          channels: step.channels,
          ...(operation.kind === 'deprovision' ? { reason: 'deletion' as const } : {}),
        };
        return {
          name: job.name,
          queueName: job.queue,
          data,
          // A child that fails for good must still let the finalize step run and record the outcome.
          opts: { ...this.jobOptions(operation.id, step.name), ignoreDependencyOnFailure: true },
        };
      });
    return {
      name: STEP_JOBS.finalize.name,
      queueName: STEP_JOBS.finalize.queue,
      data: base,
      opts: this.jobOptions(operation.id, 'finalize'),
      children,
    };
  }

  private jobOptions(operationId: string, step: ProvisioningStep['name']): JobsOptions {
    const preset = JOB_PRESETS.provisioningStep({
      attempts: this.config.get('STEP_ATTEMPTS', { infer: true }),
      backoffMs: this.config.get('STEP_BACKOFF_MS', { infer: true }),
    });
    return { ...preset, jobId: provisioningJobId(operationId, step) };
  }
}
