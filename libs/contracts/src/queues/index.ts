export * from './queue-names.js';
export * from './jobs.js';
