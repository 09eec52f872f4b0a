export * from './progress-publisher.js';
export * from './step-tracker.js';
export * from './readable-error.js';
export * from './provisioning.module.js';
export * from './require-agent.js';
export * from './agent-lock.js';
export * from './operation-records.js';
