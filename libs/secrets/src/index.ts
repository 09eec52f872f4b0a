export * from './credential-cipher.js';
export * from './credential-keyring.js';
export * from './event-signature.js';
