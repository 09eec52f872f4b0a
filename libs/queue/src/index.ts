export * from './redis-connection.js';
export * from './queue.module.js';
export * from './queue-consumer.js';
export * from './event-publisher.js';
export * from './events-subscription.js';
export * from './job-presets.js';
export * from './queue-consumers.js';
export * from './queue-telemetry.js';
