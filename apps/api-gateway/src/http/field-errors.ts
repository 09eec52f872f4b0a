import type { ValidationError } from 'class-validator';

export interface FieldError {
  field: string;
  messages: string[];
}

/** The body of a 400 that names the fields at fault. */
export interface FieldErrorBody {
  message: string;
  fields: FieldError[];
}

export function fieldError(field: string, message: string): FieldErrorBody {
  return { message: `${field}: ${message}`, fields: [{ field, messages: [message] }] };
}

/** Flattens class-validator's nested errors into dotted field paths (`agent_config.channel_credentials.whatsapp`). */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, messages: Object.values(error.constraints) }] : [];
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

export function validationErrorBody(errors: ValidationError[]): FieldErrorBody {
  const fields = flattenValidationErrors(errors);
  const message = fields.map(({ field, messages }) => `${field}: ${messages.join('; ')}`).join(' | ');
  return { message: message || 'the request is not valid', fields };
}
