export * from './elizaos-provisioner.js';
export * from './elizaos-agent-id.js';
export * from './simulated-elizaos-provisioner.js';
