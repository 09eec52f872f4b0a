export * from './dns-emulator.js';
