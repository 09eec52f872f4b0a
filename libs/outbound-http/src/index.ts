export * from './address-policy.js';
export * from './destination.js';
export * from './host-resolver.js';
export * from './outbound-http-client.js';
export * from './outbound-http.module.js';
