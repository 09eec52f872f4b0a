export * from './tool-schema.js';
export * from './tool-intents.js';
export * from './tool-caller.js';
export * from './confirmation.js';
export * from './turn-tools.js';
