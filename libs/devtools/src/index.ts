export * from './dashboard-pass.js';
export * from './development-token.js';
export * from './sample-catalog.js';
