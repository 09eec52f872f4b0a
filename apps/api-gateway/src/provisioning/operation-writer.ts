import { planChannelSteps, type Channel, type OperationKind } from '@voca/contracts';
import { ProvisioningOperation, ProvisioningStep } from '@voca/persistence';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';

/** Writes an operation and its steps (the channel steps its channels need, then finalize), in the caller's transaction. */
export async function writeOperation(
  tx: EntityManager,
  input: { agentId: string; vendorId: string; kind: OperationKind; channels: readonly Channel[]; requestId: string; maxAttempts: number },
): Promise<string> {
  const operationId = randomUUID();
  await tx.insert(ProvisioningOperation, {
    id: operationId,
    agentId: input.agentId,
    vendorId: input.vendorId,
    kind: input.kind,
    status: 'queued',
    requestId: input.requestId,
  });
  const steps = [...planChannelSteps(input.channels), { name: 'finalize' as const, channels: [] }];
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
