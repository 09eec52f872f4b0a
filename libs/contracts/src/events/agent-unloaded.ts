/** Published when an agent stops answering for good (stopped or deleted): every elizaos-worker unloads its runtime. */
export const AGENT_UNLOADED_PATTERN = 'elizaos.agent.unloaded';

export interface AgentUnloadedEvent {
  agentId: string;
  reason: 'stopped' | 'deleted';
}
