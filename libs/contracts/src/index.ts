export * from './channels.js';
export * from './statuses.js';
export * from './business-profile.js';
export * from './provisioning-steps.js';
export * from './queues/index.js';
export * from './events/index.js';
export * from './http/index.js';
export * from './webhooks/index.js';
