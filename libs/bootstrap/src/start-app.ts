import { Injectable, type DynamicModule, type INestApplication, type OnApplicationShutdown } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { requestIdOf, shutdownTracing, tracingActive } from '@voca/observability';
import { enableQueueTelemetry } from '@voca/queue';
import type { RequestHandler } from 'express';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { QuietStartupLogger } from './startup-noise.js';

export interface AppStartOptions {
  port: number;
  /** SHUTDOWN_GRACE_MS: the process exits within it plus SHUTDOWN_MARGIN_MS, whatever Redis and Postgres do. */
  shutdownGraceMs: number;
  /** Extra setup before the app listens (pipes, filters, docs, microservices). */
  configure?: (app: NestExpressApplication) => Promise<void> | void;
  bodyLimit?: string;
  /**
   * Parsers of the routes whose bodies may be larger than `bodyLimit`, each reading only its own routes' bodies;
   * they run before the JSON parser, which leaves a body already read alone.
   */
  routeBodyParsers?: RequestHandler[];
}

/** What shutdown may take beyond the grace: closing connections after the running work has been let go. */
export const SHUTDOWN_MARGIN_MS = 5_000;

/**
 * Creates an app with the shared logger and shutdown hooks (SIGTERM and SIGINT run the Nest shutdown sequence, which
 * drains jobs and connections), and listens. Workers listen only for their health and metrics endpoints.
 */
export async function startApp(module: unknown, options: AppStartOptions): Promise<INestApplication> {
  if (tracingActive()) {
    enableQueueTelemetry();
    module = withTraceFlush(module);
  }
  const app = await NestFactory.create<NestExpressApplication>(module as never, {
    bufferLogs: true,
    bodyParser: false,
    // Webhook signatures are computed over the bytes as received.
    rawBody: true,
  });
  app.useLogger(new QuietStartupLogger(app.get(Logger)));
  // Before the body parser: its errors are answered before any Nest middleware runs, and still quote the id.
  app.use((req: IncomingMessage, res: ServerResponse, next: () => void) => {
    requestIdOf(req, res);
    next();
  });
  for (const parser of options.routeBodyParsers ?? []) app.use(parser);
  app.useBodyParser('json', { limit: options.bodyLimit ?? '100kb' });
  app.enableShutdownHooks();
  exitWithinBound(options.shutdownGraceMs + SHUTDOWN_MARGIN_MS, app.get(Logger));
  await options.configure?.(app);
  await app.listen(options.port, '0.0.0.0');
  return app;
}

/** Exports the spans still buffered once the app has shut down (its jobs finished, its server closed). */
@Injectable()
class TraceFlush implements OnApplicationShutdown {
  onApplicationShutdown(): Promise<void> {
    return shutdownTracing();
  }
}

/** The app's root module, plus the provider that flushes traces on shutdown. */
function withTraceFlush(module: unknown): DynamicModule {
  const root = (typeof module === 'function' ? { module } : module) as DynamicModule;
  return { ...root, providers: [...(root.providers ?? []), TraceFlush] };
}

/** The bound the watchdog enforces; one watchdog per process, however many apps it hosts (tests host several). */
let shutdownBoundMs: number | undefined;

/**
 * The last resort of a bounded shutdown: a client that cannot reach Redis or Postgres may wait for it for ever while
 * closing, so once a stop signal has been given `boundMs`, the process exits regardless. Whatever was running is
 * retried elsewhere (jobs by their lock expiry, webhooks by the platforms).
 */
function exitWithinBound(boundMs: number, logger: Logger): void {
  const armed = shutdownBoundMs !== undefined;
  shutdownBoundMs = Math.max(shutdownBoundMs ?? 0, boundMs);
  if (armed) return;
  const arm = (signal: NodeJS.Signals) => {
    setTimeout(() => {
      logger.error({ signal, boundMs: shutdownBoundMs }, 'shutdown did not finish in time; exiting anyway');
      process.exit(1);
    }, shutdownBoundMs).unref();
  };
  process.once('SIGTERM', arm);
  process.once('SIGINT', arm);
}
