import { HttpException, HttpStatus } from '@nestjs/common';

/** 429 with a Retry-After the exception filter turns into the header. */
export class RetryLaterException extends HttpException {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super({ message }, HttpStatus.TOO_MANY_REQUESTS);
  }
}
