export * from './connect-provisioner.js';
export * from './simulated-connect-provisioner.js';
export * from './flows/index.js';
export * from './live/index.js';
export * from './voice-lambda/index.js';
