export * from './env-schemas.js';
export * from './validate-env.js';
export * from './load-env.js';
export * from './config.module.js';
export * from './production-secrets.js';
