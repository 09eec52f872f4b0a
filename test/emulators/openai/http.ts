import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import type { OpenAiApiError } from './errors.js';

const MAX_BODY = 32 * 1024 * 1024;

/** What a route answers: a JSON body, or Server-Sent Events (`data: <json>` per event, then `data: [DONE]`). */
export type Answer =
  | { status: number; headers?: Record<string, string>; json: unknown }
  | { status: 200; headers?: Record<string, string>; events: object[] };

export function errorAnswer(error: OpenAiApiError): Answer {
  return { status: error.status, headers: error.headers, json: error.toBody() };
}

/** The request body, or undefined (and the rest drained) beyond 32 MiB. */
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

/** The body as parsed JSON; its text when it is not JSON; undefined when empty. `json` tells which. */
export function parseBody(raw: Buffer): { value: any; json: boolean } {
  if (raw.length === 0) return { value: undefined, json: false };
  const text = raw.toString('utf8');
  try {
    return { value: JSON.parse(text), json: true };
  } catch {
    return { value: text, json: false };
  }
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

export function writeAnswer(res: ServerResponse, answer: Answer): void {
  if (res.destroyed || res.writableEnded) return;
  const requestId = `req_${randomBytes(16).toString('hex')}`;
  if ('events' in answer) {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache',
      'x-request-id': requestId,
      ...answer.headers,
    });
    for (const event of answer.events) res.write(`data: ${JSON.stringify(event)}\n\n`);
    res.end('data: [DONE]\n\n');
    return;
  }
  const payload = Buffer.from(JSON.stringify(answer.json));
  res.writeHead(answer.status, {
    'content-type': 'application/json',
    'content-length': String(payload.length),
    'x-request-id': requestId,
    ...answer.headers,
  });
  res.end(payload);
}
