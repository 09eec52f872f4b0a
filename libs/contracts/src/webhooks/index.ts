export * from './connect-turn.js';
export * from './inbound-event.js';
export * from './describe-media.js';
