export * from './eliza-core.js';
export * from './hash-embedding.js';
export { localModelPlugin } from './local-model-plugin.js';
export * from './runtime-host.js';
export * from './turn-context.js';
export type { ModelCall, ModelCallObserver } from './model-calls.js';
export { toolActionName } from './tool-actions.js';
