import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { isURL, validateSync, ValidateBy, type ValidationError } from 'class-validator';

/**
 * Validators for the profile fields the spec gives loose shapes: a product list whose entries are identifiers
 * (`"bedding_sets"`) or objects, a knowledge base of named facts (`{"return_policy": "30-day returns"}`) or plain
 * statements, and a website that may be a bare domain.
 *
 * The list validators check inside the value, which class-validator cannot report as nested errors, so their
 * message starts with the path of the entry at fault (`products.1.price: price must not be less than 0`); the
 * constraints named in NESTED_PATH_CONSTRAINTS are read that way when errors are turned into field paths.
 */
export const NESTED_PATH_CONSTRAINTS: readonly string[] = ['identifierOrObjectList', 'knowledgeBase', 'voiceLanguage'];

const codePoints = (text: string) => [...text].length;
const MAX_LIST = 500;
const MAX_KNOWLEDGE_ENTRIES = 200;
const MAX_KNOWLEDGE_TEXT = 4000;
/** A knowledge key: a short name such as `return_policy`, `shipping info` or `Gift-wrap`. */
const KNOWLEDGE_KEY = /^[A-Za-z][A-Za-z0-9_ -]{0,63}$/;

function firstNestedProblem(errors: ValidationError[], parent: string): string | undefined {
  for (const error of errors) {
    const field = `${parent}.${error.property}`;
    const message = error.constraints ? Object.values(error.constraints)[0] : undefined;
    if (message) return `${field}: ${message}`;
    const nested = firstNestedProblem(error.children ?? [], field);
    if (nested) return nested;
  }
  return undefined;
}

function objectProblem<T extends object>(type: ClassConstructor<T>, value: unknown, field: string): string | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return `${field}: must be an identifier or an object`;
  const errors = validateSync(plainToInstance(type, value), {
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
  });
  return firstNestedProblem(errors, field);
}

/** Why a list of identifiers or objects of `type` is not valid, or undefined when it is. */
export function listProblem<T extends object>(
  value: unknown,
  property: string,
  type: ClassConstructor<T>,
  maxText = 200,
): string | undefined {
  if (!Array.isArray(value)) return `${property}: ${property} must be an array`;
  if (value.length > MAX_LIST) return `${property}: ${property} must contain no more than ${MAX_LIST} elements`;
  for (const [index, item] of value.entries()) {
    const field = `${property}.${index}`;
    if (typeof item === 'string') {
      const length = codePoints(item.trim());
      if (length < 1 || length > maxText)
        return `${field}: an identifier must be between 1 and ${maxText} characters long`;
      continue;
    }
    const problem = objectProblem(type, item, field);
    if (problem) return problem;
  }
  return undefined;
}

/** Entries that are identifiers (`"bedding_sets"`) or objects of `type` (`{"name": ..., "price": ...}`). */
export function IsIdentifierOrObjectList<T extends object>(type: ClassConstructor<T>): PropertyDecorator {
  return ValidateBy({
    name: 'identifierOrObjectList',
    validator: {
      validate: (value, args) => listProblem(value, args?.property ?? 'value', type) === undefined,
      defaultMessage: (args) => listProblem(args?.value, args?.property ?? 'value', type) ?? 'not valid',
    },
  });
}

/** Why a knowledge base is not named facts or a list of statements, or undefined when it is. */
export function knowledgeBaseProblem(value: unknown, property: string): string | undefined {
  const textProblem = (text: unknown, field: string) => {
    if (typeof text !== 'string') return `${field}: must be a string`;
    const length = codePoints(text.trim());
    return length < 1 || length > MAX_KNOWLEDGE_TEXT
      ? `${field}: must be between 1 and ${MAX_KNOWLEDGE_TEXT} characters long`
      : undefined;
  };
  if (Array.isArray(value)) {
    if (value.length > MAX_KNOWLEDGE_ENTRIES)
      return `${property}: ${property} must contain no more than ${MAX_KNOWLEDGE_ENTRIES} entries`;
    for (const [index, text] of value.entries()) {
      const problem = textProblem(text, `${property}.${index}`);
      if (problem) return problem;
    }
    return undefined;
  }
  if (value === null || typeof value !== 'object') {
    return `${property}: ${property} must be an object of named facts ({"return_policy": "30-day returns"}) or a list of statements`;
  }
  const entries = Object.entries(value);
  if (entries.length > MAX_KNOWLEDGE_ENTRIES)
    return `${property}: ${property} must have no more than ${MAX_KNOWLEDGE_ENTRIES} entries`;
  for (const [key, text] of entries) {
    if (!KNOWLEDGE_KEY.test(key)) {
      return `${property}: the key "${key.slice(0, 70)}" must be a name of letters, digits, spaces, _ or - (at most 64, starting with a letter)`;
    }
    const problem = textProblem(text, `${property}.${key}`);
    if (problem) return problem;
  }
  return undefined;
}

export function IsKnowledgeBase(): PropertyDecorator {
  return ValidateBy({
    name: 'knowledgeBase',
    validator: {
      validate: (value, args) => knowledgeBaseProblem(value, args?.property ?? 'knowledge_base') === undefined,
      defaultMessage: (args) => knowledgeBaseProblem(args?.value, args?.property ?? 'knowledge_base') ?? 'not valid',
    },
  });
}

/** An http(s) URL, or a bare domain as the spec writes it (`cozycomfort.com`, `shop.example/bedding`). */
export function IsWebsite(): PropertyDecorator {
  return ValidateBy({
    name: 'website',
    validator: {
      validate: (value) =>
        typeof value === 'string' &&
        codePoints(value) <= 2000 &&
        isURL(value, { protocols: ['http', 'https'], require_protocol: false, require_tld: true }),
      defaultMessage: (args) => `${args?.property} must be a website: a domain such as example.com or an http(s) URL`,
    },
  });
}
