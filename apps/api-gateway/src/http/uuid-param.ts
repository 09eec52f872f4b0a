import { BadRequestException, ParseUUIDPipe } from '@nestjs/common';
import { fieldError } from './field-errors.js';

/** A path parameter that must be a UUID; anything else is a 400 naming the parameter. */
export function uuidParam(name: string): ParseUUIDPipe {
  return new ParseUUIDPipe({
    exceptionFactory: () => new BadRequestException(fieldError(name, `${name} must be a UUID`)),
  });
}
