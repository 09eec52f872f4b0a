import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Module, type DynamicModule } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { LoggerModule as PinoLoggerModule } from 'nestjs-pino';
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
 * Structured JSON logs (pino) for one app. Requests are logged by method, path and status only: no headers, no
 * query strings and no bodies, so tokens, signatures and verify tokens never reach the log; every other log object
 * (an error's SQL parameters, a nested token) is redacted however deep (redactDeep).
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
            pinoHttp: {
              name: app,
              level: config.getOrThrow<string>('LOG_LEVEL'),
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
              formatters: { log: (object: Record<string, unknown>) => redactDeep(object) as Record<string, unknown> },
            },
          }),
        }),
      ],
      exports: [PinoLoggerModule],
    };
  }
}
