import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';

const MAX_BODY = 4 * 1024 * 1024;

/** What a route answers: always a JSON body. */
export interface Answer {
  status: number;
  headers?: Record<string, string>;
  json: unknown;
}

/** Something a platform answers with a non-2xx status (a Graph error envelope or an X problem). */
export interface PlatformError {
  toAnswer(): Answer;
}

/** A request body as parsed: JSON, a form (Graph accepts `application/x-www-form-urlencoded`), empty, or unparsable. */
export type ParsedBody =
  | { kind: 'json'; value: any }
  | { kind: 'form'; value: Record<string, unknown> }
  | { kind: 'empty'; value: undefined }
  | { kind: 'invalid'; value: string };

/** The request body, or undefined (and the rest drained) beyond 4 MiB. */
export function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > MAX_BODY ? undefined : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/**
 * JSON when the content type says so or the text parses as JSON; a form when the content type is urlencoded (each
 * field that holds JSON, e.g. `recipient={"id":"1"}` or Meta's documented `recipient={'id':'1'}`, is parsed).
 */
export function parseBody(raw: Buffer, contentType: string | undefined): ParsedBody {
  if (raw.length === 0) return { kind: 'empty', value: undefined };
  const text = raw.toString('utf8');
  if ((contentType ?? '').toLowerCase().startsWith('application/x-www-form-urlencoded')) {
    const value: Record<string, unknown> = {};
    for (const [name, field] of new URLSearchParams(text)) value[name] = parseFormField(field);
    return { kind: 'form', value };
  }
  try {
    return { kind: 'json', value: JSON.parse(text) };
  } catch {
    return { kind: 'invalid', value: text };
  }
}

function parseFormField(field: string): unknown {
  if (!/^\s*[[{]/.test(field)) return field;
  for (const candidate of [field, field.replace(/'/g, '"')]) {
    try {
      return JSON.parse(candidate);
    } catch {
      // try the next spelling
    }
  }
  return field;
}

/** Header names lower-cased (Node already does), repeated values joined with ', '. */
export function flattenHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}

/** The token of an `Authorization: Bearer <token>` header, or undefined. */
export function bearerToken(headers: Record<string, string>): string | undefined {
  const token = /^Bearer\s+(\S+)\s*$/i.exec(headers['authorization']?.trim() ?? '')?.[1];
  return token === undefined || token === '' ? undefined : token;
}

/** Writes the answer unless the client is already gone (an aborted held send). */
export function writeAnswer(res: ServerResponse, answer: Answer): void {
  if (res.destroyed || res.writableEnded) return;
  const payload = Buffer.from(JSON.stringify(answer.json));
  res.writeHead(answer.status, {
    'content-type': 'application/json; charset=UTF-8',
    'content-length': String(payload.length),
    ...answer.headers,
  });
  res.end(payload);
}
