export * from './inbound/index.js';
export * from './outbound/index.js';
export * from './subscriptions/index.js';
export * from './ownership/account-ownership.js';
