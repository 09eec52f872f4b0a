export * from './public-route.js';
export * from './logger.module.js';
export * from './observability.module.js';
export * from './tracing/index.js';
export {
  makeCounterProvider,
  makeHistogramProvider,
  makeGaugeProvider,
  InjectMetric,
} from '@willsoto/nestjs-prometheus';
