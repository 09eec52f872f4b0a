import { Injectable } from '@nestjs/common';
import { QueueName, type JobOf } from '@voca/contracts';
import { StepTracker } from '@voca/provisioning';
import { QueueConsumer, type JobHandlers } from '@voca/queue';
import type { Job } from 'bullmq';
import { OperationFinalization } from './operation-finalization.js';

/** The last job of every provisioning flow: the finalize step, tracked, ending its operation. */
@Injectable()
export class ProvisioningFinalizer extends QueueConsumer<typeof QueueName.Provisioning> {
  protected readonly queue = QueueName.Provisioning;
  protected readonly handlers: JobHandlers<typeof QueueName.Provisioning> = {
    'provisioning.finalize': (job) => this.finalize(job),
  };
  protected readonly defaultConcurrency = 10;

  constructor(
    private readonly tracker: StepTracker,
    private readonly finalization: OperationFinalization,
  ) {
    super();
  }

  private async finalize(job: Job<JobOf<'provisioning.finalize'>>) {
    await this.tracker.begin(job, 'finalize');
    try {
      return await this.finalization.conclude(job.data);
    } catch (error) {
      await this.tracker.fail(job, 'finalize', error, this.tracker.isFinalAttempt(job, error));
      throw error;
    }
  }

  protected override settleFailedForGood(job: Job<JobOf<'provisioning.finalize'>>) {
    return this.finalization.settle(job.data.operationId);
  }
}
