export * from './start-app.js';
export * from './platform.module.js';
export * from './listen-for-events.js';
