export * from './credential-cipher.js';
