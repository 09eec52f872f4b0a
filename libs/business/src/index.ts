export * from './business-facts.js';
