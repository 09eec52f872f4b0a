import addFormats from 'ajv-formats';
import { OpenAPIBackend, type Document } from 'openapi-backend';

/**
 * The contract check: every answer the gateway gives a test is held against its own OpenAPI document
 * (GET /docs/openapi.json of the same gateway, loaded once per base URL). The answer's status must be documented for
 * the operation its method and path match, its media type must be one the document gives for that status, and a JSON
 * body must match the schema there. Objects are taken as closed: a field the document does not describe is a
 * mismatch too, so that a client generated from the document sees every field the API sends.
 *
 * Off until `enableContractChecks()` (the e2e tier's setup file turns it on); then the test support reports every
 * answer here (the Api class, the signed webhooks, the SSE reader, `checkedFetch`), and the setup file fails the test
 * that got an answer the document does not describe, listing each.
 */

export interface ObservedResponse {
  baseUrl: string;
  method: string;
  /** The path with its query, as requested. */
  path: string;
  status: number;
  /** The Content-Type header, if any. */
  contentType: string | null;
  /** The parsed JSON body, the text of another one, or undefined when the body was not read (a stream). */
  body?: unknown;
}

/** Paths outside the API, excluded on purpose: probes, metrics, the document itself, the queue dashboard. */
const NOT_THE_API = [/^\/health(\/|$)/, /^\/metrics$/, /^\/docs(\/|$)/, /^\/admin\/queues(\/|$)/];

let enabled = false;
const documents = new Map<string, Promise<OpenAPIBackend>>();
let mismatches: string[] = [];

export function enableContractChecks(): void {
  enabled = true;
}

/**
 * Checks an answer against the document of the gateway that gave it, recording a mismatch (see takeMismatches).
 * Awaited by the caller, so that the document is read while that gateway still runs (a test may stop it next).
 */
export async function reportResponse(observed: ObservedResponse): Promise<void> {
  if (!enabled) return;
  const { pathname } = new URL(observed.path, observed.baseUrl);
  if (NOT_THE_API.some((pattern) => pattern.test(pathname))) return;
  try {
    const problem = await check(observed, pathname);
    if (problem) mismatches.push(`${observed.method} ${observed.path} -> ${observed.status}: ${problem}`);
  } catch (error) {
    mismatches.push(`${observed.method} ${observed.path}: the document could not be loaded (${String(error)})`);
  }
}

/** Answers (and forgets) the mismatches found since the last call. */
export function takeMismatches(): string[] {
  const found = mismatches;
  mismatches = [];
  return found;
}

/** fetch, with the answer reported to the contract check (its body read from a copy, unless it is a stream). */
export async function checkedFetch(url: string, init: RequestInit = {}): Promise<Response> {
  const response = await fetch(url, init);
  const { origin, pathname, search } = new URL(url);
  const contentType = response.headers.get('content-type');
  const observed = { baseUrl: origin, method: init.method ?? 'GET', path: pathname + search, status: response.status };
  if (!enabled) return response;
  if (contentType?.startsWith('text/event-stream')) {
    await reportResponse({ ...observed, contentType });
    return response;
  }
  const text = await response.clone().text();
  await reportResponse({ ...observed, contentType, body: parseBody(text) });
  return response;
}

/** A body as the tests read it: JSON when it parses, else its text (undefined when empty). */
export function parseBody(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

async function check(observed: ObservedResponse, pathname: string): Promise<string | undefined> {
  const api = await documentOf(observed.baseUrl);
  const operation = api.router.matchOperation({ method: observed.method, path: pathname, headers: {} });
  if (!operation) {
    // An unknown route is answered 404 by Nest, in the error shape; anything else there is a route undocumented.
    return observed.status === 404 ? undefined : 'no operation in the document for this method and path';
  }
  const response = operation.responses?.[String(observed.status)] as
    { content?: Record<string, { schema?: unknown }> } | undefined;
  if (!response) {
    const documented = Object.keys(operation.responses ?? {}).join(', ');
    return `status not documented for ${operation.operationId} (documented: ${documented}); body ${preview(observed.body)}`;
  }
  const mediaType = observed.contentType?.split(';')[0]!.trim().toLowerCase();
  const emptyBody = observed.body === undefined && !observed.contentType?.startsWith('text/event-stream');
  if (emptyBody) return response.content ? 'an empty body where the document describes one' : undefined;
  if (!mediaType || !response.content?.[mediaType]) {
    const documented = Object.keys(response.content ?? {}).join(', ') || 'no body';
    return `media type ${mediaType ?? 'none'} not documented (documented: ${documented})`;
  }
  if (mediaType !== 'application/json' || observed.body === undefined) return undefined;
  const result = api.validator.validateResponse(observed.body, operation, observed.status);
  if (result.valid) return undefined;
  const errors = (result.errors ?? []).map((error) => {
    const extra = (error.params as { additionalProperty?: string }).additionalProperty;
    return `${error.instancePath || '(body)'} ${error.message}${extra ? ` (${extra})` : ''}`;
  });
  return `body does not match the schema: ${errors.join('; ')}; body ${preview(observed.body)}`;
}

function documentOf(baseUrl: string): Promise<OpenAPIBackend> {
  let loaded = documents.get(baseUrl);
  if (!loaded) {
    loaded = loadDocument(baseUrl);
    documents.set(baseUrl, loaded);
    // A gateway that was not answering yet is asked again by the next check.
    loaded.catch(() => documents.delete(baseUrl));
  }
  return loaded;
}

async function loadDocument(baseUrl: string): Promise<OpenAPIBackend> {
  const answer = await fetch(`${baseUrl}/docs/openapi.json`);
  if (!answer.ok) throw new Error(`GET /docs/openapi.json answered ${answer.status}`);
  const definition = closeObjects((await answer.json()) as Document) as Document;
  // quick: the validators are compiled per operation when first needed (all at once takes seconds, which would slow
  // the first answer of a file enough to change what its test sees); openapi.test.ts validates the document itself.
  const api = new OpenAPIBackend({
    definition,
    quick: true,
    validate: true,
    ajvOpts: { allErrors: true },
    customizeAjv: (ajv) => addFormats.default(ajv),
  });
  await api.init();
  return api;
}

/**
 * Every object schema that lists its properties and says nothing of others gets `additionalProperties: false`, so
 * that a field the document does not describe is a mismatch. Schemas combined with allOf are left open (closing the
 * parts would refuse the whole); the document has none today.
 */
function closeObjects(node: unknown, insideAllOf = false): unknown {
  if (Array.isArray(node)) return node.map((item) => closeObjects(item, insideAllOf));
  if (typeof node !== 'object' || node === null) return node;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    // Examples are data, not schemas.
    copy[key] = key === 'example' || key === 'examples' ? value : closeObjects(value, key === 'allOf' || insideAllOf);
  }
  if ('properties' in copy && !('additionalProperties' in copy) && !insideAllOf) copy.additionalProperties = false;
  return copy;
}

function preview(body: unknown): string {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return text === undefined ? '(none)' : text.length > 300 ? `${text.slice(0, 300)}...` : text;
}
