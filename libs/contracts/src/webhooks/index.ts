export * from './connect-turn.js';
export * from './inbound-event.js';
