import './tracing.js';
import 'reflect-metadata';
import { listenForEvents, startApp } from '@voca/bootstrap';
import { DEFAULT_HEALTH_PORTS, elizaosWorkerEnvSchema, loadEnvOrExit } from '@voca/config';
import { ELIZAOS_WORKER, ElizaosWorkerModule } from './elizaos-worker.module.js';

const env = loadEnvOrExit(ELIZAOS_WORKER, elizaosWorkerEnvSchema);
await startApp(ElizaosWorkerModule.forEnv(env), {
  port: env.HEALTH_PORT ?? DEFAULT_HEALTH_PORTS['elizaos-worker'],
  shutdownGraceMs: env.SHUTDOWN_GRACE_MS,
  // Character change notices reach every replica over Redis pub/sub.
  configure: (app) => listenForEvents(app, env.REDIS_URL),
});
