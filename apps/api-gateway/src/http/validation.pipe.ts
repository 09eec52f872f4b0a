import { BadRequestException, ValidationPipe, type ArgumentMetadata } from '@nestjs/common';
import { fieldError, validationErrorBody } from './field-errors.js';
import { findJsonShapeProblem } from './json-shape.js';

/**
 * Request bodies, queries and path parameters become DTO instances; unknown fields and wrong types are refused with
 * a 400 that names each field. Before any of that, a value nested too deeply or carrying text Postgres cannot store
 * is refused as a whole: the transformers recurse per level, and the database would fail the write.
 */
class StrictValidationPipe extends ValidationPipe {
  constructor() {
    super({
      whitelist: true,
      forbidNonWhitelisted: true,
      forbidUnknownValues: true,
      transform: true,
      transformOptions: { enableImplicitConversion: false },
      validationError: { target: false, value: false },
      exceptionFactory: (errors) => new BadRequestException(validationErrorBody(errors)),
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type !== 'custom') {
      // Platform webhooks (untyped bodies) clean a customer's text themselves rather than refuse the delivery.
      const problem = findJsonShapeProblem(value, metadata.data ?? '', this.toValidate(metadata));
      if (problem) throw new BadRequestException(fieldError(problem.field || metadata.type, problem.message));
    }
    return super.transform(value, metadata);
  }
}

export function strictValidationPipe(): ValidationPipe {
  return new StrictValidationPipe();
}
