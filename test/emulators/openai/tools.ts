import {
  emulatorFailure,
  invalidRequest,
  invalidType,
  invalidValue,
  missingParameter,
  type OpenAiApiError,
} from './errors.js';
import { isPlainObject } from './params.js';
import type { ChatFunctionTool, ChatToolCall, ChatToolChoice } from './types.js';

/** Function tools: `tools`, `tool_choice`, `parallel_tool_calls` and the tool-call messages, checked as OpenAI does. */

const MAX_TOOLS = 128;
const MAX_NAME_LENGTH = 64;
const NAME_PATTERN = /^[a-zA-Z0-9_-]+$/;
const TOOL_TYPES = ['function', 'custom'] as const;
const TOOL_CHOICE_MODES = ['none', 'auto', 'required'] as const;

/** The tool parameters of a valid request, with OpenAI's defaults applied. */
export interface ToolOptions {
  tools: ChatFunctionTool[];
  /** As sent, or 'auto' with tools and 'none' without. */
  toolChoice: ChatToolChoice;
  /** As sent, default true. */
  parallelToolCalls: boolean;
}

export function validateToolOptions(body: Record<string, unknown>): ToolOptions {
  const tools = validateTools(body['tools']);
  const given = body['tool_choice'];
  const parallel = body['parallel_tool_calls'];
  if (tools === undefined) {
    if (given !== undefined && given !== null) throw onlyWithTools('tool_choice');
    if (parallel !== undefined && parallel !== null) throw onlyWithTools('parallel_tool_calls');
  }
  if (parallel !== undefined && parallel !== null && typeof parallel !== 'boolean')
    throw invalidType('parallel_tool_calls', 'a boolean', parallel);
  const toolChoice =
    given === undefined || given === null ? (tools ? 'auto' : 'none') : validateToolChoice(given, tools ?? []);
  return { tools: tools ?? [], toolChoice, parallelToolCalls: (parallel as boolean | null | undefined) ?? true };
}

function onlyWithTools(param: string): OpenAiApiError {
  return invalidRequest(`Invalid value for '${param}': '${param}' is only allowed when 'tools' are specified.`, param);
}

function validateTools(value: unknown): ChatFunctionTool[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) throw invalidType('tools', 'an array', value);
  if (value.length === 0) {
    throw invalidRequest(
      "Invalid 'tools': empty array. Expected an array with minimum length 1, but got an empty array instead.",
      'tools',
      'empty_array',
    );
  }
  if (value.length > MAX_TOOLS) {
    throw invalidRequest(
      `Invalid 'tools': array too long. Expected an array with maximum length ${MAX_TOOLS}, but got an array with length ${value.length} instead.`,
      'tools',
      'array_above_max_length',
    );
  }
  return value.map((tool: unknown, i) => validateTool(tool, `tools[${i}]`));
}

function validateTool(tool: unknown, param: string): ChatFunctionTool {
  if (!isPlainObject(tool)) throw invalidType(param, 'an object', tool);
  const type = tool['type'];
  if (type === undefined || type === null) throw missingParameter(`${param}.type`);
  if (typeof type !== 'string' || !(TOOL_TYPES as readonly string[]).includes(type))
    throw invalidValue(`${param}.type`, type, TOOL_TYPES);
  if (type === 'custom') throw emulatorFailure(`${param}: custom tools are not emulated, only function tools`);

  const fn = tool['function'];
  if (fn === undefined || fn === null) throw missingParameter(`${param}.function`);
  if (!isPlainObject(fn)) throw invalidType(`${param}.function`, 'an object', fn);
  const name = validateName(fn['name'], `${param}.function.name`);
  const description = fn['description'];
  if (description !== undefined && description !== null && typeof description !== 'string')
    throw invalidType(`${param}.function.description`, 'a string', description);
  const strict = fn['strict'];
  if (strict !== undefined && strict !== null && typeof strict !== 'boolean')
    throw invalidType(`${param}.function.strict`, 'a boolean', strict);
  const parameters = fn['parameters'];
  if (parameters !== undefined && parameters !== null) {
    const schemaParam = `${param}.function.parameters`;
    if (!isPlainObject(parameters)) throw invalidType(schemaParam, 'an object', parameters);
    const problem = rootSchemaProblem(parameters) ?? (strict === true ? strictSchemaProblem(parameters, []) : null);
    if (problem !== null)
      throw invalidRequest(
        `Invalid schema for function '${name}': ${problem}`,
        schemaParam,
        'invalid_function_parameters',
      );
  }
  // A deep copy, so a replier cannot change what the records hold.
  return structuredClone({ type: 'function', function: fn }) as ChatFunctionTool;
}

