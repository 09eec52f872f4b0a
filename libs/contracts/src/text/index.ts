export * from './storable-text.js';
export * from './text-length.js';
export * from './fallback-replies.js';
export * from './plural.js';
export * from './speakable.js';
