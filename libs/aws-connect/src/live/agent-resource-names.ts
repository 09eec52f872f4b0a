/**
 * Names of the per-agent Connect resources. They are derived from the agent id so that a step which crashed after
 * creating something (before recording its id) finds it again by name instead of creating a duplicate.
 */
export const contactFlowNameOf = (agentId: string) => `voca-agent-${agentId}`;
export const hoursOfOperationNameOf = (agentId: string) => `voca-agent-${agentId}-hours`;
