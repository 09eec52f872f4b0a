export * from './build-character.js';
export * from './platform-plugins.js';
export * from './tone.js';
export * from './character-store.js';
