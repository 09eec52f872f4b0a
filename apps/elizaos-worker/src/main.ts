import './tracing.js';
import 'reflect-metadata';
import { listenForEvents, startApp } from '@voca/bootstrap';
import { elizaosWorkerEnvSchema, loadEnvOrExit } from '@voca/config';
import { ELIZAOS_WORKER, ElizaosWorkerModule } from './elizaos-worker.module.js';

const env = loadEnvOrExit(ELIZAOS_WORKER, elizaosWorkerEnvSchema);
await startApp(ElizaosWorkerModule.forEnv(env), {
  port: env.HEALTH_PORT ?? 8102,
  shutdownGraceMs: env.SHUTDOWN_GRACE_MS,
  // Character change notices reach every replica over Redis pub/sub.
  configure: (app) => listenForEvents(app, env.REDIS_URL),
});
