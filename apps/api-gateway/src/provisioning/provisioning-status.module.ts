import { Module } from '@nestjs/common';
import { OperationsModule } from '../operations/operations.module.js';
import { ProgressHub } from './progress-hub.js';
import { ProgressListener } from './progress-listener.controller.js';
import { ProvisioningController } from './provisioning.controller.js';
import { ProvisioningStatus } from './provisioning-status.js';
import { StreamQuota } from './stream-quota.js';

/** /api/v1/provisioning: an operation's status, its progress as Server-Sent Events, and its retry or cancel. */
@Module({
  // Retry and cancel are the agent operations' own.
  imports: [OperationsModule],
  controllers: [ProvisioningController, ProgressListener],
  providers: [ProvisioningStatus, ProgressHub, StreamQuota],
})
export class ProvisioningStatusModule {}
