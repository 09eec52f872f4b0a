import {
  Injectable,
  PayloadTooLargeException,
  UnsupportedMediaTypeException,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { GatewayEnv } from '@voca/config';
import type { Request } from 'express';
import { catchError, throwError, type Observable } from 'rxjs';
import { documentTooLarge } from './received-document.js';

/**
 * In front of the file upload (FileInterceptor): a document comes as multipart/form-data or JSON (415 otherwise), and
 * a file over KNOWLEDGE_MAX_BYTES is a 413 that names the limit (multer only says "File too large").
 */
@Injectable()
export class DocumentBodyInterceptor implements NestInterceptor {
  private readonly maxBytes: number;

  constructor(config: ConfigService<GatewayEnv, true>) {
    this.maxBytes = config.get('KNOWLEDGE_MAX_BYTES', { infer: true });
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request>();
    if (!request.is(['application/json', 'multipart/form-data'])) {
      throw new UnsupportedMediaTypeException(
        'send the document as multipart/form-data (a file part) or as application/json',
      );
    }
    return next
      .handle()
      .pipe(
        catchError((error: unknown) =>
          throwError(() => (isFileTooLarge(error) ? documentTooLarge(this.maxBytes) : error)),
        ),
      );
  }
}

function isFileTooLarge(error: unknown): boolean {
  return (
    error instanceof PayloadTooLargeException &&
    (error.cause as { code?: string } | undefined)?.code === 'LIMIT_FILE_SIZE'
  );
}
