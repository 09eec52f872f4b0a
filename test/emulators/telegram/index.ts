export * from './telegram-emulator.js';
