export * from './provisioning-progress.js';
