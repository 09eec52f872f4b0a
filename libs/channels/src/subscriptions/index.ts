export * from './platform-subscriptions.js';
