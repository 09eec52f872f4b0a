/**
 * OpenAI-style API errors: `{"error":{"message","type","param","code"}}` with the status the real API uses, so the
 * SDK maps them to BadRequestError, AuthenticationError, NotFoundError, RateLimitError, InternalServerError...
 */
export class OpenAiApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly type: string,
    readonly param: string | null = null,
    readonly code: string | null = null,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  toBody(): { error: { message: string; type: string; param: string | null; code: string | null } } {
    return { error: { message: this.message, type: this.type, param: this.param, code: this.code } };
  }
}

/** 400 invalid_request_error about one parameter. */
export function invalidRequest(message: string, param: string | null, code: string | null = null): OpenAiApiError {
  return new OpenAiApiError(400, message, 'invalid_request_error', param, code);
}

export function missingParameter(param: string): OpenAiApiError {
  return invalidRequest(`Missing required parameter: '${param}'.`, param, 'missing_required_parameter');
}

export function invalidType(param: string, expected: string, value: unknown): OpenAiApiError {
  return invalidRequest(
    `Invalid type for '${param}': expected ${expected}, but got ${describeJson(value)} instead.`,
    param,
    'invalid_type',
  );
}

export function invalidValue(param: string, value: unknown, supported: readonly string[]): OpenAiApiError {
  const list = supported.map((s) => `'${s}'`);
  const listed = list.length > 1 ? `${list.slice(0, -1).join(', ')}, and ${list[list.length - 1]}` : (list[0] ?? '');
  return invalidRequest(`Invalid value: '${String(value)}'. Supported values are: ${listed}.`, param, 'invalid_value');
}

export function unrecognizedArgument(name: string): OpenAiApiError {
  return invalidRequest(`Unrecognized request argument supplied: ${name}`, null);
}

export function unparsableJson(): OpenAiApiError {
  return invalidRequest(
    "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly. The OpenAI API expects a JSON payload, but what was sent was not valid JSON.)",
    null,
  );
}

export function missingApiKey(): OpenAiApiError {
  return new OpenAiApiError(
    401,
    "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
    'invalid_request_error',
    null,
    'invalid_api_key',
  );
}

export function incorrectApiKey(key: string): OpenAiApiError {
  return new OpenAiApiError(
    401,
    `Incorrect API key provided: ${maskKey(key)}.`,
    'invalid_request_error',
    null,
    'invalid_api_key',
  );
}

export function invalidUrl(method: string, path: string): OpenAiApiError {
  return new OpenAiApiError(404, `Invalid URL (${method} ${path})`, 'invalid_request_error');
}

export function modelNotFound(model: string): OpenAiApiError {
  return new OpenAiApiError(
    404,
    `The model '${model}' does not exist`,
    'invalid_request_error',
    'model',
    'model_not_found',
  );
}

/** 500 for a failure of the emulator itself (e.g. a replier that threw); `x-should-retry: false` stops SDK retries. */
export function emulatorFailure(message: string): OpenAiApiError {
  return new OpenAiApiError(500, `OpenAI emulator failure: ${message}`, 'server_error', null, null, {
    'x-should-retry': 'false',
  });
}

/** How OpenAI words a JSON value's type in its messages: 'a string', 'an integer', 'an array'... */
export function describeJson(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  switch (typeof value) {
    case 'string':
      return 'a string';
    case 'boolean':
      return 'a boolean';
    case 'number':
      return Number.isInteger(value) ? 'an integer' : 'a decimal';
    case 'object':
      return 'an object';
    default:
      return 'nothing';
  }
}

function maskKey(key: string): string {
  if (key.length <= 8) return '*'.repeat(key.length);
  return `${key.slice(0, 3)}${'*'.repeat(Math.min(key.length - 7, 20))}${key.slice(-4)}`;
}
