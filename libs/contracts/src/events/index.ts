export * from './provisioning-progress.js';
export * from './character-updated.js';
export * from './conversation-replied.js';
export * from './agent-unloaded.js';
export * from './customer-forgotten.js';
