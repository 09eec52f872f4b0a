export * from './connect-turn.js';
