export * from './entities/index.js';
export * from './data-source-options.js';
export * from './ensure-database.js';
export * from './migrate.js';
export * from './persistence.module.js';
export * from './views/channel-view.js';
export * from './views/business-profile-of.js';
export * from './database-unavailable.js';
