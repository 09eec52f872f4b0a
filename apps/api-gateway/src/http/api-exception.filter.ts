import { ArgumentsHost, Catch, HttpException, HttpStatus, Logger, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { RetryLaterException } from './retry-later.exception.js';
import { STATUS_CODES } from 'node:http';
import { isDatabaseUnavailable } from '@voca/persistence';

/** How long a client is asked to wait when the database is away (a restart takes seconds). */
const DATABASE_RETRY_AFTER_S = 2;

function errorMessageOf(error: unknown): string {
  return error instanceof Error ? error.message.slice(0, 200) : 'unknown';
}

interface BodyParserError {
  type?: string;
  status?: number;
}

/** Errors thrown by express's body parser before any route runs, mapped to what the client got wrong. */
const BODY_PARSER_ERRORS: Record<string, { status: number; message: string }> = {
  'entity.parse.failed': { status: 400, message: 'the body is not valid JSON' },
  'entity.too.large': { status: 413, message: 'the body is larger than this API accepts' },
  'encoding.unsupported': { status: 415, message: 'the body encoding is not supported' },
  'charset.unsupported': { status: 415, message: 'the body charset is not supported' },
  'request.aborted': { status: 400, message: 'the request was aborted' },
};

/**
 * The one error shape of the API: `{statusCode, error, message, fields?, request_id}`. Unexpected errors are logged
 * with their stack and answered as a bare 500, never with internals.
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const http = host.switchToHttp();
    const request = http.getRequest<Request & { id?: string }>();
    const response = http.getResponse<Response>();
    const { status, body, unavailable } = this.describe(exception);
    if (unavailable)
      this.logger.warn({ path: request.path, reason: errorMessageOf(exception) }, 'database unavailable');
    else if (status >= 500) this.logger.error({ err: exception, path: request.path }, 'request failed');
    if (response.headersSent) {
      response.end();
      return;
    }
    if (exception instanceof RetryLaterException) {
      response.setHeader('Retry-After', String(Math.max(1, Math.ceil(exception.retryAfterSeconds))));
    }
    if (unavailable) response.setHeader('Retry-After', String(DATABASE_RETRY_AFTER_S));
    response.status(status).json({
      statusCode: status,
      error: STATUS_CODES[status] ?? 'Error',
      ...body,
      request_id: request.id,
    });
  }

  private describe(exception: unknown): { status: number; body: Record<string, unknown>; unavailable?: boolean } {
    // Nest wraps body-parser errors in an HttpException whose cause keeps the parser's error type.
    const parserType = (exception as BodyParserError)?.type ?? (exception as { cause?: BodyParserError })?.cause?.type;
    const parserError = BODY_PARSER_ERRORS[parserType ?? ''];
    if (parserError) return { status: parserError.status, body: { message: parserError.message } };
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const payload = exception.getResponse();
      if (typeof payload === 'string') return { status, body: { message: payload } };
      const { statusCode: _status, error: _error, ...rest } = payload as Record<string, unknown>;
      const message = Array.isArray(rest.message) ? rest.message.join('; ') : rest.message;
      return { status, body: { ...rest, message: message ?? STATUS_CODES[status] } };
    }
    if (isDatabaseUnavailable(exception)) {
      const message = 'the engine cannot reach its database right now; retry shortly';
      return { status: HttpStatus.SERVICE_UNAVAILABLE, body: { message }, unavailable: true };
    }
    return { status: HttpStatus.INTERNAL_SERVER_ERROR, body: { message: 'internal error' } };
  }
}
