export * from './platform-sender.js';
export * from './graph-sender.js';
export * from './x-sender.js';
export * from './senders.js';
