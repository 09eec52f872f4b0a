import { AwsError } from './aws-errors.js';

/**
 * Reading request members with the checks the service front door does (required, type, enum, range), answering with
 * the error code the calling operation uses for a bad parameter (InvalidParameterException for most of Connect,
 * InvalidRequestException for instance operations, InvalidParameterValueException for Lambda).
 */
export class Input {
  constructor(
    private readonly members: Record<string, unknown>,
    private readonly errorCode: string,
  ) {}

  private fail(message: string): never {
    throw new AwsError(this.errorCode, message);
  }

  optionalString(name: string, { max, pattern }: { max?: number; pattern?: RegExp } = {}): string | undefined {
    const value = this.members[name];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string') this.fail(`${name} must be a string.`);
    if (max !== undefined && value.length > max) this.fail(`${name} must be at most ${max} characters long.`);
    if (pattern && !pattern.test(value)) this.fail(`${name} '${value}' does not match ${pattern}.`);
    return value;
  }

  string(name: string, options: { max?: number; pattern?: RegExp } = {}): string {
    const value = this.optionalString(name, options);
    if (value === undefined || value === '') this.fail(`${name} is required.`);
    return value;
  }

  optionalEnum<T extends string>(name: string, allowed: readonly T[]): T | undefined {
    const value = this.optionalString(name);
    if (value === undefined) return undefined;
    if (!(allowed as readonly string[]).includes(value))
      this.fail(`${name} must be one of ${allowed.join(', ')}; got '${value}'.`);
    return value as T;
  }

  enum<T extends string>(name: string, allowed: readonly T[]): T {
    const value = this.optionalEnum(name, allowed);
    if (value === undefined) this.fail(`${name} is required.`);
    return value;
  }

  optionalBoolean(name: string): boolean | undefined {
    const value = this.members[name];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'boolean') this.fail(`${name} must be a boolean.`);
    return value;
  }

  boolean(name: string): boolean {
    const value = this.optionalBoolean(name);
    if (value === undefined) this.fail(`${name} is required.`);
    return value;
  }

  optionalInteger(name: string, min: number, max: number): number | undefined {
    const value = this.members[name];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      this.fail(`${name} must be an integer from ${min} to ${max}; got ${JSON.stringify(value)}.`);
    }
    return value;
  }

  optionalStringMap(name: string): Record<string, string> | undefined {
    const value = this.members[name];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'object' || Array.isArray(value) || Object.values(value).some((v) => typeof v !== 'string')) {
      this.fail(`${name} must be a map of strings.`);
    }
    return { ...(value as Record<string, string>) };
  }

  optionalObject(name: string): Record<string, unknown> | undefined {
    const value = this.members[name];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'object' || Array.isArray(value)) this.fail(`${name} must be an object.`);
    return value as Record<string, unknown>;
  }

  optionalArray(name: string): unknown[] | undefined {
    const value = this.members[name];
    if (value === undefined || value === null) return undefined;
    if (!Array.isArray(value)) this.fail(`${name} must be a list.`);
    return value;
  }
}

/** Members of a query string (httpQuery bindings). */
export function queryMembers(
  query: URLSearchParams,
  names: Record<string, { list?: boolean; integer?: boolean }>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, kind] of Object.entries(names)) {
    const values = query.getAll(name);
    if (values.length === 0) continue;
    if (kind.list) out[name] = values;
    else if (kind.integer) out[name] = /^-?\d+$/.test(values[0] as string) ? Number(values[0]) : values[0];
    else out[name] = values[0];
  }
  return out;
}

export const UUID = /^[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}$/;
