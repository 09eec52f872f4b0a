export * from './elizaos-agent-id.js';
export * from './character/index.js';
export * from './runtime/index.js';
