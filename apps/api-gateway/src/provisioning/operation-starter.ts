import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { GatewayEnv } from '@voca/config';
import type { OperationKind, PlannedStep } from '@voca/contracts';
import { ProvisioningOperation, ProvisioningStep } from '@voca/persistence';
import { enqueueOrLeave } from '@voca/queue';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { ProvisioningFlow } from './provisioning-flow.js';
import { ensureVendorCapacity } from './vendor-capacity.js';

export interface OperationStart {
  agentId: string;
  vendorId: string;
  kind: OperationKind;
  /** The channel steps to run, as planOperation gives them (finalize is added). */
  steps: PlannedStep[];
  requestId: string;
  /** The failed operation this one runs again. */
  retryOf?: string;
  /** A deletion frees what the agent held, so it is never refused for the vendor's capacity. */
  capacity: 'checked' | 'exempt';
}

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
  async write(tx: EntityManager, start: OperationStart): Promise<string> {
    if (start.capacity === 'checked') {
      await ensureVendorCapacity(tx, start.vendorId, this.config.get('MAX_OPERATIONS_PER_VENDOR', { infer: true }));
    }
    const operationId = randomUUID();
    await tx.insert(ProvisioningOperation, {
      id: operationId,
      agentId: start.agentId,
      vendorId: start.vendorId,
      kind: start.kind,
      status: 'queued',
      requestId: start.requestId,
      retryOf: start.retryOf ?? null,
    });
    const maxAttempts = this.config.get('STEP_ATTEMPTS', { infer: true });
    await tx.insert(
      ProvisioningStep,
      [...start.steps, { name: 'finalize' as const, channels: [] }].map((step, position) => ({
        operationId,
        name: step.name,
        channels: step.channels,
        position,
        maxAttempts,
      })),
    );
    return operationId;
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
