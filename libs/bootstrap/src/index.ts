export * from './start-app.js';
export * from './platform.module.js';
