import { NESTED_PATH_CONSTRAINTS } from '@voca/contracts';
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
    const own = Object.entries(error.constraints ?? {}).map(([constraint, message]) =>
      NESTED_PATH_CONSTRAINTS.includes(constraint) ? nestedFieldError(parent, message) : { field, messages: [message] },
    );
    return [...mergeByField(own), ...flattenValidationErrors(error.children ?? [], field)];
  });
}

/** A constraint that checked inside its value names the entry at fault first: `products.1.price: <message>`. */
function nestedFieldError(parent: string, message: string): FieldError {
  const separator = message.indexOf(': ');
  const path = message.slice(0, separator);
  return { field: parent ? `${parent}.${path}` : path, messages: [message.slice(separator + 2)] };
}

function mergeByField(errors: FieldError[]): FieldError[] {
  const merged = new Map<string, string[]>();
  for (const { field, messages } of errors) merged.set(field, [...(merged.get(field) ?? []), ...messages]);
  return [...merged].map(([field, messages]) => ({ field, messages }));
}

export function validationErrorBody(errors: ValidationError[]): FieldErrorBody {
  const fields = flattenValidationErrors(errors);
  const message = fields.map(({ field, messages }) => `${field}: ${messages.join('; ')}`).join(' | ');
  return { message: message || 'the request is not valid', fields };
}
