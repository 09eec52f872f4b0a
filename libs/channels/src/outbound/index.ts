export * from './platform-sender.js';
