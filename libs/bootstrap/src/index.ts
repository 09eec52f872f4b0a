export * from './start-app.js';
