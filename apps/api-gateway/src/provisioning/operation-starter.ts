import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { GatewayEnv } from '@voca/config';
import { ProvisioningOperations, type NewOperation } from '@voca/persistence';
import { enqueueOrLeave } from '@voca/queue';
import type { EntityManager } from 'typeorm';
import { ProvisioningFlow } from './provisioning-flow.js';
import { ensureVendorCapacity } from './vendor-capacity.js';

/** An operation to start: what ProvisioningOperations records, and whether the vendor's capacity applies. */
export type OperationStart = Omit<NewOperation, 'maxAttempts'> & {
  /** A deletion frees what the agent held, so it is never refused for the vendor's capacity. */
  capacity: 'checked' | 'exempt';
};

/**
 * Starting an operation, the same way for every service that starts one (create, update, retry, delete): inside the
 * caller's transaction, the vendor's capacity and the operation with its steps; after the commit, its flow on BullMQ
 * (or, if Redis refuses it, left to the outbox relay). What the agent itself becomes, and its audit line, are the
 * caller's.
 */
@Injectable()
export class OperationStarter {
  private readonly logger = new Logger(OperationStarter.name);

  constructor(
    private readonly config: ConfigService<GatewayEnv, true>,
    private readonly flow: ProvisioningFlow,
  ) {}

  /** Writes the operation and its steps (its channel steps, then finalize) in `tx`; returns its id. */
  async write(tx: EntityManager, { capacity, ...operation }: OperationStart): Promise<string> {
    if (capacity === 'checked') {
      const max = this.config.get('MAX_OPERATIONS_PER_VENDOR', { infer: true });
      await ensureVendorCapacity(tx, operation.vendorId, max);
    }
    return new ProvisioningOperations(tx).create({
      ...operation,
      maxAttempts: this.config.get('STEP_ATTEMPTS', { infer: true }),
    });
  }

  /** After the commit: the operation's flow onto BullMQ; when Redis refuses it, the outbox relay adds it later. */
  async enqueue(operationId: string): Promise<void> {
    await enqueueOrLeave(
      () => this.flow.enqueue(operationId),
      this.logger,
      { operationId },
      'flow not added yet; the outbox relay will retry',
    );
  }
}
