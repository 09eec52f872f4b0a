export * from './flow-language.js';
export * from './agent-contact-flow.js';
export * from './validate-flow.js';
