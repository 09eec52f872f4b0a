export {
  redactPathSecrets,
  redactQueryValues,
  shutdownTracing,
  startTracing,
  tracingActive,
  tracingConfigured,
} from './start-tracing.js';
