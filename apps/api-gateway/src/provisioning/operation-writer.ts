import { planChannelSteps, type Channel, type OperationKind, type PlannedStep } from '@voca/contracts';
import { ProvisioningOperation, ProvisioningStep } from '@voca/persistence';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';

export interface OperationInput {
  agentId: string;
  vendorId: string;
  kind: OperationKind;
  requestId: string;
  maxAttempts: number;
  /** The channel steps to run: those `channels` need when not given. */
  steps?: PlannedStep[];
  channels?: readonly Channel[];
  /** The failed operation this one runs again. */
  retryOf?: string;
}

/** Writes an operation and its steps (its channel steps, then finalize), in the caller's transaction. */
export async function writeOperation(tx: EntityManager, input: OperationInput): Promise<string> {
  const operationId = randomUUID();
  await tx.insert(ProvisioningOperation, {
    id: operationId,
    agentId: input.agentId,
    vendorId: input.vendorId,
    kind: input.kind,
    status: 'queued',
    requestId: input.requestId,
    retryOf: input.retryOf ?? null,
  });
  const steps = [
    ...(input.steps ?? planChannelSteps(input.channels ?? [])),
    { name: 'finalize' as const, channels: [] },
  ];
  await tx.insert(
    ProvisioningStep,
    steps.map((step, position) => ({
      operationId,
      name: step.name,
      channels: step.channels,
      position,
      maxAttempts: input.maxAttempts,
    })),
  );
  return operationId;
}
