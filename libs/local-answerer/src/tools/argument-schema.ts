/**
 * A tool's arguments schema as the local model reads it: its properties in order, which are required, what type each
 * takes, and whether a value found in a message would pass the schema's simple checks (type, pattern, enum, lengths,
 * bounds, the date and time formats), so that only values the engine's validator accepts are filled in.
 */

export interface PropertySpec {
  name: string;
  schema: Record<string, unknown>;
  /** JSON types it takes; empty when the schema does not say (anything goes). */
  types: ReadonlySet<string>;
  required: boolean;
  description?: string;
}

const MAX_PROPERTIES = 50;
const MAX_CACHED_PATTERNS = 200;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The properties of an object schema, in order, with the required ones marked; required names it lacks too. */
export function propertiesOf(parameters: unknown): PropertySpec[] {
  if (!isObject(parameters)) return [];
  const properties = isObject(parameters.properties) ? parameters.properties : {};
  const required = new Set(
    Array.isArray(parameters.required) ? parameters.required.filter((n): n is string => typeof n === 'string') : [],
  );
  const specs = Object.entries(properties)
    .slice(0, MAX_PROPERTIES)
    .map(([name, raw]): PropertySpec => {
      const schema = isObject(raw) ? raw : {};
      const description = typeof schema.description === 'string' ? schema.description.trim() : '';
      return {
        name,
        schema,
        types: typesOf(schema),
        required: required.has(name),
        ...(description ? { description } : {}),
      };
    });
  for (const name of required) {
    if (!(name in properties) && specs.length < MAX_PROPERTIES) {
      specs.push({ name, schema: {}, types: new Set(), required: true });
    }
  }
  return specs;
}

/** The required properties the arguments lack, in the schema's order. */
export function missingRequired(properties: readonly PropertySpec[], args: Record<string, unknown>): string[] {
  return properties
    .filter((p) => p.required && (args[p.name] === undefined || args[p.name] === null))
    .map((p) => p.name);
}

function typesOf(schema: Record<string, unknown>): Set<string> {
  const type = schema.type;
  if (typeof type === 'string') return new Set([type]);
  if (Array.isArray(type)) return new Set(type.filter((t): t is string => typeof t === 'string'));
  const listed = Array.isArray(schema.enum) ? schema.enum : 'const' in schema ? [schema.const] : [];
  return new Set(listed.map((value) => (Number.isInteger(value) ? 'integer' : typeof value)));
}

const takes = (property: PropertySpec, type: string) => property.types.size === 0 || property.types.has(type);

/**
 * A value found in a message, as the property takes it: a string where strings go, else a number where numbers go
 * ("10423" -> 10423 for an integer); undefined when it cannot be one.
 */
export function coerce(value: string | number, property: PropertySpec): string | number | undefined {
  if (typeof value === 'number') {
    if (Number.isInteger(value) && takes(property, 'integer')) return value;
    if (takes(property, 'number')) return value;
    return takes(property, 'string') ? String(value) : undefined;
  }
  if (takes(property, 'string')) return value;
  const text = value.trim();
  if (property.types.has('integer') && /^\d{1,15}$/.test(text)) return Number(text);
  if (property.types.has('number') && /^\d{1,15}(?:\.\d{1,6})?$/.test(text)) return Number(text);
  return undefined;
}

/** Whether the schema's simple checks pass: what ajv would say of the value, as far as they go. */
export function fits(value: unknown, property: PropertySpec): boolean {
  const { schema } = property;
  if (Array.isArray(schema.enum) && !schema.enum.some((allowed) => allowed === value)) return false;
  if ('const' in schema && schema.const !== value) return false;
  if (typeof value === 'string') return takes(property, 'string') && fitsString(value, schema);
  if (typeof value === 'number') {
    const typed = Number.isInteger(value)
      ? takes(property, 'integer') || takes(property, 'number')
      : takes(property, 'number');
    return typed && fitsNumber(value, schema);
  }
  return false;
}

function fitsString(value: string, schema: Record<string, unknown>): boolean {
  const length = [...value].length;
  if (typeof schema.minLength === 'number' && length < schema.minLength) return false;
  if (typeof schema.maxLength === 'number' && length > schema.maxLength) return false;
  if (typeof schema.pattern === 'string') {
    const pattern = compiled(schema.pattern);
    if (!pattern || !pattern.test(value)) return false;
  }
  return typeof schema.format === 'string' ? fitsFormat(value, schema.format) : true;
}

function fitsNumber(value: number, schema: Record<string, unknown>): boolean {
  if (!Number.isFinite(value)) return false;
  if (typeof schema.minimum === 'number' && value < schema.minimum) return false;
  if (typeof schema.maximum === 'number' && value > schema.maximum) return false;
  if (typeof schema.exclusiveMinimum === 'number' && value <= schema.exclusiveMinimum) return false;
  if (typeof schema.exclusiveMaximum === 'number' && value >= schema.exclusiveMaximum) return false;
  if (typeof schema.multipleOf === 'number' && schema.multipleOf > 0) {
    const ratio = value / schema.multipleOf;
    if (Math.abs(ratio - Math.round(ratio)) > 1e-9) return false;
  }
  return true;
}

const DATE = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$/;
const TIME_ZONED = /^(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?(?:z|[+-]\d\d(?::?\d\d)?)$/i;
const TIME_LOCAL = /^(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?(?:z|[+-]\d\d(?::?\d\d)?)?$/i;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The formats a tool's schema is likely to give for what the local model fills; ajv's full mode for these. */
function fitsFormat(value: string, format: string): boolean {
  switch (format) {
    case 'date':
      return DATE.test(value);
    case 'time':
      return TIME_ZONED.test(value);
    case 'iso-time':
      return TIME_LOCAL.test(value);
    case 'date-time':
      return DATE.test(value.slice(0, 10)) && /^[tT]$/.test(value.charAt(10)) && TIME_ZONED.test(value.slice(11));
    case 'iso-date-time':
      return DATE.test(value.slice(0, 10)) && /^[tT ]$/.test(value.charAt(10)) && TIME_LOCAL.test(value.slice(11));
    case 'email':
      return EMAIL.test(value);
    default:
      return true;
  }
}

const patterns = new Map<string, RegExp | null>();

/** A schema's pattern as ajv compiles it (unicode, unanchored); null when it does not compile. */
function compiled(source: string): RegExp | null {
  if (patterns.has(source)) return patterns.get(source)!;
  let pattern: RegExp | null;
  try {
    pattern = new RegExp(source, 'u');
  } catch {
    pattern = null;
  }
  if (patterns.size >= MAX_CACHED_PATTERNS) patterns.delete(patterns.keys().next().value!);
  patterns.set(source, pattern);
  return pattern;
}

/** The first of the candidates the property takes, converted to its type; undefined when none does. */
export function firstFitting(candidates: ReadonlyArray<string | number>, property: PropertySpec): unknown {
  for (const candidate of candidates) {
    const value = coerce(candidate, property);
    if (value !== undefined && fits(value, property)) return value;
  }
  return undefined;
}

/** The property's name in words: `estimated_delivery` -> "estimated delivery", `orderId` -> "order id". */
export function nameWords(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
