import { createHmac, timingSafeEqual } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { TEST_PUBLIC_ADDRESS } from './test-env.js';

export interface ToolArrival {
  tool: string;
  body: { tool: string; arguments: Record<string, unknown>; conversation: Record<string, string> };
  headers: IncomingMessage['headers'];
  signatureValid: boolean;
  at: number;
}

/** How a tool's route answers: a JSON object (after a delay), or a status with a body as given. */
export type ToolBehaviour = (
  arrival: ToolArrival,
) =>
  | { json: Record<string, unknown>; delayMs?: number }
  | { status: number; body: string; delayMs?: number }
  | { hold: true };

/**
 * The backend's end of tool calls: a real HTTP server at `/tools/<name>` that verifies each call's voca-signature
 * the way the README tells backends to (HMAC-SHA256 over `<t>.<raw body>` with the tool's signing secret, within
 * five minutes), refuses a bad one with 401, and answers as each tool's behaviour says. `hold` keeps the request
 * open until released (a backend still working when the engine dies).
 */
export class ToolReceiver {
  readonly arrivals: ToolArrival[] = [];
  readonly secrets = new Map<string, string>();
  readonly behaviours = new Map<string, ToolBehaviour>();
  private readonly held: ServerResponse[] = [];

  private constructor(
    private readonly server: Server,
    readonly baseUrl: string,
  ) {}

  static async start(): Promise<ToolReceiver> {
    // eslint-disable-next-line prefer-const -- assigned once the server listens, read by its handler
    let receiver: ToolReceiver | undefined;
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => receiver!.receive(request, Buffer.concat(chunks).toString('utf8'), response));
    });
    server.listen(0, TEST_PUBLIC_ADDRESS);
    await once(server, 'listening');
    const { port } = server.address() as { port: number };
    receiver = new ToolReceiver(server, `http://${TEST_PUBLIC_ADDRESS}:${port}`);
    return receiver;
  }

  urlOf(tool: string): string {
    return `${this.baseUrl}/tools/${tool}`;
  }

  callsOf(tool: string): ToolArrival[] {
    return this.arrivals.filter((arrival) => arrival.tool === tool);
  }

  /** Answers every held request with `json`. */
  release(json: Record<string, unknown> = { ok: true }): void {
    for (const response of this.held.splice(0))
      if (!response.destroyed)
        response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(json));
  }

  async stop(): Promise<void> {
    this.server.close();
    this.server.closeAllConnections();
    await once(this.server, 'close');
  }

  private receive(request: IncomingMessage, raw: string, response: ServerResponse): void {
    const tool = (request.url ?? '').replace(/^\/tools\//, '');
    const parsed = JSON.parse(raw) as ToolArrival['body'];
    // The same tool of several agents has one secret each: `<agent id>:<tool>`, else the tool's name alone.
    const secret = this.secrets.get(`${parsed.conversation?.agent_id}:${tool}`) ?? this.secrets.get(tool) ?? '';
    const signatureValid = verify(String(request.headers['voca-signature'] ?? ''), raw, secret);
    const arrival: ToolArrival = {
      tool,
      body: parsed,
      headers: request.headers,
      signatureValid,
      at: Date.now(),
    };
    this.arrivals.push(arrival);
    if (!signatureValid) {
      response.writeHead(401, { 'content-type': 'application/json' }).end('{"error":"bad signature"}');
      return;
    }
    const behaviour = this.behaviours.get(tool)?.(arrival) ?? { status: 404, body: '{"error":"no such tool"}' };
    if ('hold' in behaviour) {
      this.held.push(response);
      return;
    }
    const answer = () => {
      if (response.destroyed) return;
      if ('json' in behaviour)
        response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(behaviour.json));
      else response.writeHead(behaviour.status, { 'content-type': 'application/json' }).end(behaviour.body);
    };
    if (behaviour.delayMs) setTimeout(answer, behaviour.delayMs).unref();
    else answer();
  }
}

/** `t=<unix s>,v1=<hex>`: HMAC-SHA256(secret, "<t>.<body>"), compared in constant time, at most 5 minutes old. */
function verify(header: string, body: string, secret: string): boolean {
  const parts = Object.fromEntries(header.split(',').map((part) => part.split('=', 2) as [string, string]));
  const timestamp = Number(parts.t);
  if (!secret || !parts.v1 || !Number.isInteger(timestamp) || Math.abs(Date.now() / 1000 - timestamp) > 300)
    return false;
  const expected = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest();
  const given = Buffer.from(parts.v1, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