function validateName(name: unknown, param: string): string {
  if (name === undefined || name === null) throw missingParameter(param);
  if (typeof name !== 'string') throw invalidType(param, 'a string', name);
  if (name === '') {
    throw invalidRequest(
      `Invalid '${param}': empty string. Expected a string with minimum length 1, but got an empty string instead.`,
      param,
      'empty_string',
    );
  }
  if (name.length > MAX_NAME_LENGTH) {
    throw invalidRequest(
      `Invalid '${param}': string too long. Expected a string with maximum length ${MAX_NAME_LENGTH}, but got a string with length ${name.length} instead.`,
      param,
      'string_above_max_length',
    );
  }
  if (!NAME_PATTERN.test(name)) {
    throw invalidRequest(
      `Invalid '${param}': string does not match pattern. Expected a string that matches the pattern '${NAME_PATTERN.source}'.`,
      param,
      'invalid_value',
    );
  }
  return name;
}

/** Function parameters must be an object schema; `{}` (no parameters) is accepted. */
function rootSchemaProblem(schema: Record<string, unknown>): string | null {
  if (Object.keys(schema).length === 0 || schema['type'] === 'object') return null;
  const type = schema['type'];
  const got = type === undefined || type === null ? '"None"' : JSON.stringify(type);
  return `schema must be a JSON Schema of 'type: "object"', got 'type: ${got}'.`;
}

/**
 * Structured Outputs' rules for `strict: true`: every object schema sets `additionalProperties: false` and lists
 * every property in `required`. Worded as OpenAI words it, with the path as a Python tuple (`In context=(...)`).
 */
function strictSchemaProblem(schema: unknown, path: readonly string[]): string | null {
  if (Array.isArray(schema)) {
    for (const [i, item] of schema.entries()) {
      const problem = strictSchemaProblem(item, [...path, String(i)]);
      if (problem !== null) return problem;
    }
    return null;
  }
  if (!isPlainObject(schema)) return null;
  const context = `In context=${pythonTuple(path)}, `;
  const types = Array.isArray(schema['type']) ? schema['type'] : [schema['type']];
  const properties = isPlainObject(schema['properties']) ? schema['properties'] : undefined;
  if (types.includes('object') || properties !== undefined) {
    if (schema['additionalProperties'] !== false)
      return `${context}'additionalProperties' is required to be supplied and to be false.`;
    const required: unknown[] = Array.isArray(schema['required']) ? schema['required'] : [];
    const missing = Object.keys(properties ?? {}).find((key) => !required.includes(key));
    if (missing !== undefined) {
      return `${context}'required' is required to be supplied and to be an array including every key in properties. Missing '${missing}'.`;
    }
  }
  for (const key of ['properties', '$defs', 'definitions'] as const) {
    const children = schema[key];
    if (!isPlainObject(children)) continue;
    for (const [name, child] of Object.entries(children)) {
      const problem = strictSchemaProblem(child, [...path, key, name]);
      if (problem !== null) return problem;
    }
  }
  for (const key of ['items', 'anyOf'] as const) {
    if (schema[key] === undefined) continue;
    const problem = strictSchemaProblem(schema[key], [...path, key]);
    if (problem !== null) return problem;
  }
  return null;
}

function pythonTuple(path: readonly string[]): string {
  if (path.length === 0) return '()';
  const items = path.map((p) => `'${p}'`);
  return items.length === 1 ? `(${items[0]},)` : `(${items.join(', ')})`;
}

