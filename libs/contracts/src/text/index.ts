export * from './storable-text.js';
export * from './text-length.js';
