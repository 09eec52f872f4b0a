export * from './business-facts.js';
export * from './resolve-profile.js';