function validateToolChoice(choice: unknown, tools: ChatFunctionTool[]): ChatToolChoice {
  if (typeof choice === 'string') {
    if (!(TOOL_CHOICE_MODES as readonly string[]).includes(choice))
      throw invalidValue('tool_choice', choice, TOOL_CHOICE_MODES);
    return choice as (typeof TOOL_CHOICE_MODES)[number];
  }
  if (!isPlainObject(choice)) throw invalidType('tool_choice', 'one of a string or object', choice);
  const type = choice['type'];
  if (type === undefined || type === null) throw missingParameter('tool_choice.type');
  if (type === 'function') {
    const fn = choice['function'];
    if (fn === undefined || fn === null) throw missingParameter('tool_choice.function');
    if (!isPlainObject(fn)) throw invalidType('tool_choice.function', 'an object', fn);
    const name = fn['name'];
    if (name === undefined || name === null) throw missingParameter('tool_choice.function.name');
    if (typeof name !== 'string') throw invalidType('tool_choice.function.name', 'a string', name);
    if (!tools.some((tool) => tool.function.name === name))
      throw invalidRequest(`Tool choice '${name}' not found in 'tools' parameter.`, 'tool_choice');
    return { type: 'function', function: { name } };
  }
  if (type === 'allowed_tools') {
    const allowed = choice['allowed_tools'];
    if (allowed === undefined || allowed === null) throw missingParameter('tool_choice.allowed_tools');
    if (!isPlainObject(allowed)) throw invalidType('tool_choice.allowed_tools', 'an object', allowed);
    const mode = allowed['mode'];
    if (mode === undefined || mode === null) throw missingParameter('tool_choice.allowed_tools.mode');
    if (mode !== 'auto' && mode !== 'required')
      throw invalidValue('tool_choice.allowed_tools.mode', mode, ['auto', 'required']);
    const list = allowed['tools'];
    if (list === undefined || list === null) throw missingParameter('tool_choice.allowed_tools.tools');
    if (!Array.isArray(list) || !list.every(isPlainObject))
      throw invalidType('tool_choice.allowed_tools.tools', 'an array of objects', list);
    return structuredClone({ type: 'allowed_tools', allowed_tools: { mode, tools: list } });
  }
  if (type === 'custom') throw emulatorFailure('tool_choice: custom tools are not emulated, only function tools');
  throw invalidValue('tool_choice.type', type, ['function', 'allowed_tools', 'custom']);
}

/** An assistant message's `tool_calls` ([] when absent). */
export function validateAssistantToolCalls(value: unknown, param: string): ChatToolCall[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw invalidType(param, 'an array', value);
  if (value.length === 0) {
    throw invalidRequest(
      `Invalid '${param}': empty array. Expected an array with minimum length 1, but got an empty array instead.`,
      param,
      'empty_array',
    );
  }
  return value.map((call: unknown, j) => {
    const callParam = `${param}[${j}]`;
    if (!isPlainObject(call)) throw invalidType(callParam, 'an object', call);
    const id = requireString(call, 'id', callParam);
    const type = call['type'];
    if (type === undefined || type === null) throw missingParameter(`${callParam}.type`);
    if (typeof type !== 'string' || !(TOOL_TYPES as readonly string[]).includes(type))
      throw invalidValue(`${callParam}.type`, type, TOOL_TYPES);
    if (type === 'custom') throw emulatorFailure(`${callParam}: custom tool calls are not emulated`);
    const fn = call['function'];
    if (fn === undefined || fn === null) throw missingParameter(`${callParam}.function`);
    if (!isPlainObject(fn)) throw invalidType(`${callParam}.function`, 'an object', fn);
    const name = requireString(fn, 'name', `${callParam}.function`);
    const args = requireString(fn, 'arguments', `${callParam}.function`);
    return { id, type: 'function', function: { name, arguments: args } };
  });
}

function requireString(object: Record<string, unknown>, key: string, param: string): string {
  const value = object[key];
  if (value === undefined || value === null) throw missingParameter(`${param}.${key}`);
  if (typeof value !== 'string') throw invalidType(`${param}.${key}`, 'a string', value);
  return value;
}

/**
 * OpenAI's ordering rule for tool calls: an assistant message with `tool_calls` is followed directly by one tool
 * message per call id, and a tool message answers a call of the assistant message right before its run of tool
 * messages. Fed the messages in order; `end()` after the last one.
 */
export class ToolCallSequence {
  private open: { ids: readonly string[]; unanswered: Set<string>; index: number } | undefined;

  assistant(index: number, toolCalls: ChatToolCall[]): void {
    this.other(index);
    if (toolCalls.length > 0) {
      const ids = toolCalls.map((call) => call.id);
      this.open = { ids, unanswered: new Set(ids), index };
    }
  }

  tool(index: number, toolCallId: string): void {
    if (this.open === undefined || !this.open.ids.includes(toolCallId)) {
      throw invalidRequest(
        "Invalid parameter: messages with role 'tool' must be a response to a preceeding message with 'tool_calls'.",
        `messages.[${index}].role`,
      );
    }
    this.open.unanswered.delete(toolCallId);
  }

  /** Any message but a tool message: the assistant's tool calls before it must all have been answered. */
  other(index: number): void {
    if (this.open !== undefined && this.open.unanswered.size > 0) {
      throw invalidRequest(
        `An assistant message with 'tool_calls' must be followed by tool messages responding to each 'tool_call_id'. The following tool_call_ids did not have response messages: ${[...this.open.unanswered].join(', ')}`,
        `messages.[${index}].role`,
      );
    }
    this.open = undefined;
  }

  end(): void {
    if (this.open !== undefined) this.other(this.open.index);
  }
}
