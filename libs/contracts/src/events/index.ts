export * from './provisioning-progress.js';
export * from './character-updated.js';
