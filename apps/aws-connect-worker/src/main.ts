import './tracing.js';
import 'reflect-metadata';
import { startApp } from '@voca/bootstrap';
import { awsConnectWorkerEnvSchema, DEFAULT_HEALTH_PORTS, loadEnvOrExit } from '@voca/config';
import { AWS_CONNECT_WORKER, AwsConnectWorkerModule } from './aws-connect-worker.module.js';

const env = loadEnvOrExit(AWS_CONNECT_WORKER, awsConnectWorkerEnvSchema);
await startApp(AwsConnectWorkerModule.forEnv(env), {
  port: env.HEALTH_PORT ?? DEFAULT_HEALTH_PORTS['aws-connect-worker'],
  shutdownGraceMs: env.SHUTDOWN_GRACE_MS,
});
