export * from './credential-cipher.js';
export * from './credential-keyring.js';
