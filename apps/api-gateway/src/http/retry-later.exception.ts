import { HttpException, HttpStatus } from '@nestjs/common';

/** 429 (or another status, e.g. 503) with a Retry-After the exception filter turns into the header. */
export class RetryLaterException extends HttpException {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
    status: HttpStatus = HttpStatus.TOO_MANY_REQUESTS,
  ) {
    super({ message }, status);
  }
}
