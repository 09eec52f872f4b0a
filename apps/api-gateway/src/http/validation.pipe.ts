import { BadRequestException, ValidationPipe } from '@nestjs/common';
import { validationErrorBody } from './field-errors.js';

/**
 * Request bodies become DTO instances; unknown fields and wrong types are refused with a 400 that names each field.
 */
export function strictValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new BadRequestException(validationErrorBody(errors)),
  });
}
