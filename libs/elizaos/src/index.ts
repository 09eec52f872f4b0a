export * from './elizaos-agent-id.js';
export * from './character/index.js';
export * from './runtime/index.js';
export { answerLocally, type LocalAnswer, type LocalTurn } from './models/local/index.js';
