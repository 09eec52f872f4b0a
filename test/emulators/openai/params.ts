import { invalidRequest, invalidType, invalidValue, unrecognizedArgument } from './errors.js';

/** Shared checks of top-level request parameters, worded as OpenAI words them. */

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The body must be a JSON object with only known arguments (OpenAI rejects unknown ones). */
export function requireKnownArguments(body: unknown, known: ReadonlySet<string>): Record<string, unknown> {
  if (!isPlainObject(body)) throw invalidRequest('The request body must be a JSON object.', null);
  for (const key of Object.keys(body)) if (!known.has(key)) throw unrecognizedArgument(key);
  return body;
}

/** A number within [min, max] (null or absent: undefined). */
export function optionalNumber(
  body: Record<string, unknown>,
  param: string,
  { min, max, integer = false }: { min?: number; max?: number; integer?: boolean },
): number | undefined {
  const value = body[param];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value) || (integer && !Number.isInteger(value))) {
    throw invalidType(param, integer ? 'an integer' : 'a number', value);
  }
  const kind = integer ? 'integer' : 'decimal';
  if (min !== undefined && value < min) {
    throw invalidRequest(
      `Invalid '${param}': ${kind} below minimum value. Expected a value >= ${min}, but got ${value} instead.`,
      param,
      `${kind}_below_min_value`,
    );
  }
  if (max !== undefined && value > max) {
    throw invalidRequest(
      `Invalid '${param}': ${kind} above maximum value. Expected a value <= ${max}, but got ${value} instead.`,
      param,
      `${kind}_above_max_value`,
    );
  }
  return value;
}

export function optionalBoolean(body: Record<string, unknown>, param: string): boolean | undefined {
  const value = body[param];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw invalidType(param, 'a boolean', value);
  return value;
}

export function optionalString(body: Record<string, unknown>, param: string): string | undefined {
  const value = body[param];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw invalidType(param, 'a string', value);
  return value;
}

export function optionalEnum<T extends string>(
  body: Record<string, unknown>,
  param: string,
  allowed: readonly T[],
): T | undefined {
  const value = optionalString(body, param);
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) throw invalidValue(param, value, allowed);
  return value as T;
}

/** `model`: a non-empty string. */
export function requireModel(body: Record<string, unknown>): string {
  const model = body['model'];
  if (model === undefined || model === null || model === '')
    throw invalidRequest('you must provide a model parameter', 'model');
  if (typeof model !== 'string') throw invalidType('model', 'a string', model);
  return model;
}
