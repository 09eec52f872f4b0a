import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { requestIdOf } from '@voca/observability';
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface AppStartOptions {
  port: number;
  /** Extra setup before the app listens (pipes, filters, docs, microservices). */
  configure?: (app: NestExpressApplication) => Promise<void> | void;
  bodyLimit?: string;
}

/**
 * Creates an app with the shared logger and shutdown hooks (SIGTERM and SIGINT run the Nest shutdown sequence, which
 * drains jobs and connections), and listens. Workers listen only for their health and metrics endpoints.
 */
export async function startApp(module: unknown, options: AppStartOptions): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(module as never, {
    bufferLogs: true,
    bodyParser: false,
    // Webhook signatures are computed over the bytes as received.
    rawBody: true,
  });
  app.useLogger(app.get(Logger));
  // Before the body parser: its errors are answered before any Nest middleware runs, and still quote the id.
  app.use((req: IncomingMessage, res: ServerResponse, next: () => void) => {
    requestIdOf(req, res);
    next();
  });
  app.useBodyParser('json', { limit: options.bodyLimit ?? '100kb' });
  app.enableShutdownHooks();
  await options.configure?.(app);
  await app.listen(options.port, '0.0.0.0');
  return app;
}
