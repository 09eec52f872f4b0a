import { setTimeout as sleep } from 'node:timers/promises';
import { elizaosAgentIdOf } from './elizaos-agent-id.js';
import type { ElizaosProvisioner, ElizaosProvisionRequest, ElizaosProvisionResult } from './elizaos-provisioner.js';

/** Records the agent's ElizaOS identity without hosting a runtime; for running the engine without ElizaOS. */
export class SimulatedElizaosProvisioner implements ElizaosProvisioner {
  readonly mode = 'simulate';

  constructor(private readonly latencyMs: number) {}

  async provision(request: ElizaosProvisionRequest): Promise<ElizaosProvisionResult> {
    if (this.latencyMs > 0) await sleep(this.latencyMs * (0.5 + Math.random()));
    return { elizaosAgentId: elizaosAgentIdOf(request.agentId) };
  }
}
