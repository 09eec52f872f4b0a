import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { PROVISIONING_PROGRESS_PATTERN, type ProvisioningProgressEvent } from '@voca/contracts';
import { ProgressHub } from './progress-hub.js';

/** Receives the workers' progress ticks over Redis pub/sub (Nest microservices, Redis transport). */
@Controller()
export class ProgressListener {
  constructor(private readonly hub: ProgressHub) {}

  @EventPattern(PROVISIONING_PROGRESS_PATTERN)
  onProgress(@Payload() event: ProvisioningProgressEvent): void {
    if (typeof event?.operationId === 'string') this.hub.push(event);
  }
}
