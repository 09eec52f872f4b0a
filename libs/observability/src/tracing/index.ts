export { redactQueryValues, shutdownTracing, startTracing, tracingActive, tracingConfigured } from './start-tracing.js';
