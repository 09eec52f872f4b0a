export * from './agent-config.dto.js';
export * from './business-profile.dto.js';
export * from './channel-credentials.dto.js';
export * from './views.js';
export * from './profile-validators.js';
export * from './operation-views.js';
