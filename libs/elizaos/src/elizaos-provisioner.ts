import type { BusinessProfile, SocialChannel } from '@voca/contracts';

export interface ElizaosProvisionRequest {
  agentId: string;
  channels: SocialChannel[];
  profile: BusinessProfile;
}

export interface ElizaosProvisionResult {
  /** One ElizaOS agent identity serves every social channel of the agent. */
  elizaosAgentId: string;
}

/** Brings up the ElizaOS agent that answers an agent's social channels. */
export interface ElizaosProvisioner {
  readonly mode: string;
  provision(request: ElizaosProvisionRequest): Promise<ElizaosProvisionResult>;
}

export const ELIZAOS_PROVISIONER = Symbol('ELIZAOS_PROVISIONER');
