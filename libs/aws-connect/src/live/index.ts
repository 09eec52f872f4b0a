export * from './aws-clients.js';
export * from './aws-call-metrics.js';
export * from './aws-errors.js';
export * from './agent-resource-names.js';
export * from './live-connect-settings.js';
export * from './live-connect-provisioner.js';
export * from './speech-bots.js';
