import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { configureGateway } from '../../apps/api-gateway/src/configure-gateway.js';
import { GatewayModule } from '../../apps/api-gateway/src/gateway.module.js';
import { knowledgeBodyParser } from '../../apps/api-gateway/src/knowledge/knowledge-body-parser.js';
import { AwsConnectWorkerModule } from '../../apps/aws-connect-worker/src/aws-connect-worker.module.js';
import { ContextServiceModule } from '../../apps/context-service/src/context-service.module.js';
import { ElizaosWorkerModule } from '../../apps/elizaos-worker/src/elizaos-worker.module.js';
import {
  awsConnectWorkerEnvSchema,
  contextServiceEnvSchema,
  elizaosWorkerEnvSchema,
  gatewayEnvSchema,
  validateEnv,
} from '@voca/config';
import { listenForEvents, startApp } from '@voca/bootstrap';
import { Api } from './http.js';

/** The gateway in this process, started exactly as main.ts starts it but on a free port. */
export async function startGateway(env: Record<string, string>): Promise<{ app: INestApplication; api: Api }> {
  const parsed = validateEnv(gatewayEnvSchema, env);
  const app = await startApp(GatewayModule.forEnv(parsed), {
    port: 0,
    shutdownGraceMs: parsed.SHUTDOWN_GRACE_MS,
    bodyLimit: parsed.HTTP_BODY_LIMIT,
    routeBodyParsers: [knowledgeBodyParser(parsed.KNOWLEDGE_MAX_BYTES)],
    configure: (nest) => configureGateway(nest, parsed),
  });
  const { port } = app.getHttpServer().address() as { port: number };
  return { app, api: new Api(`http://127.0.0.1:${port}`) };
}

/** The three worker apps in this process (no HTTP), with optional provider overrides, e.g. a failing provisioner. */
export async function startWorkers(
  env: Record<string, string>,
  overrides: { provide: unknown; useValue: unknown }[] = [],
): Promise<INestApplication[]> {
  // As each main.ts does: only the elizaos-worker listens to pub/sub events (character changes).
  const modules = [
    { module: AwsConnectWorkerModule.forEnv(validateEnv(awsConnectWorkerEnvSchema, env)), listens: false },
    { module: ElizaosWorkerModule.forEnv(validateEnv(elizaosWorkerEnvSchema, env)), listens: true },
    { module: ContextServiceModule.forEnv(validateEnv(contextServiceEnvSchema, env)), listens: false },
  ];
  const apps: INestApplication[] = [];
  for (const { module, listens } of modules) {
    let builder = Test.createTestingModule({ imports: [module] });
    for (const override of overrides) {
      builder = builder.overrideProvider(override.provide).useValue(override.useValue);
    }
    const app = (await builder.compile()).createNestApplication({ logger: ['error', 'warn'] });
    app.enableShutdownHooks();
    if (listens) await listenForEvents(app, env.REDIS_URL!);
    await app.init();
    apps.push(app);
  }
  return apps;
}

export async function closeAll(apps: INestApplication[]): Promise<void> {
  for (const app of apps.reverse()) await app.close();
}
