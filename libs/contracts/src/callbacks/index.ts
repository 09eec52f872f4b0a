export * from './event-types.js';
export * from './event-endpoint.dto.js';
export * from './event-endpoint.views.js';
