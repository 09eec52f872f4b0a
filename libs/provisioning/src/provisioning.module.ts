import { Module } from '@nestjs/common';
import { makeHistogramProvider } from '@voca/observability';
import { OperationRecords } from './operation-records.js';
import { ProgressPublisher } from './progress-publisher.js';
import { STEP_DURATION_METRIC, StepTracker } from './step-tracker.js';

/**
 * What a worker app needs to run provisioning steps and record their operations' ends: the step tracker, the
 * progress publisher and the operation records.
 */
@Module({
  providers: [
    ProgressPublisher,
    StepTracker,
    OperationRecords,
    makeHistogramProvider({
      name: STEP_DURATION_METRIC,
      help: 'Duration of provisioning step attempts, by step and outcome',
      labelNames: ['step', 'outcome'],
      buckets: [0.1, 0.5, 1, 2, 5, 10, 30, 60, 120, 300],
    }),
  ],
  exports: [ProgressPublisher, StepTracker, OperationRecords],
})
export class ProvisioningModule {}
