import './tracing.js';
import 'reflect-metadata';
import { startApp } from '@voca/bootstrap';
import { gatewayEnvSchema, loadEnvOrExit } from '@voca/config';
import { configureGateway } from './configure-gateway.js';
import { GATEWAY, GatewayModule } from './gateway.module.js';
import { knowledgeBodyParser } from './knowledge/knowledge-body-parser.js';

const env = loadEnvOrExit(GATEWAY, gatewayEnvSchema);
await startApp(GatewayModule.forEnv(env), {
  port: env.PORT,
  shutdownGraceMs: env.SHUTDOWN_GRACE_MS,
  bodyLimit: env.HTTP_BODY_LIMIT,
  routeBodyParsers: [knowledgeBodyParser(env.KNOWLEDGE_MAX_BYTES)],
  configure: (app) => configureGateway(app, env),
});
