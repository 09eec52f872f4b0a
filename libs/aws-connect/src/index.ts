export * from './connect-provisioner.js';
export * from './simulated-connect-provisioner.js';
