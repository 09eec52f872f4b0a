export * from './eliza-core.js';
export * from './hash-embedding.js';
export * from './runtime-host.js';
export * from './turn-context.js';
