import './tracing.js';
import 'reflect-metadata';
import { startApp } from '@voca/bootstrap';
import { contextServiceEnvSchema, DEFAULT_HEALTH_PORTS, loadEnvOrExit } from '@voca/config';
import { CONTEXT_SERVICE, ContextServiceModule } from './context-service.module.js';

const env = loadEnvOrExit(CONTEXT_SERVICE, contextServiceEnvSchema);
await startApp(ContextServiceModule.forEnv(env), {
  port: env.HEALTH_PORT ?? DEFAULT_HEALTH_PORTS['context-service'],
  shutdownGraceMs: env.SHUTDOWN_GRACE_MS,
});
