import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Module, type DynamicModule } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { trace } from '@opentelemetry/api';
import { LoggerModule as PinoLoggerModule } from 'nestjs-pino';
import type { Options } from 'pino-http';
import { logFormatFor, prettyTransport, type LogFormat, type LogFormatSetting } from './logger-format.js';
import { redactDeep } from './redact.js';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,128}$/;
const QUIET_PATHS = ['/health', '/metrics'];

/**
 * The caller's X-Request-Id when it is sane, else a new one; echoed back so a client can quote it. Assigned once per
 * request (the first call stores it on the request), so errors raised before routing carry the same id as the log.
 */
export function requestIdOf(req: IncomingMessage & { id?: unknown }, res: ServerResponse): string {
  if (typeof req.id === 'string') return req.id;
  const given = req.headers['x-request-id'];
  const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
  res.setHeader('X-Request-Id', id);
  req.id = id;
  return id;
}

/**
 * Every log object redacted however deep, except a request's `req` and `res`: pino applies this before the
 * serializers, which keep only their id, method, path and status. Walked here, they would reach the serializers as
 * plain copies (a response without `headersSent`, so its status lost) after a walk through sockets and servers.
 */
function redactLogObject({ req, res, ...rest }: Record<string, unknown>): Record<string, unknown> {
  return {
    ...(redactDeep(rest) as Record<string, unknown>),
    ...(req !== undefined && { req }),
    ...(res !== undefined && { res }),
  };
}

/** pino-http's options for one app's logger, in the given format; the redaction is the same in both. */
export function pinoHttpOptions(app: string, level: string, format: LogFormat): Options {
  return {
    name: app,
    level,
    genReqId: requestIdOf,
    autoLogging: { ignore: (req) => QUIET_PATHS.some((path) => req.url?.startsWith(path)) },
    serializers: {
      req: (req: { id: string; method: string; url: string }) => ({
        id: req.id,
        method: req.method,
        path: req.url.split('?')[0],
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    formatters: { log: redactLogObject },
    // With tracing on, a line written in a request or a job names its trace (nothing is active otherwise).
    mixin: () => {
      const span = trace.getActiveSpan()?.spanContext();
      return span ? { trace_id: span.traceId, span_id: span.spanId } : {};
    },
    ...(format === 'pretty' && { transport: prettyTransport() }),
  };
}

/**
 * Structured JSON logs (pino) for one app. Requests are logged by method, path and status only: no headers, no
 * query strings and no bodies, so tokens, signatures and verify tokens never reach the log; every other log object
 * (an error's SQL parameters, a nested token) is redacted however deep (redactDeep). In development, pino-pretty
 * prints the same log objects, redacted alike (see logFormatFor).
 */
@Module({})
export class LoggerModule {
  static forApp(app: string): DynamicModule {
    return {
      module: LoggerModule,
      imports: [
        PinoLoggerModule.forRootAsync({
          inject: [ConfigService],
          useFactory: (config: ConfigService) => ({
            pinoHttp: pinoHttpOptions(
              app,
              config.getOrThrow<string>('LOG_LEVEL'),
              logFormatFor(config.getOrThrow<string>('NODE_ENV'), config.get<LogFormatSetting>('LOG_FORMAT') ?? 'auto'),
            ),
          }),
        }),
      ],
      exports: [PinoLoggerModule],
    };
  }
}
