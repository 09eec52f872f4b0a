import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

/** A tool's arguments schema that ajv could not compile, or that does not describe an object. */
export class ToolSchemaError extends Error {
  override readonly name = 'ToolSchemaError';
}

/** What checking a call's arguments found: nothing wrong, or the required ones absent and every other problem. */
export interface ArgumentsCheck {
  ok: boolean;
  /** Required properties absent from the arguments (the agent can ask the customer for them). */
  missing: string[];
  /** Every other problem, in words, each with its JSON path (`/order_number must match pattern ...`). */
  problems: string[];
}

/**
 * Compiles tools' argument schemas (JSON Schema 2020-12 as ajv reads it, with its formats) once per schema text.
 * Remote references are never fetched: a `$ref` outside the schema fails to compile.
 */
export class ToolSchemas {
  private readonly ajv = new Ajv2020({ allErrors: true, strict: false, validateSchema: true });
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(private readonly maxCached = 1_000) {
    addFormats.default(this.ajv);
  }

  /** Throws ToolSchemaError with ajv's reason when the schema cannot check arguments. */
  compile(schema: Record<string, unknown>): ValidateFunction {
    const key = JSON.stringify(schema);
    const known = this.compiled.get(key);
    if (known) return known;
    if (schema.type !== 'object') throw new ToolSchemaError('the schema must describe an object (`type: "object"`)');
    let validate: ValidateFunction;
    try {
      validate = this.ajv.compile(schema);
    } catch (error) {
      throw new ToolSchemaError((error as Error).message);
    }
    if (this.compiled.size >= this.maxCached) this.compiled.delete(this.compiled.keys().next().value!);
    this.compiled.set(key, validate);
    return validate;
  }

  check(schema: Record<string, unknown>, args: unknown): ArgumentsCheck {
    const validate = this.compile(schema);
    if (validate(args)) return { ok: true, missing: [], problems: [] };
    const missing: string[] = [];
    const problems: string[] = [];
    for (const error of validate.errors ?? []) {
      const property = (error.params as { missingProperty?: string }).missingProperty;
      if (error.keyword === 'required' && error.instancePath === '' && property) missing.push(property);
      else problems.push(`${error.instancePath || '/'} ${error.message ?? 'is invalid'}`);
    }
    return { ok: false, missing, problems };
  }
}
