import type { OperationStatus, StepStatus } from '../statuses.js';
import type { StepName } from '../provisioning-steps.js';

/** The Redis pub/sub pattern workers emit on and the gateway listens to (Nest microservices, Redis transport). */
export const PROVISIONING_PROGRESS_PATTERN = 'provisioning.progress';

/**
 * A live tick about an operation. It says only that something changed; listeners read the state from Postgres,
 * which is the record, so a lost tick delays a watcher but never misleads it.
 */
export interface ProvisioningProgressEvent {
  operationId: string;
  step?: StepName;
  stepStatus?: StepStatus;
  operationStatus?: OperationStatus;
  at: string;
}
